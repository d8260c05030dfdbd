package dev.massbt.jobs.optimize;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.massbt.datasets.SharedSpark;
import dev.massbt.datasets.catalog.DatasetRef;
import dev.massbt.datasets.ingest.SyntheticIngest;
import dev.massbt.datasets.run.RunId;
import dev.massbt.datasets.table.BarsQuery;
import dev.massbt.datasets.table.DriverBars;
import dev.massbt.datasets.table.Table;
import dev.massbt.datasets.table.Warehouse;
import dev.massbt.jobs.backtest.Split;
import dev.massbt.jobs.tables.RunTable;
import dev.massbt.jobs.tables.RunWrites;
import dev.massbt.strategies.bars.BarSeries;
import dev.massbt.strategies.generate.GridExpansion;
import dev.massbt.strategies.generate.GridPoint;
import dev.massbt.strategies.generate.GridTemplate;
import dev.massbt.strategies.kernel.CostModel;
import dev.massbt.strategies.kernel.Detail;
import dev.massbt.strategies.kernel.Kernel;
import dev.massbt.strategies.kernel.Segment;
import dev.massbt.strategies.kernel.StrategyResult;
import dev.massbt.strategies.metrics.Metrics;
import dev.massbt.strategies.metrics.MetricsConfig;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A 450-combination SMA crossover grid (fast 5..19 x slow 20..49) on a 20-day synthetic market:
 * the tables hold one row per parameter set (and per segment), and the best parameter sets are
 * exactly those of a brute-force loop that runs the strategies/ kernel directly, one strategy at a
 * time, on the same bars.
 */
class OptimizeActionTest {

    private static final DatasetRef.Synthetic MARKET = new DatasetRef.Synthetic(1, 20, 9);
    private static final String SYMBOL = MARKET.symbolNames().get(0);
    private static final CostModel COSTS = new CostModel(2, 1);

    private static SparkSession spark;
    private static Warehouse warehouse;
    private static RunWrites writes;

    @BeforeAll
    static void setUp() {
        spark = SharedSpark.session();
        warehouse = SharedSpark.freshWarehouse("optimize");
        writes = new RunWrites(spark, warehouse);
        SyntheticIngest.on(spark).warehouse(warehouse).dataset(MARKET).execute();
    }

    private static Dataset<Row> table(RunTable t, String run) {
        return spark.read().format("delta").load(writes.path(t)).where(col("run_id").equalTo(lit(run)));
    }

    /** What the kernel says of one parameter set, run on its own. */
    private record Direct(GridPoint point, Metrics inSample, Metrics outOfSample) {
    }

    @Test
    void grid450WritesEveryParameterSetAndFindsTheBruteForceBest() throws Exception {
        GridTemplate template = GridTemplate.read(Path.of("src/test/resources/templates/sma-cross-grid.json"));
        OptimizeResult r = OptimizeAction.on(spark, writes, RunId.of("opt-450")).template(template)
                .symbols(List.of(SYMBOL)).split(new Split.Fraction(0.7)).costs(COSTS).metric("sharpe")
                .show(10).execute();

        assertThat(r.combinations()).isEqualTo(450);
        assertThat(r.evaluated()).isEqualTo(450);
        assertThat(r.skippedCount()).isZero();
        assertThat(r.segment()).isEqualTo(Split.IN_SAMPLE);
        assertThat(r.backtest().resultRows()).isEqualTo(450 * 2);
        assertThat(table(RunTable.RESULTS, "opt-450").count()).isEqualTo(450 * 2);
        assertThat(table(RunTable.STRATEGY_SETS, "opt-450").count()).isEqualTo(450);
        Dataset<Row> grid = table(RunTable.GRID, "opt-450");
        assertThat(grid.count()).isEqualTo(450);
        assertThat(grid.select("strategy_id").distinct().count()).isEqualTo(450);
        Row g31 = grid.where(col("combination").equalTo(lit(31))).first();
        assertThat(g31.<String, Double>getJavaMap(g31.fieldIndex("params"))).isEqualTo(Map.of("fast", 6.0, "slow", 21.0));
        assertThat(g31.getString(g31.fieldIndex("label"))).isEqualTo("fast=6 slow=21");
        assertThat(g31.getString(g31.fieldIndex("template"))).isEqualTo("sma-cross-grid");
        Row stored = spark.read().format("delta").load(writes.path(RunTable.STRATEGIES))
                .where(col("strategy_id").equalTo(lit(g31.getString(g31.fieldIndex("strategy_id"))))).first();
        assertThat(stored.getString(stored.fieldIndex("origin"))).isEqualTo("grid");
        assertThat(stored.getString(stored.fieldIndex("source"))).isEqualTo("fast=6 slow=21");
        assertThat(stored.getString(stored.fieldIndex("name"))).isEqualTo("sma-cross-grid fast=6 slow=21");
        // what a notebook does for the heat map: one in-sample Sharpe per (fast, slow)
        Dataset<Row> heat = grid.join(table(RunTable.RESULTS, "opt-450"),
                        CollectionConverters.asScala(List.of("run_id", "strategy_id")).toSeq())
                .where(col("segment").equalTo(lit(Split.IN_SAMPLE)))
                .select(col("params").getItem("fast").as("fast"), col("params").getItem("slow").as("slow"), col("sharpe"));
        assertThat(heat.count()).isEqualTo(450);
        assertThat(heat.select("fast", "slow").distinct().count()).isEqualTo(450);

        List<Direct> direct = bruteForce(template.expand());
        // best first; ties to the earlier combination (a stable sort keeps grid order)
        List<Direct> expected = direct.stream().filter(d -> d.inSample().tradeCount() >= 1)
                .sorted((a, b) -> Double.compare(b.inSample().sharpe() + 0.0, a.inSample().sharpe() + 0.0)).toList();
        assertThat(r.ranked()).isEqualTo(expected.size()).isGreaterThan(400);
        // the documented rule as a plain loop: the highest in-sample Sharpe among sets with a trade, the
        // first in grid order on ties
        Direct winner = null;
        for (Direct d : direct) {
            if (d.inSample().tradeCount() >= 1 && (winner == null || d.inSample().sharpe() > winner.inSample().sharpe())) {
                winner = d;
            }
        }
        assertThat(r.winner().label()).isEqualTo(winner.point().label()).isEqualTo(expected.get(0).point().label());
        assertThat(r.winner().params()).isEqualTo(winner.point().params());
        assertThat(r.winner().score()).isEqualTo(winner.inSample().sharpe());
        assertThat(r.winner().trades()).isEqualTo(winner.inSample().tradeCount());
        assertThat(r.winner().totalReturn()).isEqualTo(winner.inSample().totalReturn());
        assertThat(r.winner().oosScore()).isEqualTo(winner.outOfSample().sharpe());
        assertThat(r.winner().oosTotalReturn()).isEqualTo(winner.outOfSample().totalReturn());
        assertThat(r.best()).hasSize(10);
        assertThat(r.best()).extracting(OptimizeResult.ParameterSet::label)
                .containsExactlyElementsOf(expected.subList(0, 10).stream().map(d -> d.point().label()).toList());
        assertThat(r.best()).extracting(OptimizeResult.ParameterSet::score)
                .containsExactlyElementsOf(expected.subList(0, 10).stream().map(d -> d.inSample().sharpe()).toList());

        String report = r.report();
        assertThat(report).contains("optimize opt-450: template 'sma-cross-grid' (src/test/resources/templates/"
                + "sma-cross-grid.json): 450 combinations, 450 evaluated, 0 skipped");
        assertThat(report).contains("Best 10 of 450 parameter sets by in_sample sharpe (at least 1 trade; "
                + expected.size() + " qualify), out-of-sample beside:");
        assertThat(report).contains("best: " + winner.point().label() + " (in_sample sharpe ");
        assertThat(report.lines().filter(l -> l.matches("\\s+\\d+\\s+\\d+\\s+\\d+\\s+-?\\d.*"))).hasSize(10);
    }

    /** Each parameter set run on its own through the kernel, on the same bars and segments. */
    private static List<Direct> bruteForce(GridExpansion grid) {
        long start = SyntheticIngest.DEFAULT_START.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        BarSeries bars = DriverBars.load(spark, warehouse.path(Table.BARS),
                BarsQuery.minutes(SYMBOL, start, start + MARKET.days() * 86_400_000L));
        assertThat(bars.size()).isEqualTo(20 * 1440);
        List<Segment> segments = new Split.Fraction(0.7).segments(SYMBOL, bars.ts()[0],
                bars.ts()[bars.size() - 1] + 60_000);
        Kernel kernel = new Kernel(bars, COSTS, MetricsConfig.crypto());
        List<Direct> out = new ArrayList<>();
        for (GridPoint p : grid.points()) {
            List<StrategyResult> rs = kernel.run(List.of(p.strategy()), segments, EnumSet.noneOf(Detail.class))
                    .results();
            assertThat(rs.get(0).segment().name()).isEqualTo(Split.IN_SAMPLE);
            assertThat(rs.get(1).segment().name()).isEqualTo(Split.OUT_OF_SAMPLE);
            out.add(new Direct(p, rs.get(0).metrics(), rs.get(1).metrics()));
        }
        return out;
    }
}

package dev.massbt.jobs.optimize;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import dev.massbt.datasets.run.RunId;
import dev.massbt.jobs.action.JobAction;
import dev.massbt.jobs.backtest.BacktestAction;
import dev.massbt.jobs.backtest.Calendar;
import dev.massbt.jobs.backtest.BacktestResult;
import dev.massbt.jobs.backtest.Split;
import dev.massbt.jobs.error.JobErrors;
import dev.massbt.jobs.generate.StoredStrategy;
import dev.massbt.jobs.generate.StrategyStore;
import dev.massbt.jobs.rank.Scores;
import dev.massbt.jobs.tables.RunTable;
import dev.massbt.jobs.tables.RunWrites;
import dev.massbt.strategies.generate.GridExpansion;
import dev.massbt.strategies.generate.GridParam;
import dev.massbt.strategies.generate.GridPoint;
import dev.massbt.strategies.generate.GridTemplate;
import dev.massbt.strategies.kernel.CostModel;
import dev.massbt.strategies.metrics.Metric;
import dev.massbt.strategies.metrics.MetricsConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Grid optimisation: expands a {@link GridTemplate} into strategies, stores them (origin
 * {@code grid}, source {@code fast=10 slow=30}), backtests them as ONE run, writes the run's
 * {@code grid} table (which strategy each parameter set became) and ranks the parameter sets.
 *
 * <pre>{@code
 * OptimizeResult r = OptimizeAction.on(spark, writes, RunId.of("opt-1"))
 *         .template(GridTemplate.read(Path.of("sma-cross-grid.json")))
 *         .symbols(List.of("BTCUSD")).split(new Split.Fraction(0.7)).metric("sharpe")
 *         .execute();
 * }</pre>
 *
 * <p>Ranking: by {@code metric} on the split's ranking segment (in-sample, or all without a
 * split), across symbols as {@link Scores} defines,
 * among parameter sets with at least {@code minTrades} trades there; higher is better, and
 * ties go to the combination that comes first in grid order. Combinations the template skips
 * (constraints, invalid strategies, repeats) are counted, never fatal.
 */
public final class OptimizeAction extends JobAction {

    private static final Logger LOG = LoggerFactory.getLogger(OptimizeAction.class);

    private GridTemplate template;
    private List<String> symbols = List.of();
    private Instant from;
    private Instant to;
    private Split split = new Split.Fraction(0.7);
    private int chunkSize;
    private CostModel costs = CostModel.ZERO;
    private MetricsConfig metrics = MetricsConfig.crypto();
    private Calendar calendar;
    private Metric metric = Metric.SHARPE;
    private long minTrades = 1;
    private int show = 10;

    private OptimizeAction(SparkSession spark, RunWrites writes, RunId run) {
        super("optimize", spark, writes, run);
    }

    public static OptimizeAction on(SparkSession spark, RunWrites writes, RunId run) {
        return new OptimizeAction(spark, writes, run);
    }

    public OptimizeAction template(GridTemplate t) {
        this.template = Objects.requireNonNull(t, "template");
        return this;
    }

    public OptimizeAction symbols(List<String> s) {
        this.symbols = List.copyOf(Objects.requireNonNull(s, "symbols"));
        return this;
    }

    /** Bars with open time in [from, to); either may be null (unbounded). */
    public OptimizeAction range(Instant fromInclusive, Instant toExclusive) {
        this.from = fromInclusive;
        this.to = toExclusive;
        return this;
    }

    public OptimizeAction split(Split s) {
        this.split = Objects.requireNonNull(s, "split");
        return this;
    }

    /** Strategies per backtest task; 0 (default) lets the backtest choose. */
    public OptimizeAction chunkSize(int n) {
        if (n < 0) {
            throw JobErrors.option("chunk size must be >= 0, got " + n);
        }
        this.chunkSize = n;
        return this;
    }

    public OptimizeAction costs(CostModel c) {
        this.costs = Objects.requireNonNull(c, "costs");
        return this;
    }

    /** How metrics are annualised (see {@link BacktestAction#calendar}). */
    public OptimizeAction calendar(Calendar c) {
        this.calendar = Objects.requireNonNull(c, "calendar");
        return this;
    }

    public OptimizeAction metrics(MetricsConfig m) {
        this.metrics = Objects.requireNonNull(m, "metrics");
        return this;
    }

    /** The metric to maximise (default sharpe): one of {@link Metric#rankableMetrics()}, by column name. */
    public OptimizeAction metric(String m) {
        Objects.requireNonNull(m, "metric");
        this.metric = Metric.byColumn(m).filter(Metric::rankable).orElseThrow(() -> JobErrors.metric(
                "Cannot optimise", m, Metric.rankableMetrics()));
        return this;
    }

    /** Rank only parameter sets with at least {@code n} trades on the ranking segment (default 1). */
    public OptimizeAction minTrades(long n) {
        if (n < 0) {
            throw JobErrors.option("minimum trades must be >= 0, got " + n);
        }
        this.minTrades = n;
        return this;
    }

    /** How many of the best parameter sets to return (default 10); their trades and equity are kept too. */
    public OptimizeAction show(int n) {
        if (n < 1) {
            throw JobErrors.option("show must be >= 1, got " + n);
        }
        this.show = n;
        return this;
    }

    public OptimizeResult execute() {
        if (template == null) {
            throw JobErrors.nothingTo("optimise", "no template given", "Give a grid template");
        }
        if (symbols.isEmpty()) {
            throw JobErrors.nothingTo("optimise", "no symbols given", "Name at least one symbol of the bars table "
                    + "(massbt datasets lists them)");
        }
        long start = System.nanoTime();
        GridExpansion grid = template.expand();
        LOG.info("optimize {}: template '{}': {} combinations, {} to evaluate, {} skipped {}", run, template.name(),
                grid.combinations(), grid.evaluated(), grid.skippedCount(),
                grid.skipped().stream().map(s -> s.count() + " " + s.description()).toList());
        List<StoredStrategy> strategies = new ArrayList<>(grid.evaluated());
        Map<String, GridPoint> byId = new HashMap<>();
        for (GridPoint p : grid.points()) {
            StoredStrategy s = StoredStrategy.of(p.strategy(), "grid", p.label());
            strategies.add(s);
            byId.put(s.id(), p);
        }
        StrategyStore.Stored stored = step("store", "store " + strategies.size() + " strategies",
                () -> new StrategyStore(spark, writes).store(run, strategies));
        BacktestAction action = BacktestAction.on(spark, writes, run).strategies(StrategyStore.setOf(strategies))
                .symbols(symbols).range(from, to).split(split).chunkSize(chunkSize).costs(costs).metrics(metrics)
                .top(show, metric.column());
        BacktestResult backtest = (calendar == null ? action : action.calendar(calendar)).execute();
        Map<String, Long> outputs = new LinkedHashMap<>(backtest.outputVersions());
        outputs.put(RunTable.STRATEGIES.tableName(), stored.strategiesVersion());
        outputs.put(RunTable.STRATEGY_SETS.tableName(), stored.setsVersion());
        outputs.put(RunTable.GRID.tableName(), step("grid", "write the grid of " + grid.evaluated() + " parameter sets",
                () -> writes.replaceRun(RunTable.GRID, run, gridRows(grid, strategies))));
        // One row per qualifying parameter set (at most MAX_COMBINATIONS), ranked here where the grid order is.
        List<Row> all = new ArrayList<>(step("rank", "rank " + grid.evaluated() + " parameter sets", () ->
                candidates(backtest.outputVersions().get(RunTable.RESULTS.tableName())).collectAsList()));
        all.sort(rankOrder(byId));
        List<OptimizeResult.ParameterSet> best = new ArrayList<>();
        for (Row r : all.subList(0, Math.min(show, all.size()))) {
            best.add(parameterSet(best.size() + 1, byId.get(r.getString(r.fieldIndex("strategy_id"))), r));
        }
        OptimizeResult result = new OptimizeResult(run.value(), template.name(), template.source(),
                template.params().stream().map(GridParam::name).toList(), grid.combinations(), grid.evaluated(),
                grid.skipped(), metric.column(), split.rankingSegment(), minTrades, all.size(), best, backtest,
                writes.path(RunTable.GRID), backtest.inputVersions(), outputs, millisSince(start));
        LOG.info("optimize {}: best {} of {} qualifying parameter sets: {}", run, best.size(), all.size(),
                best.isEmpty() ? "none" : best.get(0).label());
        return result;
    }

    /** One row per evaluated combination; {@code strategies} are the points' strategies, in the same order. */
    private List<Row> gridRows(GridExpansion grid, List<StoredStrategy> strategies) {
        List<Row> rows = new ArrayList<>(grid.evaluated());
        for (int i = 0; i < grid.evaluated(); i++) {
            GridPoint p = grid.points().get(i);
            rows.add(RowFactory.create(run.value(), p.combination(), strategies.get(i).id(), template.name(),
                    p.label(), CollectionConverters.asScala(new LinkedHashMap<>(p.params()))));
        }
        return rows;
    }

    /**
     * One row per parameter set with enough trades: the ranking segment's aggregates ({@code is_})
     * and the out-of-sample ones ({@code oos_}), read from {@code results} at the version this run wrote.
     */
    private Dataset<Row> candidates(long resultsVersion) {
        Dataset<Row> results = spark.read().format("delta").option("versionAsOf", resultsVersion)
                .load(writes.path(RunTable.RESULTS)).where(col("run_id").equalTo(lit(run.value())));
        Column[] byStrategy = {col("strategy_id")};
        Dataset<Row> ranked = Scores.aggregate(results.where(col("segment").equalTo(lit(split.rankingSegment()))),
                metric, byStrategy, "is_");
        if (!(split instanceof Split.None)) {
            ranked = ranked.join(Scores.aggregate(results.where(col("segment").equalTo(lit(Split.OUT_OF_SAMPLE))),
                    metric, byStrategy, "oos_"), "strategy_id");
        }
        return ranked.where(col("is_trades").geq(lit(minTrades)));
    }

    /**
     * Best score first (higher, for every rankable metric); equal scores in grid order. {@code + 0.0}
     * turns -0.0 into 0.0, so that the two zeros tie as they do under {@code >} (Double.compare
     * alone orders them).
     */
    Comparator<Row> rankOrder(Map<String, GridPoint> byId) {
        Comparator<Row> byScore = (a, b) -> Double.compare(b.getDouble(b.fieldIndex("is_score")) + 0.0,
                a.getDouble(a.fieldIndex("is_score")) + 0.0);
        if (!metric.higherIsBetter()) {
            byScore = byScore.reversed();
        }
        return byScore.thenComparingInt(r -> byId.get(r.getString(r.fieldIndex("strategy_id"))).combination());
    }

    private OptimizeResult.ParameterSet parameterSet(int rank, GridPoint point, Row r) {
        boolean oos = !(split instanceof Split.None);
        return new OptimizeResult.ParameterSet(rank, point.combination(), point.label(), point.params(),
                r.getString(r.fieldIndex("strategy_id")), r.getDouble(r.fieldIndex("is_score")),
                r.getDouble(r.fieldIndex("is_sharpe")), r.getDouble(r.fieldIndex("is_total_return")),
                r.getDouble(r.fieldIndex("is_max_drawdown")), r.getLong(r.fieldIndex("is_trades")),
                oos ? r.getDouble(r.fieldIndex("oos_score")) : null, oos ? r.getDouble(r.fieldIndex("oos_sharpe")) : null,
                oos ? r.getDouble(r.fieldIndex("oos_total_return")) : null,
                oos ? r.getLong(r.fieldIndex("oos_trades")) : null);
    }
}

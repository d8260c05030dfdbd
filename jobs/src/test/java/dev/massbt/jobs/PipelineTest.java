package dev.massbt.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.massbt.datasets.SharedSpark;
import dev.massbt.datasets.catalog.DatasetRef;
import dev.massbt.datasets.ingest.SyntheticIngest;
import dev.massbt.datasets.run.RunId;
import dev.massbt.datasets.table.Warehouse;
import dev.massbt.jobs.backtest.BacktestAction;
import dev.massbt.jobs.backtest.BacktestResult;
import dev.massbt.jobs.backtest.Split;
import dev.massbt.jobs.generate.RandomStrategies;
import dev.massbt.jobs.generate.StoredStrategy;
import dev.massbt.jobs.generate.StrategyStore;
import dev.massbt.jobs.rank.Leaderboard;
import dev.massbt.jobs.rank.RankAction;
import dev.massbt.jobs.runs.RunRecorder;
import dev.massbt.jobs.tables.RunTable;
import dev.massbt.jobs.tables.RunWrites;
import dev.massbt.strategies.generate.SearchSpace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * generate, backtest and rank on a small synthetic market through the real tables: rows read
 * back as expected, a re-run with the same id replaces its rows, bad symbols and ranges fail
 * clearly.
 */
class PipelineTest {

    private static SparkSession spark;
    private static RunWrites writes;
    private static DatasetRef.Synthetic market = new DatasetRef.Synthetic(2, 6, 11);

    @BeforeAll
    static void setUp() {
        spark = SharedSpark.session();
        Warehouse w = SharedSpark.freshWarehouse("pipeline");
        writes = new RunWrites(spark, w);
        SyntheticIngest.on(spark).warehouse(w).dataset(market).execute();
    }

    private static Dataset<Row> table(RunTable t) {
        return spark.read().format("delta").load(writes.path(t));
    }

    @Test
    void generateBacktestRankWriteTheirTables() {
        RunId gen = RunId.of("gen-a");
        List<StoredStrategy> generated = RandomStrategies.generate(SearchSpace.DEFAULT, 5, 40);
        StrategyStore store = new StrategyStore(spark, writes);
        StrategyStore.Stored stored = store.store(gen, generated);
        assertThat(stored.distinct()).isEqualTo(40);
        assertThat(table(RunTable.STRATEGIES).count()).isEqualTo(40);
        // Storing the same strategies again (another run) inserts nothing: deduplicated by id.
        assertThat(store.store(RunId.of("gen-b"), generated).inserted()).isZero();
        assertThat(table(RunTable.STRATEGIES).count()).isEqualTo(40);

        RunId bt = RunId.of("bt-a");
        RunRecorder rec = RunRecorder.start(spark, writes, bt, "backtest", List.of("--test"), Map.of("generator", 5L));
        BacktestResult r = BacktestAction.on(spark, writes, bt).strategies(store.ofRun(gen))
                .symbols(market.symbolNames()).split(new Split.Fraction(0.7)).top(5, "sharpe").execute();
        rec.succeeded(r.inputVersions(), r.outputVersions(), Map.of("result_rows", r.resultRows()));

        assertThat(r.resultRows()).isEqualTo(40 * 2 * 2);
        Dataset<Row> results = table(RunTable.RESULTS).where(col("run_id").equalTo(lit("bt-a")));
        assertThat(results.count()).isEqualTo(160);
        assertThat(results.select("strategy_id", "symbol", "segment").distinct().count()).isEqualTo(160);
        assertThat(results.where(col("segment").equalTo(lit(Split.IN_SAMPLE))).count()).isEqualTo(80);
        // every strategy's daily returns are kept, one array per (strategy, symbol, segment)
        Dataset<Row> returns = table(RunTable.RETURNS).where(col("run_id").equalTo(lit("bt-a")));
        assertThat(returns.count()).isEqualTo(160);
        Row one = returns.where(col("segment").equalTo(lit(Split.IN_SAMPLE))).first();
        assertThat(one.getList(one.fieldIndex("returns"))).hasSameSizeAs(one.getList(one.fieldIndex("day_offsets")));
        // 6 days split at 0.7 -> the in-sample segment spans the first 4 whole days
        assertThat(one.getList(one.fieldIndex("returns"))).hasSize(4);
        assertThat(table(RunTable.EQUITY).where(col("run_id").equalTo(lit("bt-a"))).select("strategy_id").distinct()
                .count()).isBetween(1L, 5L);

        Leaderboard lb = RankAction.on(spark, writes, bt).minTrades(0).export(3).execute();
        assertThat(lb.entries()).hasSize(40);
        assertThat(lb.trials()).isEqualTo(40);
        assertThat(lb.entries()).extracting(Leaderboard.Entry::rank).startsWith(1, 2, 3);
        for (int i = 1; i < lb.entries().size(); i++) {
            assertThat(lb.entries().get(i).score()).isLessThanOrEqualTo(lb.entries().get(i - 1).score());
        }
        assertThat(lb.entries().get(0).jsonPath()).endsWith(".json");
        assertThat(Path.of(lb.entries().get(0).jsonPath())).exists();
        assertThat(lb.entries().get(3).jsonPath()).isNull();
        assertThat(table(RunTable.LEADERBOARD).where(col("run_id").equalTo(lit("bt-a"))).count()).isEqualTo(40);
        assertThat(lb.table(3)).contains("Leaderboard of bt-a").contains(lb.entries().get(0).strategyId().substring(0, 16));

        // Re-run with the same id and fewer strategies: the run's rows are replaced, no duplicates.
        BacktestAction.on(spark, writes, bt).strategies(StrategyStore.setOf(generated.subList(0, 10)))
                .symbols(market.symbolNames()).split(new Split.Fraction(0.7)).top(2, "sharpe").execute();
        assertThat(table(RunTable.RESULTS).where(col("run_id").equalTo(lit("bt-a"))).count()).isEqualTo(40);
        assertThat(table(RunTable.RETURNS).where(col("run_id").equalTo(lit("bt-a"))).count()).isEqualTo(40);
    }

    @Test
    void aMissingSymbolOrAnEmptyDateRangeIsAClearError() {
        var set = StrategyStore.setOf(RandomStrategies.generate(SearchSpace.DEFAULT, 1, 3));
        assertThatThrownBy(() -> BacktestAction.on(spark, writes, RunId.of("bt-bad")).strategies(set)
                .symbols(List.of("NOPE")).execute())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no bars of [NOPE]");
        assertThatThrownBy(() -> BacktestAction.on(spark, writes, RunId.of("bt-bad")).strategies(set)
                .symbols(market.symbolNames()).range(Instant.parse("2030-01-01T00:00:00Z"), null).execute())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("in [2030-01-01T00:00:00Z, end)");
        assertThatThrownBy(() -> BacktestAction.on(spark, writes, RunId.of("bt-bad")).strategies(set)
                .symbols(market.symbolNames()).range(Instant.parse("2030-01-01T00:00:00Z"),
                        Instant.parse("2029-01-01T00:00:00Z")).execute())
                .hasMessageContaining("is empty");
        assertThat(Files.exists(Path.of(writes.path(RunTable.RESULTS), "run_id=bt-bad"))).isFalse();
    }
}

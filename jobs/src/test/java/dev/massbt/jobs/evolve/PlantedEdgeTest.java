package dev.massbt.jobs.evolve;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.massbt.datasets.SharedSpark;
import dev.massbt.datasets.run.RunId;
import dev.massbt.datasets.table.PartitionValues;
import dev.massbt.datasets.table.Table;
import dev.massbt.datasets.table.Warehouse;
import dev.massbt.jobs.backtest.BacktestAction;
import dev.massbt.jobs.backtest.Split;
import dev.massbt.jobs.generate.RandomStrategies;
import dev.massbt.jobs.generate.StrategyStore;
import dev.massbt.jobs.tables.RunTable;
import dev.massbt.jobs.tables.RunWrites;
import dev.massbt.strategies.generate.SearchSpace;
import dev.massbt.strategies.timeframe.Timeframe;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * A market with a planted edge: in its calm regime (every other day), an oversold one-minute
 * RSI(14) below 30 is followed by 30 minutes of upward drift. Evolution, given as many
 * evaluations as a random search, must find strategies whose out-of-sample Sharpe beats the
 * out-of-sample Sharpe of the random search's in-sample best: selection under noise (random)
 * against search that climbs towards the edge (evolution). Seeds are fixed: the test is
 * deterministic ({@code -Dplanted.seed=N} runs another seed of both searches). Seeds tried on
 * 2026-11-21, evolved vs random out-of-sample Sharpe: 5 (the default, chosen before any run):
 * 1.06 vs 0.65; 11: 12.8 vs 8.2; 12: 15.6 vs 15.3; 13: 9.2 vs 7.5.
 */
class PlantedEdgeTest {

    static final String SYMBOL = "EDGE";
    static final int DAYS = 30;
    static final SearchSpace SPACE = new SearchSpace(List.of(Timeframe.M1, Timeframe.M5), List.of(Timeframe.H1));

    @Test
    void evolutionBeatsAsManyRandomStrategiesOutOfSample() {
        SparkSession spark = SharedSpark.session();
        Warehouse w = SharedSpark.freshWarehouse("planted");
        writePlantedMarket(spark, w, 7);
        RunWrites writes = new RunWrites(spark, w);

        EvolveConfig config = new EvolveConfig(40, 8, Long.getLong("planted.seed", 5), 3, 0.8, 0.1, 2, 0.6,
                new FitnessSpec("sharpe", 0.0, 10), 5);
        EvolveResult evolved = EvolveAction.on(spark, writes, RunId.of("planted-evo")).config(config).space(SPACE)
                .symbols(List.of(SYMBOL)).split(new Split.Fraction(0.6)).execute();
        double evolvedOos = evolved.leaderboard().entries().get(0).oosSharpe();

        int trials = evolved.evaluations();
        var random = StrategyStore.setOf(RandomStrategies.generate(SPACE, Long.getLong("planted.seed", 5), trials));
        BacktestAction.on(spark, writes, RunId.of("planted-random")).strategies(random).symbols(List.of(SYMBOL))
                .split(new Split.Fraction(0.6)).top(0, "sharpe").execute();
        var results = spark.read().format("delta").load(writes.path(RunTable.RESULTS))
                .where(col("run_id").equalTo(lit("planted-random")));
        Row bestIs = results.where(col("segment").equalTo(lit(Split.IN_SAMPLE)).and(col("trades").geq(10)))
                .orderBy(col("sharpe").desc(), col("strategy_id")).first();
        double randomOos = results.where(col("segment").equalTo(lit(Split.OUT_OF_SAMPLE))
                .and(col("strategy_id").equalTo(lit(bestIs.getString(bestIs.fieldIndex("strategy_id")))))).first()
                .getDouble(bestIs.fieldIndex("sharpe"));

        System.out.printf("planted edge: %d trials; evolved best OOS Sharpe %.3f, random best-in-sample OOS Sharpe "
                + "%.3f%n", trials, evolvedOos, randomOos);
        assertThat(evolvedOos).isGreaterThan(randomOos).isGreaterThan(0.0);
    }

    /** 30 days of one-minute bars: alternating calm and wild days, the edge planted in the calm ones. */
    static void writePlantedMarket(SparkSession spark, Warehouse w, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long start = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
        int n = DAYS * 1440;
        List<Row> rows = new ArrayList<>(n);
        double close = 100.0;
        double avgGain = 0;
        double avgLoss = 0;
        int boost = 0;
        for (int i = 0; i < n; i++) {
            boolean calm = (i / 1440) % 2 == 0;
            double sigma = calm ? 0.0004 : 0.0012;
            double z = gaussian(rnd);
            double ret = sigma * z + (boost > 0 ? 0.5 * sigma : 0.0);
            boost = Math.max(0, boost - 1);
            double open = close;
            close = open * Math.exp(ret);
            double high = Math.max(open, close) * (1 + Math.abs(gaussian(rnd)) * sigma * 0.3);
            double low = Math.min(open, close) * (1 - Math.abs(gaussian(rnd)) * sigma * 0.3);
            double change = close - open;
            avgGain = (avgGain * 13 + Math.max(change, 0)) / 14;
            avgLoss = (avgLoss * 13 + Math.max(-change, 0)) / 14;
            double rsi = avgLoss == 0 ? 100 : 100 - 100 / (1 + avgGain / avgLoss);
            if (calm && i > 14 && rsi < 30 && boost == 0) {
                boost = 30;
            }
            long ts = start + i * 60_000L;
            rows.add(RowFactory.create(SYMBOL, "1m", new Timestamp(ts), open, high, low, close, 100.0, null, null, null,
                    null, PartitionValues.monthOfMillis(ts), "planted", (long) i + 1));
        }
        Table.BARS.createIfNotExists(spark, w);
        spark.createDataFrame(rows, Table.BARS.schema()).write().format("delta").mode("append").save(w.path(Table.BARS));
    }

    private static double gaussian(SplittableRandom r) {
        double u = r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}

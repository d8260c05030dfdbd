package dev.massbt.jobs.cli;

import dev.massbt.datasets.catalog.DatasetCatalog;
import dev.massbt.datasets.catalog.DatasetRef;
import dev.massbt.datasets.ingest.SyntheticIngest;
import dev.massbt.datasets.run.RunId;
import dev.massbt.jobs.backtest.BacktestAction;
import dev.massbt.jobs.backtest.BacktestResult;
import dev.massbt.jobs.backtest.Split;
import dev.massbt.jobs.error.JobErrors;
import dev.massbt.jobs.generate.RandomStrategies;
import dev.massbt.jobs.generate.StoredStrategy;
import dev.massbt.jobs.generate.StrategyStore;
import dev.massbt.jobs.tables.RunWrites;
import dev.massbt.strategies.generate.SearchSpace;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code massbt bench}: generate + backtest on a synthetic market, ending with one line of
 * JSON. {@code seconds} runs from the command's start (Spark's start included) to the last
 * table written, leaving out only the one-off preparation of the synthetic bars.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark: N random strategies x M one-minute synthetic bars (over S symbols) through "
                + "generate and backtest; prints one line of JSON with seconds and strategy-bars per second.")
final class BenchCommand extends RecordedCommand {

    private static final Logger LOG = LoggerFactory.getLogger(BenchCommand.class);

    @Option(names = "--strategies", paramLabel = "N", defaultValue = "1000", description = "Strategies "
            + "(default ${DEFAULT-VALUE}).")
    int strategies;

    @Option(names = "--bars", paramLabel = "M", defaultValue = "1000000", description = "One-minute bars in all, "
            + "split evenly over the symbols (default ${DEFAULT-VALUE}).")
    long bars;

    @Option(names = "--symbols", paramLabel = "S", defaultValue = "1", description = "Symbols (default "
            + "${DEFAULT-VALUE}).")
    int symbols;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "7", description = "Seed of market and strategies "
            + "(default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--chunk-size", paramLabel = "N", defaultValue = "0", description = "Strategies per task "
            + "(default: chosen).")
    int chunkSize;


    @Override
    Map<String, Long> seeds() {
        return Map.of("market", seed, "generator", seed);
    }

    @Override
    Outcome run(SparkSession spark, RunWrites writes, RunId run) {
        if (strategies < 1 || symbols < 1 || bars < symbols) {
            throw JobErrors.option("bench needs --strategies >= 1, --symbols >= 1 and --bars >= symbols");
        }
        long perSymbol = bars / symbols;
        int days = Math.toIntExact((perSymbol + 1439) / 1440);
        long prepareStart = System.nanoTime();
        DatasetRef.Synthetic market = new DatasetRef.Synthetic(symbols, days, seed);
        boolean present = present(spark, writes, market, days * 1440L);
        if (!present) {
            SyntheticIngest.on(spark).warehouse(writes.warehouse()).dataset(market).execute();
        }
        long prepareNanos = System.nanoTime() - prepareStart;
        LOG.info("bench {}: market {} {} in {} s, not counted", run, market.name(),
                present ? "already in the bars table" : "written", Math.round(prepareNanos / 1e9));

        long generateStart = System.nanoTime();
        List<StoredStrategy> generated = RandomStrategies.generate(SearchSpace.DEFAULT, seed, strategies);
        new StrategyStore(spark, writes).store(run, generated);
        long generateNanos = System.nanoTime() - generateStart;

        var from = SyntheticIngest.DEFAULT_START.atStartOfDay(ZoneOffset.UTC).toInstant();
        BacktestResult r = BacktestAction.on(spark, writes, run).strategies(StrategyStore.setOf(generated))
                .symbols(market.symbolNames()).range(from, from.plusSeconds(60 * perSymbol))
                .split(new Split.Fraction(0.7)).chunkSize(chunkSize).top(10, "sharpe").execute();
        double seconds = (System.nanoTime() - startedNanos - prepareNanos) / 1e9;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("strategies", r.strategies());
        json.put("bars", r.strategyBars() / r.strategies());
        json.put("symbols", symbols);
        json.put("seconds", round(seconds));
        json.put("strategy_bars_per_second", Math.round(r.strategyBars() / seconds));
        json.put("backtest_seconds", round(r.millis() / 1000.0));
        json.put("task_seconds", round(r.evalMillis() / 1000.0));
        json.put("generate_seconds", round(generateNanos / 1e9));
        json.put("prepare_seconds_not_counted", round(prepareNanos / 1e9));
        json.put("master", spark.sparkContext().master());
        // the status tracker lists the driver too; local mode has no other executor
        json.put("executors", spark.sparkContext().statusTracker().getExecutorInfos().length - 1);
        json.put("parallelism", spark.sparkContext().defaultParallelism());
        json.put("tasks", r.tasks());
        json.put("run_id", run.value());
        out(toJson(json));
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("strategies", (long) r.strategies());
        counts.put("strategy_bars", r.strategyBars());
        counts.put("millis", Math.round(seconds * 1000));
        return new Outcome(r.inputVersions(), r.outputVersions(), counts);
    }

    /** Whether every symbol of {@code market} already has all its bars (the catalog's count). */
    private static boolean present(SparkSession spark, RunWrites writes, DatasetRef.Synthetic market, long barsEach) {
        var entries = dev.massbt.datasets.catalog.DatasetCatalog.list(spark, writes.warehouse());
        return market.symbolNames().stream().allMatch(sym -> entries.stream()
                .anyMatch(e -> e.symbol().equals(sym) && e.timeframe().equals("1m") && e.rows() >= barsEach));
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    private static String toJson(Map<String, Object> m) {
        StringBuilder b = new StringBuilder("{");
        m.forEach((k, v) -> {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append('"').append(k).append("\":");
            b.append(v instanceof String s ? "\"" + s + "\"" : String.valueOf(v));
        });
        return b.append('}').toString();
    }
}

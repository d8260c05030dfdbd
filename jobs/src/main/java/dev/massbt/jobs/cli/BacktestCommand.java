package dev.massbt.jobs.cli;

import dev.massbt.datasets.run.RunId;
import dev.massbt.jobs.backtest.BacktestAction;
import dev.massbt.jobs.backtest.BacktestResult;
import dev.massbt.jobs.backtest.Split;
import dev.massbt.jobs.backtest.StrategySet;
import dev.massbt.jobs.error.JobErrors;
import dev.massbt.jobs.generate.StoredStrategy;
import dev.massbt.jobs.generate.StrategyStore;
import dev.massbt.jobs.tables.RunWrites;
import dev.massbt.strategies.format.InvalidStrategyException;
import dev.massbt.strategies.format.Strategy;
import dev.massbt.strategies.format.StrategyJson;
import dev.massbt.strategies.metrics.Metric;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code massbt backtest}: strategies x symbols x dates into results, returns, trades, equity. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Backtest strategies (a run's set, JSON files, or stored strategies by filter) over symbols of "
                + "the bars table, with an in-sample / out-of-sample split, into results and returns (every "
                + "strategy) and trades and equity (the top ones).")
final class BacktestCommand extends RecordedCommand {

    @Mixin
    MarketOptions market;

    static final class Source {
        @Option(names = "--strategies-run", paramLabel = "RUN", description = "The strategies of this generate or "
                + "backtest run.")
        String run;

        @Option(names = "--json", paramLabel = "PATH", description = "Strategy JSON files or directories of them "
                + "(a file may hold one strategy or an array); stored with origin 'user'.", split = ",")
        List<Path> json;

        @Option(names = "--all", description = "Stored strategies, filtered by --origin and --max-complexity.")
        boolean all;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--origin", paramLabel = "ORIGIN", description = "With --all: random, genetic, grid or user.")
    String origin;

    @Option(names = "--max-complexity", paramLabel = "C", description = "With --all: complexity at most C.")
    Integer maxComplexity;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100000", description = "With --all: at most N "
            + "strategies (default ${DEFAULT-VALUE}).")
    int limit;









    @Option(names = "--top", paramLabel = "N", defaultValue = "20", description = "Keep trades and equity of the "
            + "best N strategies by --top-metric (default ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--top-metric", paramLabel = "METRIC", defaultValue = "sharpe",
            completionCandidates = MetricNames.Rankable.class, description = "One of ${COMPLETION-CANDIDATES} "
            + "(default ${DEFAULT-VALUE}).")
    String topMetric;

    @Override
    void check() {
        market.check();
        Metric.byColumn(topMetric).filter(Metric::rankable).orElseThrow(() -> JobErrors.metric(
                "Cannot pick the top strategies by", topMetric, Metric.rankableMetrics()));
        if (source.json != null) {
            given = readJson(source.json); // a bad strategy file costs no Spark session and no run
        }
    }

    /** The strategies of --json, read by {@link #check()}. */
    private List<StoredStrategy> given;


    @Override
    Outcome run(SparkSession spark, RunWrites writes, RunId run) {
        Split s = market.split();
        BacktestResult r = backtest(spark, writes, run, strategies(spark, writes, run), s);
        out(r.summary());
        Map<String, Long> counts = new HashMap<>();
        counts.put("strategies", (long) r.strategies());
        counts.put("symbols", (long) r.symbols().size());
        counts.put("result_rows", r.resultRows());
        counts.put("trade_rows", r.tradeRows());
        counts.put("strategy_bars", r.strategyBars());
        counts.put("eval_ms", r.evalMillis());
        counts.put("periods_per_year", (long) r.periodsPerYear());
        return new Outcome(r.inputVersions(), r.outputVersions(), counts);
    }

    BacktestResult backtest(SparkSession spark, RunWrites writes, RunId run, StrategySet set, Split s) {
        return BacktestAction.on(spark, writes, run).strategies(set).symbols(market.symbols)
                .range(market.fromInstant(), market.toInstant())
                .split(s).chunkSize(market.chunkSize).costs(market.costs())
                .metrics(market.metrics()).calendar(market.calendar()).top(top, topMetric).execute();
    }

    private StrategySet strategies(SparkSession spark, RunWrites writes, RunId run) {
        StrategyStore store = new StrategyStore(spark, writes);
        if (source.run != null) {
            return store.ofRun(RunId.of(source.run));
        }
        if (source.json != null) {
            store.store(run, given);
            return StrategyStore.setOf(given);
        }
        StrategySet selected = store.select(origin, maxComplexity, limit);
        store.recordSet(run, selected);
        return selected;
    }

    /** Every strategy in the files and directories (*.json, sorted), each error naming its file. */
    static List<StoredStrategy> readJson(List<Path> paths) {
        List<StoredStrategy> out = new ArrayList<>();
        for (Path p : paths) {
            List<Path> files = new ArrayList<>();
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot list " + p + ": " + e.getMessage(), e);
                }
                if (files.isEmpty()) {
                    throw JobErrors.noStrategyFiles(p);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw JobErrors.noStrategyFile(p);
            }
            for (Path f : files) {
                List<Strategy> parsed;
                try {
                    String text = Files.readString(f);
                    parsed = text.stripLeading().startsWith("[") ? StrategyJson.parseAll(text)
                            : List.of(StrategyJson.parse(text));
                } catch (InvalidStrategyException e) {
                    throw JobErrors.invalidStrategyFile(f, e);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + f + ": " + e.getMessage(), e);
                }
                for (Strategy s : parsed) {
                    out.add(StoredStrategy.of(s, "user", f.getFileName().toString()));
                }
            }
        }
        return out;
    }
}

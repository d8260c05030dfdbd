package dev.massbt.jobs.cli;

import dev.massbt.datasets.run.RunId;
import dev.massbt.jobs.error.JobErrors;
import dev.massbt.jobs.rank.Leaderboard;
import dev.massbt.jobs.rank.RankAction;
import dev.massbt.jobs.tables.RunWrites;
import dev.massbt.strategies.metrics.Metric;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code massbt rank}: a backtest run's leaderboard. */
@Command(name = "rank", mixinStandardHelpOptions = true,
        description = "Rank the strategies of a backtest run into the leaderboard table and print the top: by a "
                + "metric on the in-sample segment, with filters; out-of-sample figures beside.")
final class RankCommand extends RecordedCommand {

    @Option(names = "--run", paramLabel = "RUN", required = true, description = "The backtest run to rank.")
    String backtestRun;

    @Option(names = "--metric", paramLabel = "METRIC", defaultValue = "sharpe",
            completionCandidates = MetricNames.Rankable.class, description = "One of ${COMPLETION-CANDIDATES} "
            + "(default ${DEFAULT-VALUE}).")
    String metric;

    @Option(names = "--per-symbol", description = "Rank each (strategy, symbol) pair instead of strategies averaged "
            + "over symbols.")
    boolean perSymbol;

    @Option(names = "--min-trades", paramLabel = "N", defaultValue = "1", description = "At least N in-sample trades "
            + "(default ${DEFAULT-VALUE}).")
    long minTrades;

    @Option(names = "--max-drawdown", paramLabel = "F", description = "In-sample max drawdown at most F (e.g. 0.3).")
    Double maxDrawdown;

    @Option(names = "--oos-positive", description = "Out-of-sample score must be positive too.")
    boolean oosPositive;

    @Option(names = "--min-oos-ratio", paramLabel = "R", description = "Out-of-sample score at least R x in-sample.")
    Double minOosRatio;

    @Option(names = "--show", paramLabel = "N", defaultValue = "10", description = "Print and export the JSON of the "
            + "top N (default ${DEFAULT-VALUE}).")
    int show;


    @Override
    void check() {
        RunId.of(backtestRun);
        Metric.byColumn(metric).filter(Metric::rankable).orElseThrow(() -> JobErrors.metric("Cannot rank by", metric,
                Metric.rankableMetrics()));
    }

    @Override
    Outcome run(SparkSession spark, RunWrites writes, RunId run) {
        Leaderboard lb = rank(spark, writes);
        out(lb.table(show));
        return new Outcome(Map.of("results", lb.resultsVersion()), Map.of("leaderboard", lb.leaderboardVersion()),
                Map.of("ranked", (long) lb.entries().size(), "trials", lb.trials()));
    }

    Leaderboard rank(SparkSession spark, RunWrites writes) {
        RankAction a = RankAction.on(spark, writes, RunId.of(backtestRun)).metric(metric)
                .group(perSymbol ? RankAction.Group.SYMBOL : RankAction.Group.STRATEGY).minTrades(minTrades)
                .export(show);
        if (maxDrawdown != null) {
            a.maxDrawdown(maxDrawdown);
        }
        if (oosPositive) {
            a.oosPositive();
        }
        if (minOosRatio != null) {
            a.minOosRatio(minOosRatio);
        }
        return a.execute();
    }
}

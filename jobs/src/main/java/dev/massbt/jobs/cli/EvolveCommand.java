package dev.massbt.jobs.cli;

import dev.massbt.datasets.run.RunId;
import dev.massbt.jobs.backtest.Split;
import dev.massbt.jobs.error.JobErrors;
import dev.massbt.jobs.evolve.EvolveAction;
import dev.massbt.jobs.evolve.EvolveConfig;
import dev.massbt.jobs.evolve.EvolveResult;
import dev.massbt.jobs.evolve.FitnessSpec;
import dev.massbt.jobs.tables.RunWrites;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code massbt evolve}: genetic search with fitness evaluated on Spark, resumable. */
@Command(name = "evolve", mixinStandardHelpOptions = true,
        description = "Evolve strategies with Jenetics: each generation is evaluated in-sample as one Spark job; the "
                + "best of the final population are backtested out of sample and ranked. Every generation goes to "
                + "the evolution table; --resume RUN continues a run from its last complete generation.")
final class EvolveCommand extends RecordedCommand {

    @Mixin
    MarketOptions market;





    @Option(names = "--population", paramLabel = "N", defaultValue = "200", description = "Default ${DEFAULT-VALUE}.")
    int population;

    @Option(names = "--generations", paramLabel = "N", defaultValue = "50", description = "Default ${DEFAULT-VALUE}.")
    int generations;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Default ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--tournament", paramLabel = "K", defaultValue = "3", description = "Tournament size "
            + "(default ${DEFAULT-VALUE}).")
    int tournament;

    @Option(names = "--crossover", paramLabel = "P", defaultValue = "0.8", description = "Single-point crossover "
            + "probability (default ${DEFAULT-VALUE}).")
    double crossover;

    @Option(names = "--mutation", paramLabel = "P", defaultValue = "0.1", description = "Mutation probability "
            + "(default ${DEFAULT-VALUE}).")
    double mutation;

    @Option(names = "--elitism", paramLabel = "N", defaultValue = "0", description = "The best N survive unchanged "
            + "(default ${DEFAULT-VALUE}).")
    int elitism;

    @Option(names = "--steady-state", description = "Replace only 10% of the population per generation.")
    boolean steadyState;

    @Option(names = "--fitness", paramLabel = "METRIC", defaultValue = "sharpe",
            completionCandidates = MetricNames.Fitness.class, description = "In-sample metric to maximise: "
            + "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    String metric;

    @Option(names = "--complexity-penalty", paramLabel = "X", defaultValue = "0", description = "Subtracted per "
            + "complexity point (default ${DEFAULT-VALUE}).")
    double complexityPenalty;

    @Option(names = "--min-trades", paramLabel = "N", defaultValue = "1", description = "Fewer in-sample trades is "
            + "unfit (default ${DEFAULT-VALUE}).")
    long minTrades;

    @Option(names = "--best", paramLabel = "K", defaultValue = "20", description = "Backtest the best K out of sample "
            + "(default ${DEFAULT-VALUE}).")
    int best;

    @Option(names = "--resume", description = "Continue run --run-id from its last complete generation.")
    boolean resume;




    @Override
    Map<String, Long> seeds() {
        return Map.of("evolution", seed);
    }

    private EvolveConfig config;

    @Override
    void check() {
        if (resume && runIdOption() == null) {
            throw JobErrors.resumeWithoutRun();
        }
        market.check();
        if (market.split() instanceof Split.None) {
            throw JobErrors.splitNeeded();
        }
        config = new EvolveConfig(population, generations, seed, tournament, crossover, mutation, elitism,
                steadyState ? 0.1 : 0.6, new FitnessSpec(metric, complexityPenalty, minTrades), best);
    }

    @Override
    Outcome run(SparkSession spark, RunWrites writes, RunId run) {
        EvolveAction a = EvolveAction.on(spark, writes, run).config(config).symbols(market.symbols)
                .range(market.fromInstant(), market.toInstant())
                .split(market.split()).chunkSize(market.chunkSize).costs(market.costs())
                .metrics(market.metrics()).calendar(market.calendar());
        if (resume) {
            a.resume();
        }
        EvolveResult r = a.execute();
        if (r.leaderboard() != null) {
            out(r.leaderboard().table(Math.min(10, best)));
        }
        out(String.format(java.util.Locale.ROOT, "evolve %s: %d generations (%s), %d strategies evaluated in %.1f s",
                run, r.generations(), r.resumedFrom() > 0 ? "resumed after " + r.resumedFrom() : "from scratch",
                r.evaluations(), r.millis() / 1000.0));
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("generations", (long) r.generations());
        counts.put("evaluations", (long) r.evaluations());
        counts.put("resumed_from", (long) r.resumedFrom());
        counts.put("periods_per_year", (long) r.periodsPerYear());
        return new Outcome(r.inputVersions(), r.outputVersions(), counts);
    }
}

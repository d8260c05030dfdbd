package dev.massbt.jobs.cli;

import dev.massbt.jobs.backtest.Split;
import dev.massbt.jobs.evolve.EvolveAction;
import dev.massbt.jobs.evolve.EvolveConfig;
import dev.massbt.jobs.evolve.EvolveResult;
import dev.massbt.jobs.evolve.FitnessSpec;
import dev.massbt.jobs.tables.RunId;
import dev.massbt.jobs.tables.RunWrites;
import dev.massbt.strategies.kernel.CostModel;
import dev.massbt.strategies.metrics.MetricsConfig;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code massbt evolve}: genetic search with fitness evaluated on Spark, resumable. */
@Command(name = "evolve", mixinStandardHelpOptions = true,
        description = "Evolve strategies with Jenetics: each generation is evaluated in-sample as one Spark job; the "
                + "best of the final population are backtested out of sample and ranked. Every generation goes to "
                + "the evolution table; --resume RUN continues a run from its last complete generation.")
final class EvolveCommand extends RecordedCommand {

    @Option(names = "--symbols", paramLabel = "SYM", split = ",", required = true, description = "Symbols.")
    List<String> symbols;

    @Option(names = "--from", paramLabel = "yyyy-MM-dd", description = "First day (UTC), inclusive.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "yyyy-MM-dd", description = "Last day (UTC), inclusive.")
    LocalDate to;

    @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "0.7", description = "In-sample fraction or "
            + "out-of-sample start date (default ${DEFAULT-VALUE}).")
    String split;

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

    @Option(names = "--fitness", paramLabel = "METRIC", defaultValue = "sharpe", description = "In-sample metric to "
            + "maximise (default ${DEFAULT-VALUE}).")
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

    @Option(names = "--commission-bps", paramLabel = "BPS", defaultValue = "0", description = "Default 0.")
    double commissionBps;

    @Option(names = "--slippage-bps", paramLabel = "BPS", defaultValue = "0", description = "Default 0.")
    double slippageBps;

    @Option(names = "--calendar", paramLabel = "DAYS", defaultValue = "365", description = "365 or 252.")
    int periodsPerYear;

    @Override
    Map<String, Long> seeds() {
        return Map.of("evolution", seed);
    }

    @Override
    Outcome run(SparkSession spark, RunWrites writes, RunId run) {
        if (resume && runIdOption() == null) {
            throw new IllegalArgumentException("--resume needs --run-id RUN: the run to continue.");
        }
        EvolveConfig config = new EvolveConfig(population, generations, seed, tournament, crossover, mutation, elitism,
                steadyState ? 0.1 : 0.6, new FitnessSpec(metric, complexityPenalty, minTrades), best);
        EvolveAction a = EvolveAction.on(spark, writes, run).config(config).symbols(symbols)
                .range(from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                        to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                .split(Split.parse(split)).costs(new CostModel(commissionBps, slippageBps))
                .metrics(new MetricsConfig(periodsPerYear, 0.0));
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
        return new Outcome(r.inputVersions(), r.outputVersions(), counts);
    }
}

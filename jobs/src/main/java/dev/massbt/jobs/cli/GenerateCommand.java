package dev.massbt.jobs.cli;

import dev.massbt.datasets.run.RunId;
import dev.massbt.jobs.error.JobErrors;
import dev.massbt.jobs.generate.RandomStrategies;
import dev.massbt.jobs.generate.StoredStrategy;
import dev.massbt.jobs.generate.StrategyStore;
import dev.massbt.jobs.tables.RunWrites;
import dev.massbt.strategies.error.UserException;
import dev.massbt.strategies.generate.SearchSpace;
import dev.massbt.strategies.timeframe.Timeframe;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code massbt generate}: random strategies into the strategies table. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate N random strategies (deterministic by seed) into the strategies table, deduplicated "
                + "by id; the run's set (strategy_sets) is what 'backtest --strategies-run' reads.")
final class GenerateCommand extends RecordedCommand {

    @Option(names = {"-n", "--count"}, paramLabel = "N", required = true, description = "How many strategies.")
    int count;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--primary", paramLabel = "TF", split = ",",
            description = "Primary timeframes to draw from (default 1m,5m,15m,1h).")
    List<String> primaries;

    @Option(names = "--secondary", paramLabel = "TF", split = ",",
            description = "Secondary timeframes to draw from (default 1h,4h,1d; 'none' for none).")
    List<String> secondaries;


    @Override
    Map<String, Long> seeds() {
        return Map.of("generator", seed);
    }

    private SearchSpace space;

    @Override
    void check() {
        if (count < 1 || count > 10_000_000) {
            throw JobErrors.option("--count must be 1..10000000, got " + count);
        }
        try {
            space = space(primaries, secondaries);
        } catch (UserException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw JobErrors.option("--primary / --secondary", e);
        }
    }

    @Override
    Outcome run(SparkSession spark, RunWrites writes, RunId run) {
        List<StoredStrategy> strategies = RandomStrategies.generate(space, seed, count);
        StrategyStore.Stored s = new StrategyStore(spark, writes).store(run, strategies);
        out(String.format(java.util.Locale.ROOT, "generate %s: %d strategies (seed %d), %d distinct, %d new in "
                + "strategies (version %d)", run, s.given(), seed, s.distinct(), s.inserted(), s.strategiesVersion()));
        return new Outcome(Map.of(), Map.of("strategies", s.strategiesVersion(), "strategy_sets", s.setsVersion()),
                Map.of("generated", (long) s.given(), "distinct", (long) s.distinct(), "inserted", s.inserted()));
    }

    static Timeframe timeframe(String label) {
        Timeframe tf = Timeframe.fromLabel(label.strip());
        if (tf == null) {
            throw JobErrors.badTimeframe(label, Timeframe.labels());
        }
        return tf;
    }

    static SearchSpace space(List<String> primaries, List<String> secondaries) {
        List<Timeframe> p = primaries == null ? SearchSpace.DEFAULT.primaries()
                : primaries.stream().map(GenerateCommand::timeframe).toList();
        List<Timeframe> s = secondaries == null ? SearchSpace.DEFAULT.secondaries()
                : secondaries.equals(List.of("none")) ? List.of() : secondaries.stream().map(GenerateCommand::timeframe).toList();
        return new SearchSpace(p, s);
    }
}

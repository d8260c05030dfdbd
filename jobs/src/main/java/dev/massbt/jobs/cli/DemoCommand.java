package dev.massbt.jobs.cli;

import dev.massbt.datasets.catalog.DatasetRef;
import dev.massbt.datasets.ingest.DatasetIngest;
import dev.massbt.datasets.run.RunId;
import dev.massbt.jobs.backtest.BacktestAction;
import dev.massbt.jobs.backtest.BacktestResult;
import dev.massbt.jobs.backtest.Split;
import dev.massbt.jobs.error.JobErrors;
import dev.massbt.jobs.generate.RandomStrategies;
import dev.massbt.jobs.generate.StoredStrategy;
import dev.massbt.jobs.generate.StrategyStore;
import dev.massbt.jobs.rank.Leaderboard;
import dev.massbt.jobs.rank.RankAction;
import dev.massbt.jobs.tables.RunWrites;
import dev.massbt.strategies.generate.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code massbt demo}: the whole pipeline on real and synthetic data, each step a recorded run
 * ({@code <id>.ingest}, {@code .synth}, {@code .generate}, {@code .backtest}, {@code .rank}), so
 * running the demo again replaces its own rows and nothing else.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Ingest the real Bitstamp BTC/USD trades and a synthetic multi-symbol year, generate random "
                + "strategies, backtest them with an out-of-sample split, rank them and print the top 10.")
final class DemoCommand extends JobCommand {

    @Option(names = "--strategies", paramLabel = "N", defaultValue = "1000", description = "Strategies "
            + "(default ${DEFAULT-VALUE}).")
    int strategies;

    @Option(names = "--market", paramLabel = "DATASET", defaultValue = "synthetic:4x365:42",
            description = "The synthetic market (default ${DEFAULT-VALUE}).")
    String market;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed of the strategies "
            + "(default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--run-id", paramLabel = "ID", defaultValue = "demo", description = "Prefix of the steps' run "
            + "ids (default ${DEFAULT-VALUE}).")
    String runId;

    @Override
    String runIdOption() {
        return runId;
    }

    @Override
    Outcome run(SparkSession spark, RunWrites writes, RunId run) {
        if (!(DatasetRef.parse(market) instanceof DatasetRef.Synthetic synthetic)) {
            throw JobErrors.notSynthetic(market);
        }
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        List<String> symbols = new ArrayList<>();

        out("1/5 ingest " + DatasetRef.Bitstamp2013.NAME + " (real trades from the ta4j-examples artifact)");
        step(spark, writes, run, "ingest", args, Map.of(), id -> {
            DatasetIngest.Result r = DatasetIngest.on(spark).warehouse(writes.warehouse())
                    .dataset(new DatasetRef.Bitstamp2013()).workDir(IngestCommand.workDir()).runId(id.value())
                    .execute();
            out("    " + r.summary());
            symbols.addAll(r.symbols());
            return IngestCommand.outcome(r);
        });

        out("2/5 synth " + synthetic.name());
        step(spark, writes, run, "synth", args, Map.of("market", synthetic.seed()), id -> {
            DatasetIngest.Result r = DatasetIngest.on(spark).warehouse(writes.warehouse()).dataset(synthetic).execute();
            out("    " + r.summary());
            symbols.addAll(r.symbols());
            return IngestCommand.outcome(r);
        });

        out("3/5 generate " + strategies + " random strategies (seed " + seed + ")");
        List<StoredStrategy> generated = RandomStrategies.generate(SearchSpace.DEFAULT, seed, strategies);
        step(spark, writes, run, "generate", args, Map.of("generator", seed), id -> {
            StrategyStore.Stored s = new StrategyStore(spark, writes).store(id, generated);
            out("    " + s.distinct() + " distinct, " + s.inserted() + " new in strategies");
            return new Outcome(Map.of(), Map.of("strategies", s.strategiesVersion(), "strategy_sets", s.setsVersion()),
                    Map.of("distinct", (long) s.distinct()));
        });

        out("4/5 backtest " + strategies + " strategies x " + symbols + ", first 70% of each in-sample");
        RunId backtest = step(spark, writes, run, "backtest", args, Map.of(), id -> {
            BacktestResult r = BacktestAction.on(spark, writes, id).strategies(StrategyStore.setOf(generated))
                    .symbols(symbols).split(new Split.Fraction(0.7)).top(10, "sharpe").execute();
            out("    " + r.summary());
            return new Outcome(r.inputVersions(), r.outputVersions(), Map.of("result_rows", r.resultRows(),
                    "strategy_bars", r.strategyBars()));
        });

        out("5/5 rank by in-sample Sharpe, at least 5 trades");
        step(spark, writes, run, "rank", args, Map.of(), id -> {
            Leaderboard lb = RankAction.on(spark, writes, backtest).minTrades(5).export(10).execute();
            out("");
            out(lb.table(10));
            out("Tables are in " + writes.warehouse() + "; the runs: massbt runs. Open a strategy's JSON above, edit "
                    + "it and backtest it again: massbt backtest --json <file> --symbols " + String.join(",", symbols));
            return new Outcome(Map.of("results", lb.resultsVersion()), Map.of("leaderboard", lb.leaderboardVersion()),
                    Map.of("ranked", (long) lb.entries().size()));
        });
        return new Outcome(Map.of(), Map.of(), Map.of());
    }

    private RunId step(SparkSession spark, RunWrites writes, RunId demo, String name, List<String> args,
                              Map<String, Long> seeds, java.util.function.Function<RunId, Outcome> body) {
        RunId id = RunId.of(demo.value() + "." + name);
        recordedStep(spark, writes, id, "demo " + name, args, seeds, () -> body.apply(id));
        return id;
    }
}

package dev.massbt.jobs.evolve;

import dev.massbt.datasets.run.RunId;
import dev.massbt.jobs.backtest.Passes;
import dev.massbt.jobs.backtest.Split;
import dev.massbt.jobs.backtest.StrategySet;
import dev.massbt.jobs.generate.StrategyStore;
import dev.massbt.jobs.rank.Leaderboard;
import dev.massbt.jobs.rank.RankAction;
import dev.massbt.jobs.tables.RunTable;
import dev.massbt.jobs.tables.RunWrites;
import dev.massbt.strategies.format.Strategy;
import dev.massbt.strategies.format.StrategyJson;
import dev.massbt.strategies.metrics.Metric;
import io.jenetics.DoubleGene;
import io.jenetics.Phenotype;
import io.jenetics.util.ISeq;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of an evolve run: every trial's in-sample rows and daily returns to {@code results}
 * and {@code returns} (they are all trials for the overfitting statistics), every trial to
 * {@code strategies}, and the best of the final population backtested out of sample and ranked
 * into {@code leaderboard}, in- and out-of-sample side by side.
 */
final class FinalRanking {

    private static final Logger LOG = LoggerFactory.getLogger(FinalRanking.class);

    private final SparkSession spark;
    private final RunWrites writes;
    private final RunId run;
    private final Passes passes;
    private final SparkEvaluator evaluator;
    private final Trials trials;
    private final int best;

    FinalRanking(SparkSession spark, RunWrites writes, RunId run, Passes passes, SparkEvaluator evaluator,
                 Trials trials, int best) {
        this.spark = Objects.requireNonNull(spark, "spark");
        this.writes = Objects.requireNonNull(writes, "writes");
        this.run = Objects.requireNonNull(run, "run");
        this.passes = Objects.requireNonNull(passes, "passes");
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        this.trials = Objects.requireNonNull(trials, "trials");
        this.best = best;
    }

    /** The tables written, by name, and the leaderboard of the best. */
    record Outcome(Map<String, Long> versions, Leaderboard leaderboard) {
    }

    /** Writes the run's trials and ranks the best {@code best} of {@code population} by {@code metric}. */
    Outcome write(ISeq<Phenotype<DoubleGene, Double>> population, Function<double[], String> idOf, Metric metric,
                  EvolutionLog log) {
        Map<RunTable, Long> versions = new EnumMap<>(RunTable.class);
        Leaderboard lb;
        try {
            evaluateResumedTrials();
            List<Dataset<Row>> inSample = evaluator.rows();
            Dataset<Row> all = outOfSample(bestOf(population, idOf));
            for (Dataset<Row> r : inSample) {
                all = all.unionAll(r);
            }
            versions.put(RunTable.RESULTS, writes.replaceRun(RunTable.RESULTS, run,
                    all.select(RunTable.RESULTS.columns()).coalesce(passes.cores())));
            versions.put(RunTable.RETURNS, writes.replaceRun(RunTable.RETURNS, run,
                    all.select(RunTable.RETURNS.columns()).coalesce(passes.cores())));
            StrategyStore.Stored stored = new StrategyStore(spark, writes).store(run,
                    new ArrayList<>(trials.evaluated.values()));
            versions.put(RunTable.STRATEGIES, stored.strategiesVersion());
            versions.put(RunTable.STRATEGY_SETS, stored.setsVersion());
            lb = RankAction.on(spark, writes, run).metric(metric.column()).resultsAt(versions.get(RunTable.RESULTS))
                    .outOfSampleOnly().minTrades(0).export(best).execute();
            versions.put(RunTable.LEADERBOARD, lb.leaderboardVersion());
            versions.put(RunTable.EVOLUTION, log.version());
            LOG.info("evolve {}: best {} of the final population, in- and out-of-sample:\n{}", run,
                    lb.entries().size(), lb.table(Math.min(10, best)));
        } finally {
            evaluator.release();
        }
        Map<String, Long> out = new LinkedHashMap<>();
        versions.forEach((t, v) -> out.put(t.tableName(), v));
        return new Outcome(out, lb);
    }

    /** In-sample rows of the strategies evaluated before a resume, keeping the fitness they had. */
    private void evaluateResumedTrials() {
        Map<String, Strategy> missing = new LinkedHashMap<>();
        trials.evaluated.forEach((id, s) -> {
            if (!evaluator.evaluatedHere(id)) {
                missing.put(id, StrategyJson.parse(s.json()));
            }
        });
        if (!missing.isEmpty()) {
            Map<String, Double> kept = new HashMap<>(trials.fitness);
            evaluator.evaluateInSample(missing);
            trials.fitness.putAll(kept);
        }
    }

    /** The {@code best} fittest distinct strategies of the population, best first. */
    private List<String> bestOf(ISeq<Phenotype<DoubleGene, Double>> population, Function<double[], String> idOf) {
        return population.stream()
                .sorted(Comparator.comparing((Phenotype<DoubleGene, Double> p) -> p.fitness()).reversed())
                .map(p -> idOf.apply(Lineage.genes(p))).distinct().limit(best).toList();
    }

    /** The out-of-sample rows of {@code ids}, kept with the in-sample ones until the run is written. */
    private Dataset<Row> outOfSample(List<String> ids) {
        StrategySet set = new StrategySet(ids, ids.stream().map(id -> trials.evaluated.get(id).json()).toList());
        Broadcast<StrategySet> b = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(set);
        Dataset<Row> rows = passes.results(spark, b, Split.OUT_OF_SAMPLE);
        evaluator.keep(rows, b);
        return rows;
    }
}

package dev.massbt.jobs.evolve;

import static org.apache.spark.sql.functions.col;

import dev.massbt.datasets.run.Steps;
import dev.massbt.jobs.backtest.Passes;
import dev.massbt.jobs.backtest.Split;
import dev.massbt.jobs.backtest.StrategySet;
import dev.massbt.jobs.generate.StoredStrategy;
import dev.massbt.jobs.rank.Scores;
import dev.massbt.strategies.format.Strategy;
import dev.massbt.strategies.format.StrategyId;
import dev.massbt.strategies.format.StrategyJson;
import dev.massbt.strategies.genetic.StrategyCodec;
import io.jenetics.DoubleGene;
import io.jenetics.Phenotype;
import io.jenetics.engine.Evaluator;
import io.jenetics.util.ISeq;
import io.jenetics.util.Seq;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Jenetics' {@link Evaluator} on Spark: a population's strategies not yet scored in the run are
 * evaluated in-sample as ONE Spark job; the others keep their fitness. Fitness is
 * {@link FitnessSpec} of the {@link Scores} score across symbols. The in-sample rows stay
 * persisted until the run writes them ({@link #rows()}), then {@link #release()} frees them.
 */
final class SparkEvaluator implements Evaluator<DoubleGene, Double> {

    private final SparkSession spark;
    private final Steps steps;
    private final Passes passes;
    private final FitnessSpec fitness;
    private final StrategyCodec codec;
    private final Lineage lineage;
    private final Trials trials;
    private final String source;
    private final List<Dataset<Row>> rows = new ArrayList<>();
    private final List<Broadcast<StrategySet>> broadcasts = new ArrayList<>();
    private final Set<String> here = new HashSet<>();
    private int evaluatedHere;

    /** {@code source} is what the strategies' rows say they came from ({@code seed=1}). */
    SparkEvaluator(SparkSession spark, Steps steps, Passes passes, FitnessSpec fitness, StrategyCodec codec,
                   Lineage lineage, Trials trials, String source) {
        this.spark = Objects.requireNonNull(spark, "spark");
        this.steps = Objects.requireNonNull(steps, "steps");
        this.passes = Objects.requireNonNull(passes, "passes");
        this.fitness = Objects.requireNonNull(fitness, "fitness");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.lineage = Objects.requireNonNull(lineage, "lineage");
        this.trials = Objects.requireNonNull(trials, "trials");
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public ISeq<Phenotype<DoubleGene, Double>> eval(Seq<Phenotype<DoubleGene, Double>> population) {
        Map<String, Strategy> fresh = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>(population.size());
        for (Phenotype<DoubleGene, Double> p : population) {
            if (p.isEvaluated()) {
                ids.add(null);
                continue;
            }
            Strategy s = codec.decoder().apply(p.genotype());
            String id = StrategyId.of(s).hex();
            ids.add(id);
            if (!trials.known(id) && fresh.putIfAbsent(id, s) == null) {
                double[] genes = Lineage.genes(p);
                trials.thisGeneration.putIfAbsent(id, genes);
                trials.evaluated.putIfAbsent(id, new StoredStrategy(id, s.name(), StrategyJson.toCanonicalJson(s),
                        "genetic", source, (int) p.generation(), lineage.parentsOf(genes), s.complexity()));
            }
        }
        if (!fresh.isEmpty()) {
            evaluateInSample(fresh);
        }
        List<Phenotype<DoubleGene, Double>> out = new ArrayList<>(population.size());
        for (int i = 0; i < population.size(); i++) {
            Phenotype<DoubleGene, Double> p = population.get(i);
            out.add(p.isEvaluated() ? p : p.withFitness(trials.fitness.get(ids.get(i))));
        }
        return ISeq.of(out);
    }

    /** Evaluates {@code strategies} in-sample as one Spark job and records their fitness. */
    void evaluateInSample(Map<String, Strategy> strategies) {
        StrategySet set = new StrategySet(new ArrayList<>(strategies.keySet()),
                strategies.values().stream().map(StrategyJson::toCanonicalJson).toList());
        Broadcast<StrategySet> b = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(set);
        broadcasts.add(b);
        steps.run("evaluate", "evaluate " + set.size() + " strategies in-sample", () -> {
            Dataset<Row> r = passes.results(spark, b, Split.IN_SAMPLE);
            rows.add(r);
            Column[] byStrategy = {col("strategy_id")};
            for (Row f : Scores.aggregate(r, fitness.scoreMetric(), byStrategy, "").select("strategy_id", "score",
                    "trades").collectAsList()) {
                String id = f.getString(0);
                trials.fitness.put(id, fitness.fitness(f.getDouble(1), f.getLong(2), strategies.get(id).complexity()));
            }
        });
        here.addAll(strategies.keySet());
        evaluatedHere += set.size();
    }

    /** Strategies evaluated by this JVM (not restored from an earlier one). */
    int evaluatedHere() {
        return evaluatedHere;
    }

    boolean evaluatedHere(String id) {
        return here.contains(id);
    }

    /** The persisted in-sample rows of every pass so far. */
    List<Dataset<Row>> rows() {
        return List.copyOf(rows);
    }

    /** Keeps {@code r} (a pass made elsewhere) to be released with the in-sample rows. */
    void keep(Dataset<Row> r, Broadcast<StrategySet> b) {
        rows.add(r);
        broadcasts.add(b);
    }

    void release() {
        rows.forEach(r -> r.unpersist(true));
        rows.clear();
        broadcasts.forEach(Broadcast::destroy);
        broadcasts.clear();
    }
}

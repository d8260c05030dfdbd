package dev.massbt.jobs.evolve;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.massbt.datasets.run.RunId;
import dev.massbt.jobs.error.JobErrors;
import dev.massbt.jobs.generate.StoredStrategy;
import dev.massbt.jobs.tables.RunTable;
import dev.massbt.jobs.tables.RunWrites;
import dev.massbt.strategies.format.Strategy;
import dev.massbt.strategies.format.StrategyJson;
import dev.massbt.strategies.generate.GeneDecoder;
import io.jenetics.DoubleChromosome;
import io.jenetics.DoubleGene;
import io.jenetics.Genotype;
import io.jenetics.Phenotype;
import io.jenetics.util.ISeq;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import scala.jdk.javaapi.CollectionConverters;

/**
 * An evolve run's generations in the {@code evolution} table: each generation's population and
 * the trials that did not survive it, appended in one commit per generation ({@link #write}), and
 * read back to continue the run from its last complete generation ({@link #restore}).
 */
final class EvolutionLog {

    private final SparkSession spark;
    private final RunWrites writes;
    private final RunId run;

    EvolutionLog(SparkSession spark, RunWrites writes, RunId run) {
        this.spark = Objects.requireNonNull(spark, "spark");
        this.writes = Objects.requireNonNull(writes, "writes");
        this.run = Objects.requireNonNull(run, "run");
    }

    /** Forgets the run's earlier generations (a run started afresh). */
    void clear() {
        writes.deleteRun(RunTable.EVOLUTION, run);
    }

    /** The table's version now. */
    long version() {
        return RunWrites.version(writes.create(RunTable.EVOLUTION));
    }

    /**
     * Appends generation {@code g}: the population (member), then the strategies first evaluated
     * in it that did not survive (not member); clears the trials' current generation.
     */
    void write(int g, ISeq<Phenotype<DoubleGene, Double>> population, Trials trials, Lineage lineage,
               Function<double[], String> idOf) {
        List<Row> out = new ArrayList<>(population.size());
        Set<String> members = new HashSet<>();
        for (int i = 0; i < population.size(); i++) {
            Phenotype<DoubleGene, Double> p = population.get(i);
            double[] genes = Lineage.genes(p);
            String id = idOf.apply(genes);
            members.add(id);
            out.add(RowFactory.create(run.value(), g, i, id, p.fitness(), (int) p.generation(),
                    CollectionConverters.asScala(lineage.parentsOf(genes)).toSeq(), genes, true));
        }
        int idx = population.size();
        for (Map.Entry<String, double[]> t : trials.thisGeneration.entrySet()) {
            if (!members.contains(t.getKey())) {
                StoredStrategy s = trials.evaluated.get(t.getKey());
                out.add(RowFactory.create(run.value(), g, idx++, t.getKey(), trials.fitness.get(t.getKey()),
                        s.generation(), CollectionConverters.asScala(s.parents()).toSeq(), t.getValue(), false));
            }
        }
        trials.thisGeneration.clear();
        writes.append(RunTable.EVOLUTION, spark.createDataFrame(out, RunTable.EVOLUTION.schema()).coalesce(1));
    }

    /** The last complete generation and its population; generation 0 (and no population) when there is none. */
    record Restored(int generation, ISeq<Phenotype<DoubleGene, Double>> population) {
    }

    /**
     * Reloads the run's generations: every trial's fitness and stored row into {@code trials}, and
     * the last generation's population, which must have {@code populationSize} individuals.
     */
    Restored restore(Trials trials, GeneDecoder decoder, String source, int populationSize) {
        if (!writes.exists(RunTable.EVOLUTION)) {
            return new Restored(0, ISeq.empty());
        }
        List<Row> all = spark.read().format("delta").load(writes.path(RunTable.EVOLUTION))
                .where(col("run_id").equalTo(lit(run.value()))).orderBy("generation", "idx").collectAsList();
        if (all.isEmpty()) {
            return new Restored(0, ISeq.empty());
        }
        int last = all.get(all.size() - 1).getInt(1);
        List<Phenotype<DoubleGene, Double>> population = new ArrayList<>();
        for (Row r : all) {
            double[] genes = r.getList(7).stream().mapToDouble(o -> (Double) o).toArray();
            String id = r.getString(3);
            trials.fitness.put(id, r.getDouble(4));
            Strategy s = decoder.decode(genes);
            trials.evaluated.putIfAbsent(id, new StoredStrategy(id, s.name(), StrategyJson.toCanonicalJson(s),
                    "genetic", source, r.getInt(5), r.getList(6), s.complexity()));
            if (r.getInt(1) == last && r.getBoolean(8)) {
                population.add(Phenotype.of(genotype(genes), r.getInt(5), r.getDouble(4)));
            }
        }
        if (population.size() != populationSize) {
            throw JobErrors.resumeMismatch(run.value(), last, population.size(), populationSize);
        }
        return new Restored(last, ISeq.of(population));
    }

    private static Genotype<DoubleGene> genotype(double[] genes) {
        DoubleGene[] gs = new DoubleGene[genes.length];
        for (int i = 0; i < genes.length; i++) {
            gs[i] = DoubleGene.of(genes[i], 0, 1);
        }
        return Genotype.of(DoubleChromosome.of(gs));
    }
}

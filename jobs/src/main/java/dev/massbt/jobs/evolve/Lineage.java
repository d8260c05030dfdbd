package dev.massbt.jobs.evolve;

import io.jenetics.DoubleGene;
import io.jenetics.Mutator;
import io.jenetics.MutatorResult;
import io.jenetics.Phenotype;
import io.jenetics.SinglePointCrossover;
import io.jenetics.util.MSeq;
import io.jenetics.util.Seq;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Who begot whom in one generation: Jenetics' operators do not track parents, so the crossover
 * and mutator used by an evolve run are these subclasses, which record, by gene content, the
 * parents of every child they make. One instance per run, used from one thread.
 */
final class Lineage {

    private final Function<double[], String> idOf;
    private final Map<Key, List<String>> parents = new HashMap<>();
    private final Map<Key, String> population = new HashMap<>();

    /** @param idOf the strategy id of a genotype's genes */
    Lineage(Function<double[], String> idOf) {
        this.idOf = idOf;
    }

    private record Key(double[] genes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(genes, k.genes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(genes);
        }
    }

    /** Starts a generation whose parents are {@code pop}. */
    void begin(Seq<Phenotype<DoubleGene, Double>> pop) {
        parents.clear();
        population.clear();
        for (Phenotype<DoubleGene, Double> p : pop) {
            double[] g = genes(p);
            population.put(new Key(g), idOf.apply(g));
        }
    }

    /** The parents of an individual of the new population; empty when it was not made this generation. */
    List<String> parentsOf(double[] genes) {
        return parents.getOrDefault(new Key(genes), List.of());
    }

    private List<String> origin(double[] genes) {
        Key k = new Key(genes);
        List<String> p = parents.get(k);
        if (p != null) {
            return p;
        }
        String id = population.get(k);
        return id == null ? List.of() : List.of(id);
    }

    private void record(double[] child, List<String> from) {
        if (!from.isEmpty()) {
            parents.put(new Key(child), List.copyOf(from));
        }
    }

    static double[] genes(Phenotype<DoubleGene, Double> p) {
        return p.genotype().chromosome().stream().mapToDouble(DoubleGene::doubleValue).toArray();
    }

    private static double[] genes(MSeq<DoubleGene> seq) {
        return seq.stream().mapToDouble(DoubleGene::doubleValue).toArray();
    }

    /** Single-point crossover that records both parents of both children. */
    final class Crossover extends SinglePointCrossover<DoubleGene, Double> {
        Crossover(double probability) {
            super(probability);
        }

        @Override
        protected int crossover(MSeq<DoubleGene> that, MSeq<DoubleGene> other) {
            List<String> from = new ArrayList<>(origin(genes(that)));
            from.addAll(origin(genes(other)));
            int changed = super.crossover(that, other);
            List<String> distinct = from.stream().distinct().toList();
            record(genes(that), distinct);
            record(genes(other), distinct);
            return changed;
        }
    }

    /** Mutator that records the parent (or the crossover parents) of each mutated individual. */
    final class Mutation extends Mutator<DoubleGene, Double> {
        Mutation(double probability) {
            super(probability);
        }

        @Override
        protected MutatorResult<Phenotype<DoubleGene, Double>> mutate(Phenotype<DoubleGene, Double> phenotype,
                                                                     long generation, double p,
                                                                     RandomGenerator random) {
            List<String> from = origin(genes(phenotype));
            MutatorResult<Phenotype<DoubleGene, Double>> r = super.mutate(phenotype, generation, p, random);
            if (r.mutations() > 0) {
                record(genes(r.result()), from);
            }
            return r;
        }
    }
}

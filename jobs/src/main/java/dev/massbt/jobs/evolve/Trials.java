package dev.massbt.jobs.evolve;

import dev.massbt.jobs.generate.StoredStrategy;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every strategy an evolve run has evaluated, by id: its fitness and the row it will have in
 * {@code strategies} (birth generation, parents), in first-seen order; and the genes of those
 * first evaluated in the current generation, which the {@link EvolutionLog} records as trials
 * even when they do not survive. Restored on resume. Used from the driver's one thread.
 */
final class Trials {

    final Map<String, Double> fitness = new HashMap<>();
    final Map<String, StoredStrategy> evaluated = new LinkedHashMap<>();
    /** Genes of the strategies first evaluated in the current generation, by id. */
    final Map<String, double[]> thisGeneration = new LinkedHashMap<>();

    boolean known(String id) {
        return fitness.containsKey(id);
    }

    int size() {
        return evaluated.size();
    }
}

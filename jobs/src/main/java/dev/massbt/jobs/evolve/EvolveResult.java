package dev.massbt.jobs.evolve;

import dev.massbt.jobs.rank.Leaderboard;
import java.util.List;
import java.util.Map;

/**
 * What an evolve run did.
 *
 * @param history     best and mean fitness of each generation, in order
 * @param finalIds    the final population's strategy ids, in population order
 * @param evaluations distinct strategies evaluated (the trials)
 * @param leaderboard the best of the final population in- and out-of-sample; null when stopped early
 */
public record EvolveResult(String runId, int generations, int resumedFrom, List<GenerationStats> history,
                           List<String> finalIds, List<Double> finalFitness, int evaluations,
                           Map<String, Long> inputVersions, Map<String, Long> outputVersions, Leaderboard leaderboard,
                           long millis, int periodsPerYear) {

    public EvolveResult {
        history = List.copyOf(history);
        finalIds = List.copyOf(finalIds);
        finalFitness = List.copyOf(finalFitness);
        inputVersions = Map.copyOf(inputVersions);
        outputVersions = Map.copyOf(outputVersions);
    }

    /** One generation: its number, best and mean fitness, new evaluations and their time. */
    public record GenerationStats(int generation, double best, double mean, int evaluated, long millis) {
    }
}

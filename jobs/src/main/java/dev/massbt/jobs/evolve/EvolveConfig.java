package dev.massbt.jobs.evolve;

import dev.massbt.jobs.error.JobErrors;
import java.util.Objects;

/**
 * The genetic search of an evolve run. Defaults are the specification's: population 200,
 * 50 generations, tournament selection k = 3, single-point crossover (probability 0.8),
 * mutation probability 0.1; no elitism; offspring fraction 0.6 (Jenetics' default); a
 * steady-state run replaces only a small fraction (e.g. 0.1) each generation.
 */
public record EvolveConfig(int population, int generations, long seed, int tournament, double crossover,
                           double mutation, int elitism, double offspringFraction, FitnessSpec fitness, int best) {

    public EvolveConfig {
        Objects.requireNonNull(fitness, "fitness");
        require(population >= 2 && population <= 100_000, "population must be 2..100000, got " + population);
        require(generations >= 1 && generations <= 10_000, "generations must be 1..10000, got " + generations);
        require(tournament >= 2 && tournament <= population, "tournament size must be 2..population, got " + tournament);
        require(crossover >= 0 && crossover <= 1, "crossover probability must be in [0, 1], got " + crossover);
        require(mutation >= 0 && mutation <= 1, "mutation probability must be in [0, 1], got " + mutation);
        require(elitism >= 0 && elitism < population, "elitism must be 0..population-1, got " + elitism);
        require(offspringFraction > 0 && offspringFraction <= 1,
                "offspring fraction must be in (0, 1], got " + offspringFraction);
        require(best >= 1, "best must be >= 1, got " + best);
    }

    public static EvolveConfig defaults(long seed) {
        return new EvolveConfig(200, 50, seed, 3, 0.8, 0.1, 0, 0.6, FitnessSpec.sharpe(), 20);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw JobErrors.option(message);
        }
    }
}

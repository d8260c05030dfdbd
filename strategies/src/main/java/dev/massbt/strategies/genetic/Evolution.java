package dev.massbt.strategies.genetic;

import dev.massbt.strategies.format.Strategy;
import io.jenetics.DoubleGene;
import io.jenetics.Mutator;
import io.jenetics.SinglePointCrossover;
import io.jenetics.TournamentSelector;
import io.jenetics.engine.Engine;
import java.util.function.Function;

/**
 * The specification's evolution operators: tournament selection with k = 3, single-point
 * crossover, mutation probability 0.1. Evaluation is left to the caller (on Spark, one job
 * per generation); inside a single JVM pass a plain fitness function.
 */
public final class Evolution {

    public static final int TOURNAMENT_SIZE = 3;
    public static final double CROSSOVER_PROBABILITY = 0.8;
    public static final double MUTATION_PROBABILITY = 0.1;

    private Evolution() {
    }

    /** An engine builder maximising {@code fitness}, with the operators above. */
    public static Engine.Builder<DoubleGene, Double> builder(StrategyCodec codec, Function<Strategy, Double> fitness) {
        return Engine.builder(fitness, codec)
                .selector(new TournamentSelector<>(TOURNAMENT_SIZE))
                .alterers(new SinglePointCrossover<>(CROSSOVER_PROBABILITY), new Mutator<>(MUTATION_PROBABILITY));
    }
}

package dev.massbt.strategies.genetic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.massbt.strategies.format.Strategy;
import dev.massbt.strategies.generate.SearchSpace;
import io.jenetics.DoubleGene;
import io.jenetics.Genotype;
import io.jenetics.Mutator;
import io.jenetics.SinglePointCrossover;
import io.jenetics.TournamentSelector;
import io.jenetics.engine.Engine;
import io.jenetics.engine.EvolutionResult;
import io.jenetics.util.RandomRegistry;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StrategyCodecTest {

    private final StrategyCodec codec = new StrategyCodec(SearchSpace.DEFAULT);

    /** Toy fitness with a known optimum region: complexity close to 40, and a 2% stop on the long side. */
    private static double toyFitness(Strategy s) {
        double f = -Math.abs(s.complexity() - 40);
        if (s.longExit() != null && s.longExit().stopLoss() == 2.0) {
            f += 5;
        }
        return f;
    }

    /** An engine maximising the toy fitness with the specification's operators (as {@code massbt evolve} uses). */
    private Engine.Builder<DoubleGene, Double> builder() {
        return Engine.builder(StrategyCodecTest::toyFitness, codec)
                .selector(new TournamentSelector<>(3))
                .alterers(new SinglePointCrossover<>(0.8), new Mutator<>(0.1));
    }

    @Test
    void everyRandomGenotypeDecodesToAValidStrategy() {
        RandomRegistry.with(new Random(11), r -> {
            for (int i = 0; i < 2_000; i++) {
                Genotype<DoubleGene> gt = codec.encoding().newInstance();
                assertThat(codec.decode(gt)).isNotNull();
            }
            return null;
        });
    }

    @Test
    void aShortSeededEvolutionImprovesTheToyFitness() {
        List<Double> bestByGeneration = RandomRegistry.with(new Random(5), r -> {
            Engine<DoubleGene, Double> engine = builder()
                    .populationSize(60)
                    .executor(Runnable::run)
                    .build();
            return engine.stream()
                    .limit(25)
                    .map(EvolutionResult::bestFitness)
                    .toList();
        });
        double first = bestByGeneration.get(0);
        double last = bestByGeneration.get(bestByGeneration.size() - 1);
        assertThat(last).isGreaterThan(first);
        assertThat(last).isEqualTo(5.0); // complexity exactly 40 with a 2% long stop
    }

    @Test
    void sameSeedSameEvolution() {
        List<Double> a = run(9);
        assertThat(run(9)).isEqualTo(a);
    }

    private List<Double> run(long seed) {
        return RandomRegistry.with(new Random(seed), r -> builder()
                .populationSize(30)
                .executor(Runnable::run)
                .build()
                .stream()
                .limit(10)
                .map(EvolutionResult::bestFitness)
                .toList());
    }
}

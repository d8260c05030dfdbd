package dev.massbt.jobs.evolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.massbt.datasets.SharedSpark;
import dev.massbt.datasets.run.RunId;
import dev.massbt.jobs.backtest.Split;
import dev.massbt.jobs.tables.RunWrites;
import org.junit.jupiter.api.Test;

/** Bad evolve settings fail before any Spark work, naming the setting and the accepted range. */
class EvolveConfigTest {

    @Test
    void settingsOutOfRangeAreRejectedWithTheirRange() {
        FitnessSpec f = FitnessSpec.sharpe();
        assertThatThrownBy(() -> new EvolveConfig(1, 50, 1, 3, 0.8, 0.1, 0, 0.6, f, 20))
                .hasMessageContaining("population must be 2..100000, got 1");
        assertThatThrownBy(() -> new EvolveConfig(200, 50, 1, 3, 1.5, 0.1, 0, 0.6, f, 20))
                .hasMessageContaining("crossover probability must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> new EvolveConfig(200, 50, 1, 3, 0.8, 0.1, 200, 0.6, f, 20))
                .hasMessageContaining("elitism must be 0..population-1, got 200");
        assertThatThrownBy(() -> new FitnessSpec("var95", 0, 1)).hasMessageContaining("Fitness metric 'var95'");
        assertThatThrownBy(() -> new FitnessSpec("sharpe", -1, 1)).hasMessageContaining("complexity penalty");
    }

    @Test
    void fitnessPenalisesComplexityAndRejectsTooFewTrades() {
        FitnessSpec f = new FitnessSpec("sharpe", 0.01, 5);
        assertThat(f.fitness(1.5, 10, 20)).isEqualTo(1.5 - 0.2);
        assertThat(f.fitness(9.0, 4, 1)).isEqualTo(FitnessSpec.UNFIT);
    }

    @Test
    void evolutionNeedsAnOutOfSampleSegment() {
        assertThatThrownBy(() -> EvolveAction.on(dev.massbt.datasets.SharedSpark.session(),
                new dev.massbt.jobs.tables.RunWrites(dev.massbt.datasets.SharedSpark.session(),
                        dev.massbt.datasets.SharedSpark.freshWarehouse("evolve-config")),
                dev.massbt.datasets.run.RunId.of("x")).split(new Split.None()))
                .hasMessageContaining("needs an out-of-sample segment");
    }
}

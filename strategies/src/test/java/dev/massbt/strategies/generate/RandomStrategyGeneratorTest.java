package dev.massbt.strategies.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.massbt.strategies.format.IndicatorRef;
import dev.massbt.strategies.format.Strategy;
import dev.massbt.strategies.indicator.IndicatorType;
import dev.massbt.strategies.timeframe.Timeframe;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomStrategyGeneratorTest {

    @Test
    void sameSeedSameStrategiesAndIndexIsIndependentOfOrder() {
        RandomStrategyGenerator a = new RandomStrategyGenerator(SearchSpace.DEFAULT, 42);
        RandomStrategyGenerator b = new RandomStrategyGenerator(SearchSpace.DEFAULT, 42);
        List<Strategy> first = a.generate(0, 200);
        assertThat(b.generate(0, 200)).isEqualTo(first);
        assertThat(b.generate(150, 50)).isEqualTo(first.subList(150, 200));
        assertThat(new RandomStrategyGenerator(SearchSpace.DEFAULT, 43).generate(0, 200)).isNotEqualTo(first);
    }

    @Test
    void tenThousandStrategiesAreValidAndVaried() {
        List<Strategy> all = new RandomStrategyGenerator(SearchSpace.DEFAULT, 7).generate(0, 10_000);
        Set<IndicatorType> types = EnumSet.noneOf(IndicatorType.class);
        Set<Timeframe> primaries = EnumSet.noneOf(Timeframe.class);
        Set<String> names = new HashSet<>();
        int shorts = 0;
        int secondaries = 0;
        for (Strategy s : all) {
            // The constructor already enforced every limit; check them again independently.
            assertThat(s.conditions().size()).isBetween(1, Strategy.MAX_CONDITIONS);
            assertThat(s.indicatorKeys().size()).isLessThanOrEqualTo(Strategy.MAX_INDICATORS);
            assertThat(s.complexity()).isLessThanOrEqualTo(Strategy.MAX_COMPLEXITY);
            assertThat(1 + s.secondary().size()).isLessThanOrEqualTo(Strategy.MAX_TIMEFRAMES);
            s.forEachCondition((path, c) -> {
                if (c.left() instanceof IndicatorRef r) {
                    types.add(r.type());
                }
            });
            primaries.add(s.primary());
            names.add(s.name());
            shorts += s.shortEntry() != null ? 1 : 0;
            secondaries += s.secondary().isEmpty() ? 0 : 1;
        }
        assertThat(types).containsAll(EnumSet.complementOf(EnumSet.of(IndicatorType.OBV)));
        assertThat(primaries).containsExactlyInAnyOrderElementsOf(SearchSpace.DEFAULT.primaries());
        assertThat(names.size()).isGreaterThan(9_900);
        assertThat(shorts).isBetween(4_000, 7_000);
        assertThat(secondaries).isGreaterThan(1_000);
    }

    @Test
    void anyGeneVectorDecodesToAValidStrategy() {
        GeneDecoder decoder = new GeneDecoder(SearchSpace.DEFAULT);
        SplittableRandom rnd = new SplittableRandom(1);
        double[] genes = new double[GeneDecoder.LENGTH];
        for (int k = 0; k < 20_000; k++) {
            for (int i = 0; i < genes.length; i++) {
                // extremes included: 0 and values just below 1 select first and last choices
                double u = rnd.nextDouble();
                genes[i] = u < 0.1 ? 0 : u > 0.9 ? Math.nextDown(1.0) : rnd.nextDouble();
            }
            assertThat(decoder.decode(genes)).isNotNull();
        }
    }

    @Test
    void namesDescribeTheRules() {
        Strategy s = new RandomStrategyGenerator(SearchSpace.only(Timeframe.M5), 3).strategy(0);
        assertThat(s.name()).startsWith("5m ").containsAnyOf(" L[", " S[");
        assertThat(s.primary()).isEqualTo(Timeframe.M5);
        assertThat(s.secondary()).isEmpty();
    }

    @Test
    void rejectsBadArguments() {
        RandomStrategyGenerator g = new RandomStrategyGenerator(SearchSpace.DEFAULT, 1);
        assertThatThrownBy(() -> g.strategy(-1)).hasMessageContaining("index must be >= 0");
        assertThatThrownBy(() -> g.generate(0, -5)).hasMessageContaining("count must be >= 0");
        assertThatThrownBy(() -> new GeneDecoder(SearchSpace.DEFAULT).decode(new double[3]))
                .hasMessageContaining("expected " + GeneDecoder.LENGTH + " genes");
    }
}

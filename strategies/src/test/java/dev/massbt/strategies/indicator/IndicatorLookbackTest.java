package dev.massbt.strategies.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link IndicatorType#lookback} is the index of the first non-NaN value of every output:
 * on random bars (ties, flat bars and zero-volume runs included) every value before it is
 * NaN and every value from it on is finite. Parameter sets: all at their minimum, all at
 * their maximum, and four random ones per type (seeded).
 */
class IndicatorLookbackTest {

    static Stream<Arguments> cases() {
        SplittableRandom rnd = new SplittableRandom(20240601);
        List<Arguments> all = new ArrayList<>();
        for (IndicatorType type : IndicatorType.values()) {
            all.add(Arguments.of(type, ParamSets.min(type)));
            all.add(Arguments.of(type, ParamSets.max(type)));
            for (int i = 0; i < 4; i++) {
                all.add(Arguments.of(type, ParamSets.random(type, rnd, Integer.MAX_VALUE)));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void firstFiniteValueIsAtLookback(IndicatorType type, double[] params) {
        int n = ParamSets.maxLookback(type, params) + 200;
        Bars bars = Bars.random(Arrays.hashCode(params) * 31L + type.ordinal(), n);
        double[][] out = IndicatorRunner.run(type, params, bars);

        for (int o = 0; o < out.length; o++) {
            String output = type.outputs().get(o).name();
            int lookback = type.lookback(params, output);
            for (int i = 0; i < n; i++) {
                String where = type.key() + " " + Arrays.toString(params) + " " + output + "[" + i
                        + "] with lookback " + lookback;
                if (i < lookback) {
                    assertThat(out[o][i]).as(where).isNaN();
                } else {
                    assertThat(out[o][i]).as(where).isFinite();
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void seriesNoLongerThanTheLookbackIsAllNaN(IndicatorType type, double[] params) {
        Bars bars = Bars.random(7, ParamSets.maxLookback(type, params) + 1);
        for (int o = 0; o < type.outputs().size(); o++) {
            int lookback = type.lookback(params, type.outputs().get(o).name());
            double[][] out = IndicatorRunner.run(type, params, bars, lookback);
            assertThat(Arrays.stream(out[o]).boxed()).as(type.key() + " " + type.outputs().get(o).name())
                    .hasSize(lookback)
                    .allMatch(v -> v.isNaN());
        }
    }
}

package dev.massbt.strategies.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The law every signal relies on: the value at bar t depends on bars up to t only. For
 * every indicator type, random valid parameters (periods up to 40, so windows slide and
 * re-anchor many times within 200 bars) and a random cut t: replacing every input after t
 * leaves outputs 0..t bit-identical, and so does running on the first t + 1 bars alone.
 */
class NoLookAheadTest {

    private static final int N = 200;

    @Property(tries = 1000)
    void outputsUpToTIgnoreLaterInputs(@ForAll IndicatorType type, @ForAll long seed,
                                       @ForAll @IntRange(min = 0, max = N - 1) int t) {
        double[] params = ParamSets.random(type, new SplittableRandom(seed), 40);
        Bars bars = Bars.random(seed, N);
        Bars changed = bars.withFutureReplaced(t, seed ^ 0x5DEECE66DL);

        double[][] original = IndicatorRunner.run(type, params, bars);
        double[][] withOtherFuture = IndicatorRunner.run(type, params, changed);
        double[][] withoutFuture = IndicatorRunner.run(type, params, bars, t + 1);

        for (int o = 0; o < original.length; o++) {
            String what = type.key() + " " + Arrays.toString(params) + " " + type.outputs().get(o).name()
                    + " up to t=" + t;
            double[] prefix = Arrays.copyOf(original[o], t + 1);
            assertThat(Arrays.copyOf(withOtherFuture[o], t + 1)).as(what + ", future replaced").isEqualTo(prefix);
            assertThat(withoutFuture[o]).as(what + ", future cut off").isEqualTo(prefix);
        }
    }
}

package dev.massbt.strategies.bars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.massbt.strategies.timeframe.Timeframe;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ResamplerTest {

    private static final long T0 = 1_704_067_200_000L; // 2024-01-01T00:00Z
    private static final long MIN = 60_000L;

    /** One-minute bars at the given minutes after T0; bar k has open 100+k, high +1, low -1, close +0.5, volume k+1. */
    private static BarSeries minutes(int... at) {
        BarSeries.Builder b = BarSeries.builder(Timeframe.M1, at.length);
        for (int m : at) {
            double o = 100 + m;
            b.add(T0 + m * MIN, o, o + 1, o - 1, o + 0.5, m + 1);
        }
        return b.build();
    }

    @Test
    void aggregatesEachBucketWithoutFillingGaps() {
        // minute 7 is missing; minutes 10, 11 start the third bucket
        BarSeries m1 = minutes(0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11);
        BarSeries m5 = Resampler.resample(m1, Timeframe.M5);
        assertThat(m5.ts()).containsExactly(T0, T0 + 5 * MIN, T0 + 10 * MIN);
        assertThat(m5.open()).containsExactly(100, 105, 110);
        assertThat(m5.high()).containsExactly(105, 110, 112);
        assertThat(m5.low()).containsExactly(99, 104, 109);
        assertThat(m5.close()).containsExactly(104.5, 109.5, 111.5);
        // volumes: 1+2+3+4+5, 6+7+9+10 (minute 7 missing), 11+12
        assertThat(m5.volume()).containsExactly(15, 32, 23);
    }

    @Test
    void aHigherBarBecomesVisibleOnlyAtTheCloseOfItsLastMinute() {
        BarSeries m1 = minutes(IntStream.range(0, 12).toArray());
        BarSeries m5 = Resampler.resample(m1, Timeframe.M5);
        int[] index = Resampler.align(m1, m5);
        // minute 4 closes at 00:05 = the end of the first bucket; minute 9 at 00:10;
        // the third bucket (00:10-00:15) never closes inside the data.
        assertThat(index).containsExactly(-1, -1, -1, -1, 0, 0, 0, 0, 0, 1, 1, 1);
    }

    @Test
    void aGapAtTheEndOfABucketStillClosesItOnTime() {
        // minutes 3 and 4 missing: the first bucket is complete from minute 5's close on
        BarSeries m1 = minutes(0, 1, 2, 5, 6);
        int[] index = Resampler.align(m1, Resampler.resample(m1, Timeframe.M5));
        assertThat(index).containsExactly(-1, -1, -1, 0, 0);
    }

    @Test
    void dailyBucketsAreUtcDays() {
        assertThat(Timeframe.D1.bucketStart(T0 + 23 * 60 * MIN + 59 * MIN)).isEqualTo(T0);
        assertThat(Timeframe.H4.bucketStart(T0 + 5 * 60 * MIN)).isEqualTo(T0 + 4 * 60 * MIN);
        assertThat(Timeframe.fromLabel("4h")).isEqualTo(Timeframe.H4);
        assertThat(Timeframe.fromLabel("3h")).isNull();
    }

    @Test
    void gatherGivesNanBeforeTheFirstClosedBar() {
        double[] out = new double[4];
        Resampler.gather(new double[] {7, 8}, new int[] {-1, 0, 0, 1}, out);
        assertThat(out[0]).isNaN();
        assertThat(out).containsSubsequence(7.0, 7.0, 8.0);
    }

    @Test
    void refusesLowerOrNonMultipleTargets() {
        BarSeries m5 = Resampler.resample(minutes(0, 1, 2, 3, 4, 5), Timeframe.M5);
        assertThatThrownBy(() -> Resampler.resample(m5, Timeframe.M1))
                .hasMessageContaining("cannot resample 5m bars to 1m");
        assertThatThrownBy(() -> new BarSeries(Timeframe.M5, new long[] {T0 + MIN}, new double[1], new double[1],
                new double[1], new double[1], new double[1]))
                .hasMessageContaining("not the start of a 5m bucket");
    }
}

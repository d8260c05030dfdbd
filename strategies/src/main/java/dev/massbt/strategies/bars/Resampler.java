package dev.massbt.strategies.bars;

import dev.massbt.strategies.timeframe.Timeframe;
import java.util.Objects;

/**
 * Builds higher-timeframe bars from base bars and maps them back without look-ahead.
 *
 * <p>A higher bar covers the UTC bucket {@code [start, start + tf)}: open of its first base
 * bar, max high, min low, close of its last base bar, summed volume. Empty buckets produce
 * no bar (no forward fill).
 *
 * <p>Alignment: at lower bar i (closing at {@code ts[i] + lower.tf}) a strategy sees the
 * last higher bar whose bucket END is at or before that moment, i.e. a bar that had closed.
 * A bucket still in progress is never visible, even when all its base bars so far are.
 */
public final class Resampler {

    private Resampler() {
    }

    public static BarSeries resample(BarSeries base, Timeframe tf) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(tf, "tf");
        if (tf == base.timeframe()) {
            return base;
        }
        if (!tf.isHigherThan(base.timeframe())) {
            throw new IllegalArgumentException("cannot resample " + base.timeframe() + " bars to " + tf
                    + ": the target must be a higher timeframe and a whole multiple of it");
        }
        long[] ts = base.ts();
        int n = ts.length;
        int m = 0;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long b = tf.bucketStart(ts[i]);
            if (b != last) {
                m++;
                last = b;
            }
        }
        long[] hts = new long[m];
        double[] o = new double[m];
        double[] h = new double[m];
        double[] l = new double[m];
        double[] c = new double[m];
        double[] v = new double[m];
        double[] bo = base.open();
        double[] bh = base.high();
        double[] bl = base.low();
        double[] bc = base.close();
        double[] bv = base.volume();
        int j = -1;
        last = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long b = tf.bucketStart(ts[i]);
            if (b != last) {
                j++;
                last = b;
                hts[j] = b;
                o[j] = bo[i];
                h[j] = bh[i];
                l[j] = bl[i];
                v[j] = 0;
            } else {
                h[j] = Math.max(h[j], bh[i]);
                l[j] = Math.min(l[j], bl[i]);
            }
            c[j] = bc[i];
            v[j] += bv[i];
        }
        return new BarSeries(tf, hts, o, h, l, c, v);
    }

    /**
     * For each bar i of {@code lower}, the index in {@code higher} of the last higher bar that
     * had closed when bar i closed, or -1 when none had.
     */
    public static int[] align(BarSeries lower, BarSeries higher) {
        Objects.requireNonNull(lower, "lower");
        Objects.requireNonNull(higher, "higher");
        long lowerMillis = lower.timeframe().millis();
        long higherMillis = higher.timeframe().millis();
        long[] lts = lower.ts();
        long[] hts = higher.ts();
        int[] index = new int[lts.length];
        int j = -1;
        for (int i = 0; i < lts.length; i++) {
            long closeTime = lts[i] + lowerMillis;
            while (j + 1 < hts.length && hts[j + 1] + higherMillis <= closeTime) {
                j++;
            }
            index[i] = j;
        }
        return index;
    }

    /** {@code out[i] = values[index[i]]}, NaN where index is -1. */
    public static void gather(double[] values, int[] index, double[] out) {
        for (int i = 0; i < index.length; i++) {
            int j = index[i];
            out[i] = j < 0 ? Double.NaN : values[j];
        }
    }
}

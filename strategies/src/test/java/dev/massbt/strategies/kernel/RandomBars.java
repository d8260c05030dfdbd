package dev.massbt.strategies.kernel;

import dev.massbt.strategies.bars.BarSeries;
import dev.massbt.strategies.timeframe.Timeframe;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Seeded random-walk bars (one-minute, or of any timeframe) with occasional gaps and jumps, for property tests. */
final class RandomBars {

    static final long T0 = 1_704_067_200_000L; // 2024-01-01T00:00Z

    private RandomBars() {
    }

    static BarSeries walk(long seed, int n) {
        return walk(seed, n, Timeframe.M1);
    }

    /** Bars of {@code tf}, e.g. daily bars (weekend-like gaps included) for a daily base. */
    static BarSeries walk(long seed, int n, Timeframe tf) {
        SplittableRandom rnd = new SplittableRandom(seed);
        BarSeries.Builder bars = BarSeries.builder(tf, n);
        long step = tf.millis();
        long t = T0 + (tf == Timeframe.M1 ? rnd.nextInt(1440) * step : 0);
        double price = 100;
        double vol = 0.001;
        for (int i = 0; i < n; i++) {
            vol = Math.max(0.0002, Math.min(0.01, vol * Math.exp(0.1 * rnd.nextGaussian())));
            double open = price * (1 + (rnd.nextDouble() < 0.002 ? 0.02 * rnd.nextGaussian() : 0));
            double close = open * Math.exp(vol * rnd.nextGaussian());
            double high = Math.max(open, close) * (1 + Math.abs(vol * 0.5 * rnd.nextGaussian()));
            double low = Math.min(open, close) * (1 - Math.abs(vol * 0.5 * rnd.nextGaussian()));
            bars.add(t, open, high, low, close, 1 + rnd.nextInt(1000));
            t += step * (rnd.nextDouble() < 0.02 ? 1 + rnd.nextInt(90) : 1);
            price = close;
        }
        return bars.build();
    }

    /** A copy whose bars after index {@code t} are replaced by another random walk's values. */
    static BarSeries changedAfter(BarSeries s, int t, long seed) {
        BarSeries other = walk(seed, s.size(), s.timeframe());
        double[] o = s.open().clone();
        double[] h = s.high().clone();
        double[] l = s.low().clone();
        double[] c = s.close().clone();
        double[] v = s.volume().clone();
        for (int i = t + 1; i < s.size(); i++) {
            double scale = s.close()[t] / other.close()[t];
            o[i] = other.open()[i] * scale;
            h[i] = other.high()[i] * scale;
            l[i] = other.low()[i] * scale;
            c[i] = other.close()[i] * scale;
            v[i] = other.volume()[i];
        }
        return new BarSeries(s.timeframe(), Arrays.copyOf(s.ts(), s.size()), o, h, l, c, v);
    }
}

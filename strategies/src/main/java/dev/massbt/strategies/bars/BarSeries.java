package dev.massbt.strategies.bars;

import dev.massbt.strategies.timeframe.Timeframe;
import java.util.Arrays;
import java.util.Objects;

/**
 * One symbol's bars as primitive columns. {@code ts[i]} is the bar's open time in epoch
 * milliseconds (UTC), aligned to the start of its {@link Timeframe} bucket and strictly
 * increasing; gaps (no bar for a bucket) are allowed and are never filled in. The arrays
 * are shared, not copied: treat them as read-only.
 */
public record BarSeries(Timeframe timeframe, long[] ts, double[] open, double[] high, double[] low,
                        double[] close, double[] volume) {

    public BarSeries {
        Objects.requireNonNull(timeframe, "timeframe");
        int n = Objects.requireNonNull(ts, "ts").length;
        requireLength("open", open, n);
        requireLength("high", high, n);
        requireLength("low", low, n);
        requireLength("close", close, n);
        requireLength("volume", volume, n);
        long millis = timeframe.millis();
        for (int i = 0; i < n; i++) {
            if (Math.floorMod(ts[i], millis) != 0) {
                throw new IllegalArgumentException("bar " + i + ": ts " + ts[i] + " is not the start of a "
                        + timeframe + " bucket");
            }
            if (i > 0 && ts[i] <= ts[i - 1]) {
                throw new IllegalArgumentException("bar " + i + ": ts " + ts[i] + " is not after bar " + (i - 1)
                        + " (" + ts[i - 1] + "); bars must be strictly increasing in time");
            }
        }
    }

    public int size() {
        return ts.length;
    }

    /** Open time of bar i plus the timeframe: the moment bar i's close is known. */
    public long closeTime(int i) {
        return ts[i] + timeframe.millis();
    }

    /** Index of the first bar with ts >= epochMillis (size() when none). */
    public int indexAtOrAfter(long epochMillis) {
        int lo = 0;
        int hi = ts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ts[mid] < epochMillis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** A builder that appends bars to growing primitive columns. */
    public static Builder builder(Timeframe timeframe, int expectedBars) {
        return new Builder(timeframe, expectedBars);
    }

    /** Appends bars one at a time; {@link #build()} validates them like the constructor. */
    public static final class Builder {
        private final Timeframe timeframe;
        private long[] ts;
        private double[] open;
        private double[] high;
        private double[] low;
        private double[] close;
        private double[] volume;
        private int size;

        private Builder(Timeframe timeframe, int expectedBars) {
            this.timeframe = Objects.requireNonNull(timeframe, "timeframe");
            int cap = Math.max(16, expectedBars);
            ts = new long[cap];
            open = new double[cap];
            high = new double[cap];
            low = new double[cap];
            close = new double[cap];
            volume = new double[cap];
        }

        public Builder add(long openTime, double o, double h, double l, double c, double v) {
            if (size == ts.length) {
                int cap = size * 2;
                ts = Arrays.copyOf(ts, cap);
                open = Arrays.copyOf(open, cap);
                high = Arrays.copyOf(high, cap);
                low = Arrays.copyOf(low, cap);
                close = Arrays.copyOf(close, cap);
                volume = Arrays.copyOf(volume, cap);
            }
            ts[size] = openTime;
            open[size] = o;
            high[size] = h;
            low[size] = l;
            close[size] = c;
            volume[size] = v;
            size++;
            return this;
        }

        public int size() {
            return size;
        }

        public BarSeries build() {
            return new BarSeries(timeframe, Arrays.copyOf(ts, size), Arrays.copyOf(open, size),
                    Arrays.copyOf(high, size), Arrays.copyOf(low, size),
                    Arrays.copyOf(close, size), Arrays.copyOf(volume, size));
        }
    }

    private static void requireLength(String name, double[] column, int n) {
        Objects.requireNonNull(column, name);
        if (column.length != n) {
            throw new IllegalArgumentException(name + " has " + column.length + " values, ts has " + n);
        }
    }
}

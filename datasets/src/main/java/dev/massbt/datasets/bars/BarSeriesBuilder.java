package dev.massbt.datasets.bars;

import dev.massbt.strategies.bars.BarSeries;
import dev.massbt.strategies.timeframe.Timeframe;
import java.util.Arrays;
import java.util.Objects;

/**
 * Grows primitive OHLCV columns one bar at a time and hands them out as a {@link BarSeries}
 * (which checks alignment and strict order). No object per bar.
 */
public final class BarSeriesBuilder {

    private final Timeframe timeframe;
    private long[] ts;
    private double[] open;
    private double[] high;
    private double[] low;
    private double[] close;
    private double[] volume;
    private int size;

    public BarSeriesBuilder(Timeframe timeframe) {
        this(timeframe, 1024);
    }

    public BarSeriesBuilder(Timeframe timeframe, int initialCapacity) {
        this.timeframe = Objects.requireNonNull(timeframe, "timeframe");
        int c = Math.max(16, initialCapacity);
        ts = new long[c];
        open = new double[c];
        high = new double[c];
        low = new double[c];
        close = new double[c];
        volume = new double[c];
    }

    /** Collects every row of {@code rows} (consumed); their ts must be aligned to the timeframe and increasing. */
    public static BarSeries collect(java.util.Iterator<dev.massbt.datasets.read.BarRow> rows, Timeframe timeframe) {
        BarSeriesBuilder b = new BarSeriesBuilder(timeframe);
        while (rows.hasNext()) {
            var r = rows.next();
            b.add(r.tsMillis(), r.open(), r.high(), r.low(), r.close(), r.volume());
        }
        return b.build();
    }

    public BarSeriesBuilder add(long tsMillis, double o, double h, double l, double c, double v) {
        if (size == ts.length) {
            grow();
        }
        ts[size] = tsMillis;
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

    public Timeframe timeframe() {
        return timeframe;
    }

    /** The bars so far, trimmed copies: the builder can go on growing afterwards. */
    public BarSeries build() {
        return new BarSeries(timeframe, Arrays.copyOf(ts, size), Arrays.copyOf(open, size), Arrays.copyOf(high, size),
                Arrays.copyOf(low, size), Arrays.copyOf(close, size), Arrays.copyOf(volume, size));
    }

    private void grow() {
        int c = ts.length * 2;
        ts = Arrays.copyOf(ts, c);
        open = Arrays.copyOf(open, c);
        high = Arrays.copyOf(high, c);
        low = Arrays.copyOf(low, c);
        close = Arrays.copyOf(close, c);
        volume = Arrays.copyOf(volume, c);
    }
}

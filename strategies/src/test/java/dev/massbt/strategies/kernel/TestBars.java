package dev.massbt.strategies.kernel;

import dev.massbt.strategies.bars.BarSeries;
import dev.massbt.strategies.timeframe.Timeframe;

/** Small hand-written bar series for kernel fixtures. */
final class TestBars {

    /** 2024-01-01T00:00Z */
    static final long T0 = 1_704_067_200_000L;

    private TestBars() {
    }

    /** Rows of {open, high, low, close}; bars one {@code tf} apart from T0, volume 1. */
    static BarSeries of(Timeframe tf, double[][] ohlc) {
        int n = ohlc.length;
        long[] ts = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            ts[i] = T0 + i * tf.millis();
            o[i] = ohlc[i][0];
            h[i] = ohlc[i][1];
            l[i] = ohlc[i][2];
            c[i] = ohlc[i][3];
            v[i] = 1;
        }
        return new BarSeries(tf, ts, o, h, l, c, v);
    }
}

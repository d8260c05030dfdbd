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
        BarSeries.Builder b = BarSeries.builder(tf, ohlc.length);
        for (int i = 0; i < ohlc.length; i++) {
            b.add(T0 + i * tf.millis(), ohlc[i][0], ohlc[i][1], ohlc[i][2], ohlc[i][3], 1);
        }
        return b.build();
    }
}

package dev.massbt.strategies.indicator;

/**
 * Calls the {@link Indicators} method of an {@link IndicatorType} with parameters in
 * {@link IndicatorType#params()} order and returns its outputs in
 * {@link IndicatorType#outputs()} order. Test-side only: it lets one test cover every type.
 */
final class IndicatorRunner {

    private IndicatorRunner() {
    }

    static double[][] run(IndicatorType type, double[] p, Bars bars) {
        return run(type, p, bars, bars.size());
    }

    static double[][] run(IndicatorType type, double[] p, Bars bars, int n) {
        return into(type, p, bars, n, new double[type.outputs().size()][n]);
    }

    /** Runs into the given output arrays (each of length >= n) and returns them. */
    static double[][] into(IndicatorType type, double[] p, Bars bars, int n, double[][] out) {
        double[] h = bars.high();
        double[] l = bars.low();
        double[] c = bars.close();
        double[] v = bars.volume();
        switch (type) {
            case SMA -> Indicators.sma(c, n, (int) p[0], out[0]);
            case EMA -> Indicators.ema(c, n, (int) p[0], out[0]);
            case WMA -> Indicators.wma(c, n, (int) p[0], out[0]);
            case RSI -> Indicators.rsi(c, n, (int) p[0], out[0]);
            case MACD -> Indicators.macd(c, n, (int) p[0], (int) p[1], (int) p[2], out[0], out[1], out[2]);
            case BOLLINGER -> Indicators.bollinger(c, n, (int) p[0], p[1], out[0], out[1], out[2], out[3]);
            case ATR -> Indicators.atr(h, l, c, n, (int) p[0], out[0]);
            case STOCHASTIC -> Indicators.stochastic(h, l, c, n, (int) p[0], (int) p[1], out[0], out[1]);
            case ROC -> Indicators.roc(c, n, (int) p[0], out[0]);
            case DONCHIAN -> Indicators.donchian(h, l, n, (int) p[0], out[0], out[1]);
            case CCI -> Indicators.cci(h, l, c, n, (int) p[0], out[0]);
            case ADX -> Indicators.adx(h, l, c, n, (int) p[0], out[0], out[1], out[2]);
            case OBV -> Indicators.obv(c, v, n, out[0]);
            case VWAP -> Indicators.vwap(h, l, c, v, n, (int) p[0], out[0]);
            case SMA_CROSS -> Indicators.smaCross(c, n, (int) p[0], (int) p[1], out[0]);
            case EMA_CROSS -> Indicators.emaCross(c, n, (int) p[0], (int) p[1], out[0]);
            default -> throw new IllegalArgumentException("no runner for " + type + ": add it here");
        }
        return out;
    }
}

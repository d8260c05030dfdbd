package dev.massbt.strategies.indicator;

/**
 * Indicator arithmetic over primitive columns. Every method writes into caller-owned output
 * arrays (length >= input length), never allocates per bar, and writes NaN during warm-up
 * (before {@link IndicatorType#lookback}). Value at index i depends on inputs at indices
 * <= i only.
 */
public final class Indicators {

    private Indicators() {
    }

    public static void sma(double[] in, int n, int period, double[] out) {
        throw new UnsupportedOperationException("not yet");
    }

    public static void ema(double[] in, int n, int period, double[] out) {
        throw new UnsupportedOperationException("not yet");
    }

    public static void wma(double[] in, int n, int period, double[] out) {
        throw new UnsupportedOperationException("not yet");
    }

    public static void rsi(double[] close, int n, int period, double[] out) {
        throw new UnsupportedOperationException("not yet");
    }

    public static void macd(double[] close, int n, int fast, int slow, int signal,
                            double[] line, double[] signalOut, double[] histogram) {
        throw new UnsupportedOperationException("not yet");
    }

    public static void bollinger(double[] close, int n, int period, double k,
                                 double[] middle, double[] upper, double[] lower, double[] percentB) {
        throw new UnsupportedOperationException("not yet");
    }

    public static void atr(double[] high, double[] low, double[] close, int n, int period, double[] out) {
        throw new UnsupportedOperationException("not yet");
    }

    public static void stochastic(double[] high, double[] low, double[] close, int n, int kPeriod, int dPeriod,
                                  double[] k, double[] d) {
        throw new UnsupportedOperationException("not yet");
    }

    public static void roc(double[] in, int n, int period, double[] out) {
        throw new UnsupportedOperationException("not yet");
    }

    public static void donchian(double[] high, double[] low, int n, int period, double[] upper, double[] lower) {
        throw new UnsupportedOperationException("not yet");
    }

    public static void cci(double[] high, double[] low, double[] close, int n, int period, double[] out) {
        throw new UnsupportedOperationException("not yet");
    }

    public static void adx(double[] high, double[] low, double[] close, int n, int period,
                           double[] adx, double[] plusDi, double[] minusDi) {
        throw new UnsupportedOperationException("not yet");
    }

    public static void obv(double[] close, double[] volume, int n, double[] out) {
        throw new UnsupportedOperationException("not yet");
    }

    public static void vwap(double[] high, double[] low, double[] close, double[] volume, int n, int period,
                            double[] out) {
        throw new UnsupportedOperationException("not yet");
    }

    public static void smaCross(double[] close, int n, int fast, int slow, double[] out) {
        throw new UnsupportedOperationException("not yet");
    }

    public static void emaCross(double[] close, int n, int fast, int slow, double[] out) {
        throw new UnsupportedOperationException("not yet");
    }
}

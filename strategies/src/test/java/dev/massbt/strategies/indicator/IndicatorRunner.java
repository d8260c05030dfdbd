package dev.massbt.strategies.indicator;

/**
 * Calls the {@link Indicators} method of an {@link IndicatorType} with parameters in
 * {@link IndicatorType#params()} order and returns its outputs in
 * {@link IndicatorType#outputs()} order. Test-side shorthand over {@link Indicators#compute}.
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
        Indicators.compute(type, p, bars.high(), bars.low(), bars.close(), bars.volume(), n, out);
        return out;
    }
}

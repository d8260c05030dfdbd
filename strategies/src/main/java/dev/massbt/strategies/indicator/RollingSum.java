package dev.massbt.strategies.indicator;

/**
 * The sum of the last {@code window} values of an array, moved forward one index at a time.
 *
 * <p>Sliding a sum by adding the entering value and subtracting the leaving one lets rounding
 * errors pile up over millions of bars. Every {@code window} steps the sum is therefore
 * recomputed from the window itself (re-anchored), so a value never carries the rounding of
 * more than about {@code 2 * window} additions; the extra cost is one addition per bar. The
 * schedule depends on the index only, never on how many bars follow, so re-anchoring cannot
 * leak future data into the past.
 */
final class RollingSum {

    private final double[] x;
    private final int from;
    private final int window;
    private double sum;
    private int sinceAnchor;

    /**
     * @param x      the values; {@code x[i]} must be final by the time {@link #advance(int)} reaches {@code i}
     * @param from   first index that belongs to the series (earlier values are ignored)
     * @param window number of values summed, >= 1
     */
    RollingSum(double[] x, int from, int window) {
        this.x = x;
        this.from = from;
        this.window = window;
    }

    /**
     * Moves to index {@code i}, which must be {@code from}, {@code from + 1}, ... in turn, and
     * returns the sum of {@code x[max(from, i - window + 1) .. i]}.
     */
    double advance(int i) {
        if (i - from < window) {
            sum += x[i];
        } else if (++sinceAnchor == window) {
            sinceAnchor = 0;
            sum = sum(x, i - window + 1, i + 1);
        } else {
            sum += x[i] - x[i - window];
        }
        return sum;
    }

    /** Plain sum of {@code x[from .. to)}, left to right. */
    static double sum(double[] x, int from, int to) {
        double s = 0;
        for (int j = from; j < to; j++) {
            s += x[j];
        }
        return s;
    }
}

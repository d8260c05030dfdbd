package dev.massbt.strategies.metrics;

/**
 * Neumaier's compensated sum (the improved Kahan–Babuška algorithm): the running error of
 * every addition is kept in a second accumulator, so the total of a long series is accurate
 * to about one rounding of the result however many terms it has, and however their
 * magnitudes differ. A plain {@code +=} loses up to {@code n} roundings.
 *
 * <p>Mutable and tiny; created once per {@link MetricsCalculator} and {@link #reset()} per use.
 */
final class CompensatedSum {

    private double sum;
    private double compensation;

    CompensatedSum reset() {
        sum = 0.0;
        compensation = 0.0;
        return this;
    }

    void add(double x) {
        double t = sum + x;
        if (Math.abs(sum) >= Math.abs(x)) {
            compensation += (sum - t) + x;
        } else {
            compensation += (x - t) + sum;
        }
        sum = t;
    }

    double value() {
        return sum + compensation;
    }
}

package dev.massbt.strategies.metrics;

/**
 * Every error this package reports, in one place, each stating the problem, its likely cause
 * and the fix. They are {@link IllegalArgumentException}s: metrics are only computed from
 * inputs the caller produced, so a bad input is a bug in the caller, not a data problem.
 */
final class MetricsErrors {

    private MetricsErrors() {
    }

    static IllegalArgumentException periodsPerYear(int value) {
        return new IllegalArgumentException("Invalid metrics config: periodsPerYear is " + value
                + " but must be in 1..366 (365 for crypto, which trades every calendar day;"
                + " 252 for equities). Use MetricsConfig.crypto() or MetricsConfig.equities().");
    }

    static IllegalArgumentException riskFreeRate(double value) {
        return new IllegalArgumentException("Invalid metrics config: riskFreeRate is " + value
                + " but must be a finite annual rate, as a fraction, in [-0.5, 1]"
                + " (0.05 means 5% a year). Divide a percentage by 100.");
    }

    static IllegalArgumentException nonFiniteMetric(String field, double value) {
        return new IllegalArgumentException("Invalid metrics: " + field + " is " + value
                + " but every metric must be a finite number. The calculator defines a finite"
                + " value for every edge case; build Metrics through MetricsCalculator.");
    }

    static IllegalArgumentException negativeTradeCount(int value) {
        return new IllegalArgumentException("Invalid metrics: tradeCount is " + value
                + " but must be >= 0.");
    }

    static IllegalArgumentException count(String countName, int count, String arrayName, int length) {
        return new IllegalArgumentException("Cannot compute metrics: " + countName + " is " + count
                + " but must be in 0.." + length + " (the length of " + arrayName + ")."
                + " Pass the number of values actually written to the array.");
    }

    static IllegalArgumentException nonFiniteElement(String arrayName, int index, double value) {
        return new IllegalArgumentException("Cannot compute metrics: " + arrayName + "[" + index
                + "] is " + value + " but must be a finite simple return. A NaN or infinite return"
                + " usually comes from dividing by a zero equity or price; fix the series that"
                + " produced it.");
    }

    static IllegalArgumentException equity(int index, double value) {
        return new IllegalArgumentException("Cannot compute max drawdown: equity[" + index
                + "] is " + value + " but equity must be finite and >= 0 (it starts at 1.0)."
                + " Fix the equity series that produced it.");
    }

    static IllegalArgumentException outOfRange(String name, double value, String range, String meaning) {
        return new IllegalArgumentException("Cannot compute metrics: " + name + " is " + value
                + " but must be " + range + " (" + meaning + ").");
    }
}

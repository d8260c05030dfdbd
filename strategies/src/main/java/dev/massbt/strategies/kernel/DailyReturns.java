package dev.massbt.strategies.kernel;

import java.util.Objects;

/**
 * Simple returns of the marked-to-market equity, one per UTC calendar day that had bars in
 * the segment. {@code epochDays[d]} is the day (days since 1970-01-01); the equity of a
 * day is taken at the close of its last bar. The first return is against the starting
 * equity 1.0.
 */
public record DailyReturns(long[] epochDays, double[] returns) {

    public DailyReturns {
        Objects.requireNonNull(epochDays, "epochDays");
        Objects.requireNonNull(returns, "returns");
        if (epochDays.length != returns.length) {
            throw new IllegalArgumentException(epochDays.length + " days but " + returns.length + " returns");
        }
    }

    /** Equity at the end of each day, starting from 1.0. */
    public double[] equity() {
        double[] eq = new double[returns.length];
        double e = 1.0;
        for (int d = 0; d < returns.length; d++) {
            e *= 1 + returns[d];
            eq[d] = e;
        }
        return eq;
    }
}

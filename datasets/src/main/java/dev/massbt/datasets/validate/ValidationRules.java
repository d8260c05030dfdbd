package dev.massbt.datasets.validate;

import java.util.Objects;

/**
 * The configurable part of validation.
 *
 * @param backwardToleranceMicros how far (microseconds) a trade may lie before the latest accepted
 *                                trade and still be accepted (observed as
 *                                {@link Observation#LATE_WITHIN_TOLERANCE}); later than that it is
 *                                rejected as {@link Reason#OUT_OF_ORDER}. 0 (the default) rejects
 *                                any step back. Bars never step back: a bar series is strictly
 *                                increasing, so this applies to trades only.
 * @param identicalTrades         what to do with a trade identical to the previous accepted one
 *                                when the data has no trade id (see {@link IdenticalTrades})
 * @param outlierBps              trades further than this from the median of the prints around
 *                                them are {@link Reason#OUTLIER}s ({@link OutlierFilter}, a window
 *                                of {@link #OUTLIER_WINDOW} prints); 0 (the default) is off
 * @param session                 the trading session, or null (the default): trades outside it are
 *                                accepted into {@code ticks}, flagged and observed as
 *                                {@link Observation#OUT_OF_SESSION}, but build no bars
 */
public record ValidationRules(long backwardToleranceMicros, IdenticalTrades identicalTrades, double outlierBps,
                              Session session) implements java.io.Serializable {

    /** Tolerance 0, identical trades kept (and counted), no outlier filter, no session. */
    public static final ValidationRules DEFAULT = new ValidationRules(0, IdenticalTrades.KEEP, 0, null);

    /** Prints in an outlier window: 10 before, the print, 10 after. */
    public static final int OUTLIER_WINDOW = 21;

    public ValidationRules {
        if (backwardToleranceMicros < 0) {
            throw new IllegalArgumentException("backwardToleranceMicros must be >= 0, got " + backwardToleranceMicros
                    + "; use 0 to reject any trade earlier than the latest accepted one");
        }
        Objects.requireNonNull(identicalTrades, "identicalTrades");
        if (!(outlierBps >= 0) || Double.isInfinite(outlierBps)) {
            throw new IllegalArgumentException("outlierBps must be a number >= 0 (0 is off), got " + outlierBps);
        }
    }

    /** Trades more than {@code bps} basis points from the median of the prints around them are outliers; 0 is off. */
    public ValidationRules withOutlierBps(double bps) {
        return new ValidationRules(backwardToleranceMicros, identicalTrades, bps, session);
    }

    public ValidationRules withBackwardTolerance(long micros) {
        return new ValidationRules(micros, identicalTrades, outlierBps, session);
    }

    public ValidationRules withIdenticalTrades(IdenticalTrades policy) {
        return new ValidationRules(backwardToleranceMicros, policy, outlierBps, session);
    }

    /** Bars from the trades in {@code s} only, the others kept in {@code ticks} and flagged; null: no session. */
    public ValidationRules withSession(Session s) {
        return new ValidationRules(backwardToleranceMicros, identicalTrades, outlierBps, s);
    }

    /**
     * Trades without an id cannot tell a double-exported row from two real fills of the same
     * size at the same price in the same second (one taker order sweeping equal resting orders,
     * which Bitstamp's 2013 dumps show often). Dropping them would remove real volume, keeping
     * them may double some: the choice is the user's, and both are counted.
     */
    public enum IdenticalTrades {
        /** Accept, count as {@link Observation#IDENTICAL_CONSECUTIVE_TRADE}. */
        KEEP,
        /** Reject as {@link Reason#DUPLICATE}. */
        REJECT
    }
}

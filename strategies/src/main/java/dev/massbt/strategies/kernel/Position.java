package dev.massbt.strategies.kernel;

import dev.massbt.strategies.format.ExitRule;

/**
 * The open position of a {@link Simulator}: how it was entered and where its exits lie, then,
 * once {@link Simulator} has walked it, how it ended. One instance per simulator, reused for
 * every trade, so that a trade allocates nothing.
 *
 * <p>Absent levels sit at an infinity the price never reaches, so the per-bar loop needs no
 * branch for them. Marked to market, a position is worth {@code base + signedUnits * close}:
 * a long {@code units * close}, a short {@code 2 * entryEquity - units * close}.
 */
final class Position {

    boolean isLong;
    /** The fill bar: the bar after the entry signal, filled at its open. */
    int fill;
    double entryPx;
    double stopPx;
    double targetPx;
    /** The last bar held before a max_bars exit at the next open; {@link Integer#MAX_VALUE} without one. */
    int timeUpBar;
    double base;
    double signedUnits;
    /** The exit signal bitset of the side, or null. */
    long[] exitBits;

    int exitBar;
    double exitPx;
    ExitReason reason;

    /** Opens a position filled at bar {@code fill}'s price {@code entryPx} with equity {@code entryEquity}. */
    void open(boolean isLong, int fill, double entryPx, double entryEquity, ExitRule rule, long[] exitBits) {
        this.isLong = isLong;
        this.fill = fill;
        this.entryPx = entryPx;
        this.exitBits = exitBits;
        double dir = isLong ? 1.0 : -1.0;
        double stopPct = rule == null ? 0 : rule.stopLoss();
        double tpPct = rule == null ? 0 : rule.takeProfit();
        int maxBars = rule == null ? 0 : rule.maxBars();
        double noLevel = isLong ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        stopPx = stopPct > 0 ? entryPx * (1 - dir * stopPct * 0.01) : noLevel;
        targetPx = tpPct > 0 ? entryPx * (1 + dir * tpPct * 0.01) : -noLevel;
        timeUpBar = maxBars > 0 ? fill + maxBars - 1 : Integer.MAX_VALUE;
        double units = entryEquity / entryPx;
        base = isLong ? 0 : 2 * entryEquity;
        signedUnits = isLong ? units : -units;
    }

    /** Records that the position ended at bar {@code bar}, price {@code px}, for {@code why}. */
    void close(int bar, double px, ExitReason why) {
        exitBar = bar;
        exitPx = px;
        reason = why;
    }
}

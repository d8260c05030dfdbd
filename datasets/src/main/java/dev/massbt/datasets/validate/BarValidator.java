package dev.massbt.datasets.validate;

import java.util.EnumMap;
import java.util.Map;

/**
 * Checks one stream of OHLCV bars, in file order. Stateful (remembers the last accepted bar):
 * one per file. Rules, in the order applied:
 * <ol>
 *   <li>any of open, high, low, close NaN, infinite or &lt;= 0: {@link Reason#INVALID_PRICE};</li>
 *   <li>volume NaN or infinite: {@link Reason#INVALID_SIZE}; &lt; 0: {@link Reason#NEGATIVE_SIZE}
 *       (0 is accepted and observed);</li>
 *   <li>high &lt; low: {@link Reason#HIGH_BELOW_LOW}; open or close outside [low, high]:
 *       {@link Reason#OPEN_CLOSE_OUTSIDE_RANGE};</li>
 *   <li>the timestamp of the previous accepted bar with the same open, high, low, close and
 *       volume: {@link Reason#DUPLICATE}; with other values: {@link Reason#DUPLICATE_TIMESTAMP}
 *       (the first bar for a timestamp wins, as nothing tells which is right);</li>
 *   <li>a timestamp before the previous accepted bar: {@link Reason#OUT_OF_ORDER} (no tolerance:
 *       bars are strictly increasing).</li>
 * </ol>
 * Accepted bars are observed for zero range, zero volume and gaps (more than one
 * {@code intervalMillis} between consecutive accepted bars).
 */
public final class BarValidator {

    private static final long DAY_MILLIS = 86_400_000L;

    private final long intervalMillis;
    private final EnumMap<Observation, Long> observations = new EnumMap<>(Observation.class);
    private boolean any;
    private long lastTs;
    private double lastOpen;
    private double lastHigh;
    private double lastLow;
    private double lastClose;
    private double lastVolume;

    /** @param intervalMillis the bar duration, for gap observations (e.g. 60,000 for one-minute bars) */
    public BarValidator(long intervalMillis) {
        if (intervalMillis <= 0) {
            throw new IllegalArgumentException("intervalMillis must be > 0, got " + intervalMillis);
        }
        this.intervalMillis = intervalMillis;
    }

    /** Null when the bar is accepted (and becomes the new "previous"), else why not. */
    public Verdict check(long tsMillis, double open, double high, double low, double close, double volume) {
        if (!positive(open) || !positive(high) || !positive(low) || !positive(close)) {
            return new Verdict(Reason.INVALID_PRICE, "open/high/low/close " + open + "/" + high + "/" + low + "/" + close
                    + ": every price must be a finite number > 0");
        }
        if (Double.isNaN(volume) || Double.isInfinite(volume)) {
            return new Verdict(Reason.INVALID_SIZE, "volume " + volume + " is not a finite number");
        }
        if (volume < 0) {
            return new Verdict(Reason.NEGATIVE_SIZE, "volume " + volume + " is negative");
        }
        if (high < low) {
            return new Verdict(Reason.HIGH_BELOW_LOW, "high " + high + " is below low " + low);
        }
        if (open < low || open > high || close < low || close > high) {
            return new Verdict(Reason.OPEN_CLOSE_OUTSIDE_RANGE, "open " + open + " or close " + close
                    + " lies outside [low " + low + ", high " + high + "]");
        }
        if (any) {
            if (tsMillis == lastTs) {
                if (open == lastOpen && high == lastHigh && low == lastLow && close == lastClose && volume == lastVolume) {
                    return new Verdict(Reason.DUPLICATE, "same timestamp and values as the previous accepted bar");
                }
                return new Verdict(Reason.DUPLICATE_TIMESTAMP, "timestamp " + tsMillis
                        + " ms is that of the previous accepted bar, with different values; the first is kept");
            }
            if (tsMillis < lastTs) {
                return new Verdict(Reason.OUT_OF_ORDER, "timestamp " + tsMillis + " ms is " + (lastTs - tsMillis)
                        + " ms before the previous accepted bar (" + lastTs + " ms)");
            }
            long step = tsMillis - lastTs;
            if (step > intervalMillis) {
                observe(Observation.GAP, 1);
                observe(Observation.MISSING_INTERVALS, step / intervalMillis - 1);
                if (step > DAY_MILLIS) {
                    observe(Observation.GAP_OVER_24H, 1);
                }
            }
        }
        if (high == low) {
            observe(Observation.ZERO_RANGE_BAR, 1);
        }
        if (volume == 0) {
            observe(Observation.ZERO_VOLUME_BAR, 1);
        }
        any = true;
        lastTs = tsMillis;
        lastOpen = open;
        lastHigh = high;
        lastLow = low;
        lastClose = close;
        lastVolume = volume;
        return null;
    }

    public Map<Observation, Long> observations() {
        return new EnumMap<>(observations);
    }

    private static boolean positive(double v) {
        return v > 0 && v != Double.POSITIVE_INFINITY;
    }

    private void observe(Observation o, long n) {
        observations.merge(o, n, Long::sum);
    }
}

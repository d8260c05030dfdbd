package dev.massbt.datasets.validate;

import java.util.EnumMap;
import java.util.Map;

/**
 * Checks one stream of trades, in file order. Stateful: it remembers the last accepted trade,
 * so use one per file (or per ordered stream). Rules, in the order applied:
 * <ol>
 *   <li>price NaN, infinite or &lt;= 0: {@link Reason#INVALID_PRICE};</li>
 *   <li>size NaN or infinite: {@link Reason#INVALID_SIZE}; &lt; 0: {@link Reason#NEGATIVE_SIZE};
 *       == 0: {@link Reason#ZERO_SIZE};</li>
 *   <li>with a trade id: the same id as the previous accepted trade is a {@link Reason#DUPLICATE};
 *       without one (id &lt; 0): the same timestamp, price and size as the previous accepted trade
 *       is an identical trade, kept or rejected as {@link Reason#DUPLICATE} by
 *       {@link ValidationRules#identicalTrades()};</li>
 *   <li>a timestamp before the latest accepted one by more than the tolerance:
 *       {@link Reason#OUT_OF_ORDER}; within it: accepted and observed as late.</li>
 * </ol>
 * A rejected trade never changes the state, so one bad row cannot cause the next good one to be
 * rejected.
 */
public final class TradeValidator {

    /** Trade id value meaning "the data has no trade id". */
    public static final long NO_ID = -1;

    private final ValidationRules rules;
    private final EnumMap<Observation, Long> observations = new EnumMap<>(Observation.class);
    private boolean any;
    private long lastTs;
    private long maxTs = Long.MIN_VALUE;
    private double lastPrice;
    private double lastSize;
    private long lastId = NO_ID;

    public TradeValidator(ValidationRules rules) {
        this.rules = java.util.Objects.requireNonNull(rules, "rules");
    }

    /** Null when the trade is accepted (and becomes the new "previous"), else why not. */
    public Verdict check(long tsMicros, double price, double size, long tradeId) {
        return check(tsMicros, price, size, tradeId, true);
    }

    /**
     * As {@link #check(long, double, double, long)}; {@code observed} false: the trade moves the
     * state but is not counted in the observations (a line a neighbouring piece owns).
     */
    public Verdict check(long tsMicros, double price, double size, long tradeId, boolean observed) {
        if (!(price > 0) || price == Double.POSITIVE_INFINITY) {
            return new Verdict(Reason.INVALID_PRICE, "price " + price + " is not a finite number > 0");
        }
        if (Double.isNaN(size) || Double.isInfinite(size)) {
            return new Verdict(Reason.INVALID_SIZE, "size " + size + " is not a finite number");
        }
        if (size < 0) {
            return new Verdict(Reason.NEGATIVE_SIZE, "size " + size + " is negative");
        }
        if (size == 0) {
            return new Verdict(Reason.ZERO_SIZE, "size is 0: a trade that moved no quantity");
        }
        boolean identical = false;
        boolean late = false;
        if (any) {
            if (tradeId != NO_ID) {
                if (tradeId == lastId) {
                    return new Verdict(Reason.DUPLICATE, "trade id " + tradeId + " repeats the previous accepted trade");
                }
            } else if (tsMicros == lastTs && price == lastPrice && size == lastSize) {
                if (rules.identicalTrades() == ValidationRules.IdenticalTrades.REJECT) {
                    return new Verdict(Reason.DUPLICATE, "same timestamp, price and size as the previous accepted trade");
                }
                identical = true;
            }
            if (tsMicros < maxTs) {
                long behind = maxTs - tsMicros;
                if (behind > rules.backwardToleranceMicros()) {
                    return new Verdict(Reason.OUT_OF_ORDER, "timestamp " + tsMicros + " us is " + behind
                            + " us before the latest accepted trade (" + maxTs + " us); tolerance is "
                            + rules.backwardToleranceMicros() + " us");
                }
                late = true;
            }
        }
        if (identical && observed) {
            observe(Observation.IDENTICAL_CONSECUTIVE_TRADE);
        }
        if (late && observed) {
            observe(Observation.LATE_WITHIN_TOLERANCE);
        }
        any = true;
        lastTs = tsMicros;
        maxTs = Math.max(maxTs, tsMicros);
        lastPrice = price;
        lastSize = size;
        lastId = tradeId;
        return null;
    }

    /** What the next check depends on, as text: equal states decide every later trade alike. */
    public String state() {
        return any ? lastTs + "," + maxTs + "," + Double.doubleToLongBits(lastPrice) + ","
                + Double.doubleToLongBits(lastSize) + "," + lastId : "none";
    }

    public Map<Observation, Long> observations() {
        return new EnumMap<>(observations);
    }

    private void observe(Observation o) {
        observations.merge(o, 1L, Long::sum);
    }
}

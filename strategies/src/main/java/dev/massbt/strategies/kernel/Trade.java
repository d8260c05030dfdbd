package dev.massbt.strategies.kernel;

import dev.massbt.strategies.format.Side;
import java.util.Objects;

/**
 * One closed trade. Prices are fill prices (slippage included); {@code netReturn} is the
 * change of equity from just before the entry to just after the exit, commissions included.
 * {@code bars} counts the bars the position was held during (entry bar to exit bar; a fill
 * at an open does not count the bar it opens).
 */
public record Trade(Side side, long entryTs, double entryPrice, long exitTs, double exitPrice, int bars,
                    double netReturn, ExitReason reason) {

    public Trade {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(reason, "reason");
    }
}

package dev.massbt.strategies.format;

import java.util.List;
import java.util.Objects;

/**
 * How a position on one side ends: a signal group decided on bar close (filled at the next
 * open), and protective exits that act on their own whatever the group's operator:
 * {@code stopLoss} and {@code takeProfit} in percent of the entry price, checked intrabar,
 * and {@code maxBars}, the most bars a trade may be held. Zero means "not set".
 */
public record ExitRule(RuleGroup signal, double stopLoss, double takeProfit, int maxBars) {

    public static final double MAX_STOP_LOSS = 100.0;
    public static final double MAX_TAKE_PROFIT = 1000.0;
    public static final int MAX_BARS = 1_000_000;

    public ExitRule {
        Objects.requireNonNull(signal, "signal");
        if (!(stopLoss == 0 || (stopLoss >= 0.01 && stopLoss <= MAX_STOP_LOSS))) {
            throw new InvalidStrategyException("stop_loss", "must be a percent in 0.01..100, got " + Numbers.text(stopLoss)
                    + " (2.0 means exit 2% against the entry price)");
        }
        if (!(takeProfit == 0 || (takeProfit >= 0.01 && takeProfit <= MAX_TAKE_PROFIT))) {
            throw new InvalidStrategyException("take_profit", "must be a percent in 0.01..1000, got "
                    + Numbers.text(takeProfit) + " (5.0 means exit 5% in favour of the entry price)");
        }
        if (maxBars < 0 || maxBars > MAX_BARS) {
            throw new InvalidStrategyException("max_bars", "must be 1.." + MAX_BARS + " bars, got " + maxBars);
        }
        if (signal.conditions().isEmpty() && stopLoss == 0 && takeProfit == 0 && maxBars == 0) {
            throw new InvalidStrategyException("", "an exit needs at least one condition, stop_loss, take_profit or max_bars");
        }
    }

    public static ExitRule risk(double stopLoss, double takeProfit) {
        return new ExitRule(new RuleGroup(Operator.OR, List.of()), stopLoss, takeProfit, 0);
    }

    /** The signal group's share plus 1 per protective exit set. */
    public int complexity() {
        return signal.complexity() + (stopLoss > 0 ? 1 : 0) + (takeProfit > 0 ? 1 : 0) + (maxBars > 0 ? 1 : 0);
    }
}

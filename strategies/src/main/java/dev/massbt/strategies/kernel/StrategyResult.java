package dev.massbt.strategies.kernel;

import dev.massbt.strategies.metrics.Metrics;
import java.util.List;
import java.util.Objects;

/**
 * What one strategy did on one segment. {@code dailyReturns} is {@code null} and
 * {@code trades} empty unless requested with {@link Detail}.
 */
public record StrategyResult(int strategyIndex, Segment segment, Metrics metrics, DailyReturns dailyReturns,
                             List<Trade> trades) {

    public StrategyResult {
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(metrics, "metrics");
        trades = List.copyOf(trades);
    }
}

package dev.massbt.jobs.backtest;

import java.io.Serializable;
import java.util.Objects;

/**
 * The bars a backtest reads for one symbol: open times in [fromMillis, toMillis), {@code bars} of
 * them, on {@code days} distinct UTC days (for the {@link Calendar}).
 */
public record SymbolRange(String symbol, long fromMillis, long toMillis, long bars, long days) implements Serializable {

    public SymbolRange {
        Objects.requireNonNull(symbol, "symbol");
        if (toMillis <= fromMillis || bars < 1 || days < 1) {
            throw new IllegalArgumentException("Symbol " + symbol + " has no bars to backtest");
        }
    }

    /** A range with bars on every UTC day it touches. */
    public SymbolRange(String symbol, long fromMillis, long toMillis, long bars) {
        this(symbol, fromMillis, toMillis, bars, Math.floorDiv(toMillis - 1, 86_400_000L)
                - Math.floorDiv(fromMillis, 86_400_000L) + 1);
    }
}

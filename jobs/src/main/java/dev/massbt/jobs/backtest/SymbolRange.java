package dev.massbt.jobs.backtest;

import java.io.Serializable;
import java.util.Objects;

/** The bars a backtest reads for one symbol: open times in [fromMillis, toMillis), {@code bars} of them. */
public record SymbolRange(String symbol, long fromMillis, long toMillis, long bars) implements Serializable {

    public SymbolRange {
        Objects.requireNonNull(symbol, "symbol");
        if (toMillis <= fromMillis || bars < 1) {
            throw new IllegalArgumentException("Symbol " + symbol + " has no bars to backtest");
        }
    }
}

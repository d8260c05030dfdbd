package dev.massbt.strategies.kernel;

import java.util.Objects;

/**
 * A named time range {@code [fromMillis, toMillis)} over bar open times (epoch ms, UTC) on
 * which strategies trade, e.g. in-sample and out-of-sample. Indicators may warm up on bars
 * before the range (that is the past, not look-ahead); bars at or after {@code toMillis}
 * are never read. A position still open at the last bar is closed at its close.
 */
public record Segment(String name, long fromMillis, long toMillis) implements java.io.Serializable {

    public static final Segment ALL = new Segment("all", Long.MIN_VALUE, Long.MAX_VALUE);

    public Segment {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("segment name must not be blank");
        }
        if (fromMillis >= toMillis) {
            throw new IllegalArgumentException("segment '" + name + "' is empty: from " + fromMillis
                    + " is not before to " + toMillis);
        }
    }
}

package dev.massbt.datasets.table;

import dev.massbt.datasets.error.DatasetErrors;
import dev.massbt.strategies.timeframe.Timeframe;
import java.io.Serializable;
import java.util.Objects;

/**
 * One symbol's bars of one timeframe whose open time lies in [fromMillis, toMillis).
 *
 * @param symbol     as ingested, e.g. {@code EURUSD}
 * @param timeframe  the bars' timeframe in the table (the base timeframe, usually 1m)
 * @param fromMillis inclusive, epoch ms UTC
 * @param toMillis   exclusive, epoch ms UTC; greater than fromMillis
 */
public record BarsQuery(String symbol, Timeframe timeframe, long fromMillis, long toMillis) implements Serializable {

    /** 1900-01-01T00:00Z and 2300-01-01T00:00Z: the range a query may span. */
    public static final long MIN_MILLIS = -2_208_988_800_000L;
    public static final long MAX_MILLIS = 10_413_792_000_000L;

    public BarsQuery {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(timeframe, "timeframe");
        if (fromMillis < MIN_MILLIS || toMillis > MAX_MILLIS) {
            // months() enumerates the partitions of the range: an unbounded range would never end.
            throw DatasetErrors.barsRange(symbol, fromMillis, toMillis);
        }
        if (toMillis <= fromMillis) {
            throw new IllegalArgumentException("Bars range [" + fromMillis + ", " + toMillis + ") of " + symbol
                    + " is empty: toMillis must be after fromMillis (it is exclusive).");
        }
    }

    /** One-minute bars of {@code symbol} in [fromMillis, toMillis). */
    public static BarsQuery minutes(String symbol, long fromMillis, long toMillis) {
        return new BarsQuery(symbol, Timeframe.M1, fromMillis, toMillis);
    }

    /** The {@code bars.month} buckets the range touches ({@link PartitionValues#bucketsBetween}); empty: do not prune. */
    public java.util.List<String> months() {
        return PartitionValues.bucketsBetween(timeframe, fromMillis, toMillis - 1);
    }
}

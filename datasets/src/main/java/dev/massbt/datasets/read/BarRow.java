package dev.massbt.datasets.read;

import java.util.Objects;

/**
 * One accepted OHLCV bar as read from a bar file.
 *
 * @param source   file name ({@code archive.zip!entry.csv} for a zip entry), for lineage
 * @param line     1-based line number in the decompressed text
 * @param tsMillis bar open time, epoch milliseconds UTC (as in {@code BarSeries})
 * @param symbol   the row's own symbol (a file with a symbol column), or null: the file's
 */
public record BarRow(String source, long line, long tsMillis, double open, double high, double low, double close,
                     double volume, String symbol) {

    public BarRow {
        Objects.requireNonNull(source, "source");
    }

    /** A bar of the file's symbol. */
    public BarRow(String source, long line, long tsMillis, double open, double high, double low, double close,
                  double volume) {
        this(source, line, tsMillis, open, high, low, close, volume, null);
    }
}

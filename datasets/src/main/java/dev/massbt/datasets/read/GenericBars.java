package dev.massbt.datasets.read;

import java.util.Objects;

/**
 * Any delimited OHLCV file, daily or intraday, described by a column mapping (0-based). The
 * timestamp is the bar's open time (a date alone is the start of that UTC day). Without a
 * volume column ({@code volumeColumn = -1}) volume is 0. A first line whose open column is not a
 * number is a header.
 */
public record GenericBars(char delimiter, int fieldCount, int timestampColumn, int openColumn, int highColumn,
                          int lowColumn, int closeColumn, int volumeColumn, TimestampFormat timestampFormat)
        implements BarFormat {

    public GenericBars {
        Objects.requireNonNull(timestampFormat, "timestampFormat");
        GenericTrades.requireColumn("timestampColumn", timestampColumn, fieldCount);
        GenericTrades.requireColumn("openColumn", openColumn, fieldCount);
        GenericTrades.requireColumn("highColumn", highColumn, fieldCount);
        GenericTrades.requireColumn("lowColumn", lowColumn, fieldCount);
        GenericTrades.requireColumn("closeColumn", closeColumn, fieldCount);
        if (volumeColumn != -1) {
            GenericTrades.requireColumn("volumeColumn", volumeColumn, fieldCount);
        }
        long distinct = java.util.stream.IntStream.of(timestampColumn, openColumn, highColumn, lowColumn, closeColumn,
                volumeColumn).filter(c -> c >= 0).distinct().count();
        long given = volumeColumn == -1 ? 5 : 6;
        if (distinct != given) {
            throw new IllegalArgumentException("timestamp, open, high, low, close and volume columns must be different");
        }
    }

    /** {@code timestamp,open,high,low,close,volume}, comma-separated, ISO-8601 dates or date-times. */
    public static GenericBars csv() {
        return new GenericBars(',', 6, 0, 1, 2, 3, 4, 5, TimestampFormat.ISO_8601);
    }

    public GenericBars withDelimiter(char d) {
        return new GenericBars(d, fieldCount, timestampColumn, openColumn, highColumn, lowColumn, closeColumn,
                volumeColumn, timestampFormat);
    }

    public GenericBars withTimestampFormat(TimestampFormat format) {
        return new GenericBars(delimiter, fieldCount, timestampColumn, openColumn, highColumn, lowColumn, closeColumn,
                volumeColumn, format);
    }

    @Override
    public String name() {
        return "generic OHLCV CSV (" + fieldCount + " fields)";
    }

    @Override
    public int minFields() {
        return fieldCount;
    }

    @Override
    public int maxFields() {
        return fieldCount;
    }

    @Override
    public boolean isHeader(String[] fields, int n) {
        return !Fields.isNumber(fields[openColumn]);
    }

    @Override
    public BarRow parse(String source, long line, String[] f, int n) {
        long ts = Math.floorDiv(timestampFormat.parseMicros(f[timestampColumn], "timestamp"), 1000L);
        double volume = volumeColumn < 0 ? 0 : Fields.parseDouble(f[volumeColumn], "volume");
        return new BarRow(source, line, ts, Fields.parseDouble(f[openColumn], "open"),
                Fields.parseDouble(f[highColumn], "high"), Fields.parseDouble(f[lowColumn], "low"),
                Fields.parseDouble(f[closeColumn], "close"), volume);
    }
}

package dev.massbt.datasets.read;

import dev.massbt.datasets.validate.Reason;
import java.util.Locale;
import java.util.Objects;

/**
 * Any delimited trades file, described by a column mapping (0-based column indexes).
 * Sides are read case-insensitively: {@code buy b bid} are buys, {@code sell s ask} sells,
 * an empty field unknown. A first line whose price column is not a number is a header.
 *
 * @param delimiter       field separator
 * @param fieldCount      number of fields every data line must have
 * @param timestampColumn column of the trade time
 * @param priceColumn     column of the price
 * @param sizeColumn      column of the quantity
 * @param sideColumn      column of the aggressor side, or -1 when the file has none
 * @param timestampFormat how the time is written
 */
public record GenericTrades(char delimiter, int fieldCount, int timestampColumn, int priceColumn, int sizeColumn,
                            int sideColumn, TimestampFormat timestampFormat) implements TradeFormat {

    public GenericTrades {
        Objects.requireNonNull(timestampFormat, "timestampFormat");
        requireColumn("timestampColumn", timestampColumn, fieldCount);
        requireColumn("priceColumn", priceColumn, fieldCount);
        requireColumn("sizeColumn", sizeColumn, fieldCount);
        if (sideColumn != -1) {
            requireColumn("sideColumn", sideColumn, fieldCount);
        }
        if (timestampColumn == priceColumn || timestampColumn == sizeColumn || priceColumn == sizeColumn
                || (sideColumn != -1 && (sideColumn == timestampColumn || sideColumn == priceColumn
                || sideColumn == sizeColumn))) {
            throw new IllegalArgumentException("timestamp, price, size and side columns must be different, got "
                    + timestampColumn + ", " + priceColumn + ", " + sizeColumn + ", " + sideColumn);
        }
    }

    /** Comma-separated, {@code timestamp,price,size} in that order, epoch unit auto-detected, no side. */
    public static GenericTrades csv() {
        return new GenericTrades(',', 3, 0, 1, 2, -1, TimestampFormat.EPOCH_AUTO);
    }

    public GenericTrades withDelimiter(char d) {
        return new GenericTrades(d, fieldCount, timestampColumn, priceColumn, sizeColumn, sideColumn, timestampFormat);
    }

    public GenericTrades withColumns(int fields, int timestamp, int price, int size, int side) {
        return new GenericTrades(delimiter, fields, timestamp, price, size, side, timestampFormat);
    }

    public GenericTrades withTimestampFormat(TimestampFormat format) {
        return new GenericTrades(delimiter, fieldCount, timestampColumn, priceColumn, sizeColumn, sideColumn, format);
    }

    @Override
    public String name() {
        return "generic trades CSV (" + fieldCount + " fields)";
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
        return !Fields.isNumber(fields[priceColumn]);
    }

    @Override
    public TradeRow parse(String source, long line, String[] f, int n) {
        long ts = timestampFormat.parseMicros(f[timestampColumn], "timestamp");
        double price = Fields.parseDouble(f[priceColumn], "price");
        double size = Fields.parseDouble(f[sizeColumn], "size");
        Side side = sideColumn < 0 ? Side.UNKNOWN : side(f[sideColumn]);
        return new TradeRow(source, line, ts, price, size, side, -1);
    }

    private static Side side(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "buy", "b", "bid" -> Side.BUY;
            case "sell", "s", "ask" -> Side.SELL;
            case "" -> Side.UNKNOWN;
            default -> throw new RowRejected(Reason.UNPARSABLE, "side '" + Fields.clip(text)
                    + "' is not buy/b/bid, sell/s/ask or empty");
        };
    }

    static void requireColumn(String name, int column, int fieldCount) {
        if (fieldCount < 1) {
            throw new IllegalArgumentException("fieldCount must be >= 1, got " + fieldCount);
        }
        if (column < 0 || column >= fieldCount) {
            throw new IllegalArgumentException(name + " must be in 0.." + (fieldCount - 1) + " (fieldCount "
                    + fieldCount + "), got " + column);
        }
    }
}

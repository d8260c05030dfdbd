package dev.massbt.datasets.read;

import dev.massbt.datasets.validate.Reason;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Any delimited trades file. With a header (a first line with no number in it) the columns are
 * found by name ({@link HeaderColumns}: synonyms, or the user's {@link ColumnNames}) and extra
 * columns are ignored; without one they are at the given 0-based positions, and every line
 * must have {@code fieldCount} fields. Sides are read case-insensitively: {@code buy b bid} are
 * buys, {@code sell s ask a} sells (Databento's A/B/N aggressor codes included), {@code n none}
 * or an empty field unknown; a Binance-style {@code is_buyer_maker}
 * column says the same ({@code true}: the aggressor sold).
 *
 * @param delimiter       field separator (a header that does not split on it but on {@code ; tab |} picks that)
 * @param fieldCount      fields of a headerless line
 * @param timestampColumn headerless: column of the trade time
 * @param priceColumn     headerless: column of the price
 * @param sizeColumn      headerless: column of the quantity
 * @param sideColumn      headerless: column of the aggressor side, or -1 when the file has none
 * @param time            how the time is written
 * @param columns         header names the user gave for columns
 * @param filters         which prints a headered file's suspicious and condition columns quarantine
 */
public record GenericTrades(char delimiter, int fieldCount, int timestampColumn, int priceColumn, int sizeColumn,
                            int sideColumn, TimeSpec time, ColumnNames columns, PrintFilters filters)
        implements TradeFormat {

    /** The most fields a headered line may have. */
    static final int MAX_FIELDS = 512;
    private static final Set<Column> REQUIRED = EnumSet.of(Column.TS, Column.PRICE, Column.SIZE);
    private static final Set<Column> OPTIONAL = EnumSet.of(Column.SIDE, Column.BUYER_MAKER, Column.SUSPICIOUS);

    public GenericTrades {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(filters, "filters");
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

    /** Comma-separated; headerless {@code timestamp,price,size}; times detected ({@link TimeSpec#AUTO}). */
    public static GenericTrades csv() {
        return new GenericTrades(',', 3, 0, 1, 2, -1, TimeSpec.AUTO, ColumnNames.AUTO, PrintFilters.DEFAULT);
    }

    public GenericTrades withDelimiter(char d) {
        return new GenericTrades(d, fieldCount, timestampColumn, priceColumn, sizeColumn, sideColumn, time, columns, filters);
    }

    /** Headerless positions. */
    public GenericTrades withColumns(int fields, int timestamp, int price, int size, int side) {
        return new GenericTrades(delimiter, fields, timestamp, price, size, side, time, columns, filters);
    }

    public GenericTrades withTime(TimeSpec t) {
        return new GenericTrades(delimiter, fieldCount, timestampColumn, priceColumn, sizeColumn, sideColumn, t, columns, filters);
    }

    /** Header names for columns ({@code --columns}). */
    public GenericTrades withColumnNames(ColumnNames names) {
        return new GenericTrades(delimiter, fieldCount, timestampColumn, priceColumn, sizeColumn, sideColumn, time, names, filters);
    }

    /** Which flagged prints to quarantine. */
    public GenericTrades withFilters(PrintFilters f) {
        return new GenericTrades(delimiter, fieldCount, timestampColumn, priceColumn, sizeColumn, sideColumn, time,
                columns, f);
    }

    @Override
    public String name() {
        return "trades CSV (columns by header, else timestamp,price,size" + (sideColumn >= 0 ? ",side" : "") + ")";
    }

    /** Any count: a header decides; {@link #forFile} gives the real bounds. */
    @Override
    public boolean symbolsInRows() {
        return columns.of(Column.SYMBOL).isPresent();
    }

    /** Rows of many symbols in one file: the symbol column named {@code name}, whose values are the symbols. */
    public GenericTrades withSymbolColumn(String name) {
        return withColumnNames(columns.with(Column.SYMBOL, name));
    }

    @Override
    public int minFields() {
        return 1;
    }

    @Override
    public int maxFields() {
        return MAX_FIELDS;
    }

    @Override
    public boolean isHeader(String[] fields, int n) {
        return Fields.noNumber(fields, n);
    }

    @Override
    public TradeFormat forFile(String header) {
        if (header == null && symbolsInRows()) {
            throw new HeaderRejected("--symbol-column needs a header that names the symbol column; this file has none");
        }
        if (header == null) {
            return new Mapped(delimiter, fieldCount, fieldCount, TimeColumns.at(timestampColumn, time.parser()), priceColumn,
                    sizeColumn, sideColumn, -1, -1, new Flags(-1, -1, filters), "");
        }
        char d = Fields.headerDelimiter(header, delimiter);
        Set<Column> optional = EnumSet.copyOf(OPTIONAL);
        if (!filters.excludedConditions().isEmpty()) {
            optional.add(Column.CONDITION);
        }
        if (columns.of(Column.SYMBOL).isPresent()) {
            optional.add(Column.SYMBOL);
        }
        HeaderColumns h = HeaderColumns.resolve(Fields.splitAll(header, d), columns, REQUIRED, optional);
        Flags flags = new Flags(filters.keepSuspicious() ? -1 : h.index(Column.SUSPICIOUS), h.index(Column.CONDITION),
                filters);
        return new Mapped(d, h.fieldsNeeded(), h.size(), TimeColumns.of(h, time.parser()), h.index(Column.PRICE),
                h.index(Column.SIZE), h.index(Column.SIDE), h.index(Column.BUYER_MAKER), h.index(Column.SYMBOL), flags,
                h.describe() + flags.describe());
    }

    @Override
    public TradeRow parse(String source, long line, String[] f, int n) {
        throw new IllegalStateException("parse with the format of the file (forFile): this is a bug in massbt");
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

    /** The format of one file: positions known, a time parser of its own. Never serialized. */
    private static final class Mapped extends MappedFormat implements TradeFormat {
        private final TimeColumns time;
        private final int price;
        private final int size;
        private final int side;
        private final int buyerMaker;
        private final int symbol;
        private final Flags flags;

        Mapped(char delimiter, int minFields, int maxFields, TimeColumns time, int price, int size, int side,
               int buyerMaker, int symbol, Flags flags, String note) {
            super("trades CSV", delimiter, minFields, maxFields, note);
            this.symbol = symbol;
            this.flags = flags;
            this.time = time;
            this.price = price;
            this.size = size;
            this.side = side;
            this.buyerMaker = buyerMaker;
        }

        @Override
        public String state() {
            return time.state();
        }

        @Override
        public TradeRow parse(String source, long line, String[] f, int n) {
            flags.check(f);
            long ts = time.micros(f);
            double p = Fields.parseDouble(f[price], "price");
            double q = Fields.parseDouble(f[size], "size");
            Side s = side >= 0 ? side(f[side]) : buyerMaker >= 0 ? buyerMaker(f[buyerMaker]) : Side.UNKNOWN;
            return new TradeRow(source, line, ts, p, q, s, -1, symbol >= 0 ? Fields.symbol(f[symbol]) : null);
        }
    }

    /** The suspicious and condition columns of one file (-1: none), and what they exclude. */
    private record Flags(int suspicious, int condition, PrintFilters filters) {
        void check(String[] f) {
            if (suspicious >= 0 && PrintFilters.flagged(f[suspicious])) {
                throw new RowRejected(Reason.SUSPICIOUS, "the source flags this print as suspicious ('"
                        + Fields.clip(f[suspicious].strip()) + "')");
            }
            if (condition >= 0) {
                String code = filters.excluded(f[condition]);
                if (code != null) {
                    throw new RowRejected(Reason.EXCLUDED_CONDITION, "sale condition " + code + " is excluded");
                }
            }
        }

        String describe() {
            return (suspicious >= 0 ? "; suspicious prints quarantined" : "")
                    + (condition >= 0 ? "; conditions " + String.join(",", new java.util.TreeSet<>(
                    filters.excludedConditions())) + " quarantined" : "");
        }
    }

    private static Side side(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "buy", "b", "bid" -> Side.BUY;
            case "sell", "s", "ask", "a" -> Side.SELL;
            case "", "n", "none" -> Side.UNKNOWN;
            default -> throw new RowRejected(Reason.UNPARSABLE, "side '" + Fields.clip(text)
                    + "' is not buy/b/bid, sell/s/ask/a, or n/none/empty");
        };
    }

    private static Side buyerMaker(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "t", "1" -> Side.SELL;
            case "false", "f", "0" -> Side.BUY;
            case "" -> Side.UNKNOWN;
            default -> throw new RowRejected(Reason.UNPARSABLE, "is_buyer_maker '" + Fields.clip(text)
                    + "' is not true/false");
        };
    }
}

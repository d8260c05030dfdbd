package dev.massbt.datasets.read;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Any delimited OHLCV file, daily or intraday. With a header (a first line with no number in
 * it) the columns are found by name ({@link HeaderColumns}: synonyms, or the user's
 * {@link ColumnNames}) and extra columns are ignored; without one they are at the given 0-based
 * positions. The timestamp is the bar's open time (a date alone is the start of that UTC day).
 * Without a volume column volume is 0.
 *
 * <p><b>Adjusted prices.</b> With {@code adjust}, the file must have an adjusted-close column
 * ({@code Adj Close}): each bar is back-adjusted by the ratio adjusted close / close, applied
 * to open, high, low and close (split and dividend adjustment, as the data vendor computed it);
 * volume is kept as written. Without {@code adjust} the column is ignored.
 *
 * @param volumeColumn headerless: column of the volume, or -1
 * @param adjust       back-adjust O/H/L/C by adjusted close / close
 */
public record GenericBars(char delimiter, int fieldCount, int timestampColumn, int openColumn, int highColumn,
                          int lowColumn, int closeColumn, int volumeColumn, TimeSpec time, ColumnNames columns,
                          boolean adjust) implements BarFormat {

    private static final Set<Column> REQUIRED = EnumSet.of(Column.TS, Column.OPEN, Column.HIGH, Column.LOW, Column.CLOSE);
    private static final Set<Column> OPTIONAL = EnumSet.of(Column.VOLUME);
    private static final Set<Column> ADJUSTED = EnumSet.of(Column.TS, Column.OPEN, Column.HIGH, Column.LOW,
            Column.CLOSE, Column.ADJ_CLOSE);

    public GenericBars {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(columns, "columns");
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

    /** Comma-separated; headerless {@code timestamp,open,high,low,close,volume}; times detected. */
    public static GenericBars csv() {
        return new GenericBars(',', 6, 0, 1, 2, 3, 4, 5, TimeSpec.AUTO, ColumnNames.AUTO, false);
    }

    public GenericBars withDelimiter(char d) {
        return new GenericBars(d, fieldCount, timestampColumn, openColumn, highColumn, lowColumn, closeColumn,
                volumeColumn, time, columns, adjust);
    }

    public GenericBars withTime(TimeSpec t) {
        return new GenericBars(delimiter, fieldCount, timestampColumn, openColumn, highColumn, lowColumn, closeColumn,
                volumeColumn, t, columns, adjust);
    }

    /** Header names for columns ({@code --columns}). */
    public GenericBars withColumnNames(ColumnNames names) {
        return new GenericBars(delimiter, fieldCount, timestampColumn, openColumn, highColumn, lowColumn, closeColumn,
                volumeColumn, time, names, adjust);
    }

    /** Back-adjusted by the adjusted-close column (which the header must have). */
    public GenericBars adjusted() {
        return new GenericBars(delimiter, fieldCount, timestampColumn, openColumn, highColumn, lowColumn, closeColumn,
                volumeColumn, time, columns, true);
    }

    @Override
    public String name() {
        return "bars CSV (columns by header, else timestamp,open,high,low,close,volume)" + (adjust ? ", adjusted" : "");
    }

    @Override
    public boolean symbolsInRows() {
        return columns.of(Column.SYMBOL).isPresent();
    }

    /** Rows of many symbols in one file: the symbol column named {@code name}, whose values are the symbols. */
    public GenericBars withSymbolColumn(String name) {
        return withColumnNames(columns.with(Column.SYMBOL, name));
    }

    @Override
    public int minFields() {
        return 1;
    }

    @Override
    public int maxFields() {
        return GenericTrades.MAX_FIELDS;
    }

    @Override
    public boolean isHeader(String[] fields, int n) {
        return Fields.noNumber(fields, n);
    }

    @Override
    public BarFormat forFile(String header) {
        if (header == null && symbolsInRows()) {
            throw new HeaderRejected("--symbol-column needs a header that names the symbol column; this file has none");
        }
        if (header == null) {
            if (adjust) {
                throw new HeaderRejected("--adjust needs a header naming the adjusted-close column (e.g. Adj Close); "
                        + "this file has none");
            }
            return new Mapped(delimiter, fieldCount, fieldCount, TimeColumns.at(timestampColumn, time.barParser()), openColumn,
                    highColumn, lowColumn, closeColumn, volumeColumn, -1, -1, "");
        }
        char d = Fields.headerDelimiter(header, delimiter);
        Set<Column> optional = EnumSet.copyOf(OPTIONAL);
        if (columns.of(Column.SYMBOL).isPresent()) {
            optional.add(Column.SYMBOL);
        }
        HeaderColumns h = HeaderColumns.resolve(Fields.splitAll(header, d), columns, adjust ? ADJUSTED : REQUIRED,
                optional);
        return new Mapped(d, h.fieldsNeeded(), h.size(), TimeColumns.of(h, time.barParser()), h.index(Column.OPEN),
                h.index(Column.HIGH), h.index(Column.LOW), h.index(Column.CLOSE), h.index(Column.VOLUME),
                adjust ? h.index(Column.ADJ_CLOSE) : -1, h.index(Column.SYMBOL), h.describe() + (adjust ? "; back-adjusted by adj_close" : ""));
    }

    @Override
    public BarRow parse(String source, long line, String[] f, int n) {
        throw new IllegalStateException("parse with the format of the file (forFile): this is a bug in massbt");
    }

    /** The format of one file: positions known, a time parser of its own. Never serialized. */
    private static final class Mapped extends MappedFormat implements BarFormat {
        private final TimeColumns time;
        private final int open;
        private final int high;
        private final int low;
        private final int close;
        private final int volume;
        private final int adjClose;
        private final int symbol;

        Mapped(char delimiter, int minFields, int maxFields, TimeColumns time, int open, int high, int low, int close,
               int volume, int adjClose, int symbol, String note) {
            super("bars CSV", delimiter, minFields, maxFields, note);
            this.time = time;
            this.open = open;
            this.high = high;
            this.low = low;
            this.close = close;
            this.volume = volume;
            this.adjClose = adjClose;
            this.symbol = symbol;
        }

        @Override
        public BarRow parse(String source, long line, String[] f, int n) {
            long ts = Math.floorDiv(time.micros(f), 1000L);
            double o = Fields.parseDouble(f[open], "open");
            double h = Fields.parseDouble(f[high], "high");
            double l = Fields.parseDouble(f[low], "low");
            double c = Fields.parseDouble(f[close], "close");
            double v = volume < 0 ? 0 : Fields.parseDouble(f[volume], "volume");
            String sym = symbol >= 0 ? Fields.symbol(f[symbol]) : null;
            if (adjClose >= 0) {
                double adj = Fields.parseDouble(f[adjClose], "adj_close");
                double ratio = adj / c;
                return new BarRow(source, line, ts, o * ratio, h * ratio, l * ratio, adj, v, sym);
            }
            return new BarRow(source, line, ts, o, h, l, c, v, sym);
        }
    }
}

package dev.massbt.datasets.read;

/** Where a row's time is (one column, or a date and a time-of-day column) and how it is read. */
final class TimeColumns {

    private final int ts;
    private final int date;
    private final int time;
    private final TimeParser parser;

    private TimeColumns(int ts, int date, int time, TimeParser parser) {
        this.ts = ts;
        this.date = date;
        this.time = time;
        this.parser = parser;
    }

    /** {@code parser}: {@link TimeSpec#parser()} for trades, {@link TimeSpec#barParser()} for bars. */
    static TimeColumns at(int column, TimeParser parser) {
        return new TimeColumns(column, -1, -1, parser);
    }

    static TimeColumns of(HeaderColumns h, TimeParser parser) {
        return h.splitTime() ? new TimeColumns(-1, h.index(Column.DATE), h.index(Column.TIME), parser)
                : new TimeColumns(h.index(Column.TS), -1, -1, parser);
    }

    /** Epoch microseconds UTC of the row's fields. */
    long micros(String[] f) {
        return ts >= 0 ? parser.parseMicros(f[ts], "timestamp") : parser.parseMicros(f[date], f[time], "date/time");
    }

    /** The parser's state ({@link TimeParser#state()}). */
    String state() {
        return parser.state();
    }
}

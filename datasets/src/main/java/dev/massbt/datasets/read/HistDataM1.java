package dev.massbt.datasets.read;

import dev.massbt.datasets.validate.Reason;

/** See {@link BarFormat#HISTDATA_M1}. The date-time is parsed by hand: it is the hot field. */
final class HistDataM1 implements BarFormat {

    /** EST is UTC-05:00: UTC = EST + 5 h. */
    static final long EST_TO_UTC_MILLIS = 5 * 3_600_000L;

    @Override
    public String name() {
        return "HistData ASCII M1 (YYYYMMDD HHMMSS;open;high;low;close;volume)";
    }

    @Override
    public char delimiter() {
        return ';';
    }

    @Override
    public int minFields() {
        return 6;
    }

    @Override
    public int maxFields() {
        return 6;
    }

    @Override
    public boolean isHeader(String[] fields, int n) {
        return false;
    }

    @Override
    public BarRow parse(String source, long line, String[] f, int n) {
        long ts = estMillis(f[0]) + EST_TO_UTC_MILLIS;
        return new BarRow(source, line, ts, Fields.parseDouble(f[1], "open"), Fields.parseDouble(f[2], "high"),
                Fields.parseDouble(f[3], "low"), Fields.parseDouble(f[4], "close"), Fields.parseDouble(f[5], "volume"));
    }

    /** {@code YYYYMMDD HHMMSS} read as if UTC, in epoch ms. */
    static long estMillis(String s) {
        if (s.length() != 15 || s.charAt(8) != ' ') {
            throw bad(s);
        }
        int year = Civil.digits(s, 0, 4);
        int month = Civil.digits(s, 4, 2);
        int day = Civil.digits(s, 6, 2);
        int hour = Civil.digits(s, 9, 2);
        int minute = Civil.digits(s, 11, 2);
        int second = Civil.digits(s, 13, 2);
        if (!Civil.valid(year, month, day) || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            throw bad(s);
        }
        long days = Civil.daysFromCivil(year, month, day);
        return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L;
    }

    private static RowRejected bad(String s) {
        return new RowRejected(Reason.UNPARSABLE, "date-time '" + Fields.clip(s) + "' is not a valid YYYYMMDD HHMMSS");
    }
}

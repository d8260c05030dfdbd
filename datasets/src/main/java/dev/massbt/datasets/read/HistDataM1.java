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
        int year = digits(s, 0, 4);
        int month = digits(s, 4, 2);
        int day = digits(s, 6, 2);
        int hour = digits(s, 9, 2);
        int minute = digits(s, 11, 2);
        int second = digits(s, 13, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month) || hour > 23
                || minute > 59 || second > 59) {
            throw bad(s);
        }
        long days = daysFromCivil(year, month, day);
        return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L;
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1_000_000;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static int lengthOfMonth(int y, int m) {
        return switch (m) {
            case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
    static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    private static RowRejected bad(String s) {
        return new RowRejected(Reason.UNPARSABLE, "date-time '" + Fields.clip(s) + "' is not a valid YYYYMMDD HHMMSS");
    }
}

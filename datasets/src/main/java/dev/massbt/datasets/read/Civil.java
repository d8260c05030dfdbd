package dev.massbt.datasets.read;

/** The proleptic Gregorian calendar by hand, for the hot timestamp parsers (no allocation). */
final class Civil {

    private Civil() {
    }

    /** The number in {@code count} digits at {@code from}, or a large negative value when they are not all digits. */
    static int digits(String s, int from, int count) {
        if (from + count > s.length()) {
            return -1_000_000;
        }
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

    static int lengthOfMonth(int y, int m) {
        return switch (m) {
            case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Whether year, month and day make a date. */
    static boolean valid(int y, int m, int d) {
        return y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= lengthOfMonth(y, m);
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
}

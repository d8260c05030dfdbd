package dev.massbt.datasets.table;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import dev.massbt.strategies.timeframe.Timeframe;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * Partition values, computed from epoch times in UTC (never the JVM's or the session's zone),
 * so that the same row lands in the same partition on every machine.
 */
public final class PartitionValues {

    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final int SOURCE_KEY_PREFIX = 48;

    private PartitionValues() {
    }

    /** The UTC date of an epoch-microseconds instant ({@code ticks.date}). */
    public static LocalDate dateOfMicros(long epochMicros) {
        return LocalDate.ofEpochDay(Math.floorDiv(epochMicros, MICROS_PER_DAY));
    }

    /** The UTC month {@code yyyy-MM} of an epoch-milliseconds instant ({@code bars.month}). */
    public static String monthOfMillis(long epochMillis) {
        LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(epochMillis, MILLIS_PER_DAY));
        return month(d.getYear(), d.getMonthValue());
    }

    /**
     * The {@code bars.month} bucket of a bar of {@code timeframe} opening at {@code epochMillis}:
     * sized so that a partition holds thousands of rows, not tens. Below 1h the month
     * ({@code 2018-01}: a month of 1m bars is ~2 MB); 1h and 4h the year ({@code 2018}); 1d one
     * bucket for all time ({@code all}: 20 years of a symbol's days are ~5,000 rows, where monthly
     * buckets would make a 410-symbol universe ~100,000 files of 21 rows).
     */
    public static String bucketOf(Timeframe timeframe, long epochMillis) {
        if (timeframe.minutes() < Timeframe.H1.minutes()) {
            return monthOfMillis(epochMillis);
        }
        if (timeframe.minutes() < Timeframe.D1.minutes()) {
            int year = LocalDate.ofEpochDay(Math.floorDiv(epochMillis, MILLIS_PER_DAY)).getYear();
            return year < 1000 ? String.format(java.util.Locale.ROOT, "%04d", year) : String.valueOf(year);
        }
        return ALL_TIME;
    }

    /** The bucket of daily bars: all of a symbol's days in one. */
    public static final String ALL_TIME = "all";

    /**
     * The buckets a range of {@code timeframe} bars may lie in, for pruning a read, or empty when the
     * read should not prune by bucket (1d: one bucket, and daily bars an older massbt wrote by
     * month). For 1h and 4h the years and the months (older layout) of the range.
     */
    public static java.util.List<String> bucketsBetween(Timeframe timeframe, long fromMillis, long toMillis) {
        if (timeframe.minutes() >= Timeframe.D1.minutes()) {
            return java.util.List.of();
        }
        java.util.List<String> months = monthsBetween(fromMillis, toMillis);
        if (timeframe.minutes() < Timeframe.H1.minutes()) {
            return months;
        }
        java.util.Set<String> buckets = new java.util.LinkedHashSet<>();
        for (String m : months) {
            buckets.add(m.substring(0, m.length() - 3));
        }
        buckets.addAll(months);
        return java.util.List.copyOf(buckets);
    }

    static String month(int year, int month) {
        StringBuilder sb = new StringBuilder(7);
        if (year < 1000) {
            sb.append(String.format(java.util.Locale.ROOT, "%04d", year));
        } else {
            sb.append(year);
        }
        return sb.append(month < 10 ? "-0" : "-").append(month).toString();
    }

    /**
     * Every month ({@code yyyy-MM}) from the one holding {@code fromMillis} to the one holding
     * {@code toMillis} inclusive, for partition pruning on a time range.
     */
    public static java.util.List<String> monthsBetween(long fromMillis, long toMillis) {
        if (toMillis < fromMillis) {
            return java.util.List.of();
        }
        LocalDate from = LocalDate.ofEpochDay(Math.floorDiv(fromMillis, MILLIS_PER_DAY)).withDayOfMonth(1);
        LocalDate to = LocalDate.ofEpochDay(Math.floorDiv(toMillis, MILLIS_PER_DAY)).withDayOfMonth(1);
        java.util.List<String> months = new java.util.ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusMonths(1)) {
            months.add(month(d.getYear(), d.getMonthValue()));
        }
        return months;
    }

    /**
     * A partition-safe key for a source name: its characters outside {@code [A-Za-z0-9._-]}
     * replaced by {@code _}, clipped to 48, then {@code -} and 12 hex digits of its SHA-256, so
     * that two names differing only in replaced characters still get different keys.
     * {@code HISTDATA.zip!DAT 2018.csv} gives {@code HISTDATA.zip_DAT_2018.csv-3f2a...}.
     */
    public static String sourceKey(String source) {
        StringBuilder sb = new StringBuilder(SOURCE_KEY_PREFIX + 13);
        for (int i = 0; i < source.length() && sb.length() < SOURCE_KEY_PREFIX; i++) {
            char c = source.charAt(i);
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '_' || c == '-';
            sb.append(safe ? c : '_');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            return sb.append('-').append(HexFormat.of().formatHex(hash, 0, 6)).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}

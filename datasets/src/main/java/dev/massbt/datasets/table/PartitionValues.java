package dev.massbt.datasets.table;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

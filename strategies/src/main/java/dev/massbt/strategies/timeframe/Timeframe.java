package dev.massbt.strategies.timeframe;

import java.util.List;
import java.util.Objects;

/**
 * A bar duration. Only the durations below are supported, so that every higher timeframe
 * is a whole multiple of every lower one and buckets align on UTC epoch boundaries
 * (a 1d bar is one UTC calendar day).
 */
public enum Timeframe {
    M1("1m", 1),
    M5("5m", 5),
    M15("15m", 15),
    M30("30m", 30),
    H1("1h", 60),
    H4("4h", 240),
    D1("1d", 1440);

    private static final long MILLIS_PER_MINUTE = 60_000L;

    private final String label;
    private final int minutes;

    Timeframe(String label, int minutes) {
        this.label = label;
        this.minutes = minutes;
    }

    /** The label used in strategy JSON: {@code 1m 5m 15m 30m 1h 4h 1d}. */
    public String label() {
        return label;
    }

    public int minutes() {
        return minutes;
    }

    public long millis() {
        return minutes * MILLIS_PER_MINUTE;
    }

    /** Start (epoch millis, UTC) of the bucket of this timeframe that holds {@code epochMillis}. */
    public long bucketStart(long epochMillis) {
        return Math.floorDiv(epochMillis, millis()) * millis();
    }

    /** True when this timeframe is strictly longer than {@code other} and a whole multiple of it. */
    public boolean isHigherThan(Timeframe other) {
        return minutes > other.minutes && minutes % other.minutes == 0;
    }

    public static List<String> labels() {
        return java.util.Arrays.stream(values()).map(Timeframe::label).toList();
    }

    /** Parses a label; {@code null} when it names no supported timeframe. */
    public static Timeframe fromLabel(String label) {
        Objects.requireNonNull(label, "label");
        for (Timeframe tf : values()) {
            if (tf.label.equals(label)) {
                return tf;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return label;
    }
}

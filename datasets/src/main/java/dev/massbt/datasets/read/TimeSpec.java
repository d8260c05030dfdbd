package dev.massbt.datasets.read;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the timestamps of a file are written, as the user describes them (or not: every part is
 * optional). A value travels to the executors; each file reads with its own {@link TimeParser}.
 *
 * <ul>
 *   <li>{@code unit}: the unit of numeric epochs; null detects it by magnitude ({@link EpochUnit#detect}).</li>
 *   <li>{@code pattern}: a {@link DateTimeFormatter} pattern such as {@code dd.MM.yyyy HH:mm:ss.SSS};
 *       null accepts epochs, ISO-8601 (date, or date-time with or without fraction and offset,
 *       {@code T} or a space between) and {@code yyyyMMdd} dates.</li>
 *   <li>{@code zone}: the zone of date-times written without an offset (e.g. {@code America/New_York});
 *       null is UTC. Times with an offset ignore it.</li>
 * </ul>
 * A date alone is the start of that UTC calendar day in every zone: it names the day a daily bar
 * belongs to, as the {@code bars} table keys days.
 */
public record TimeSpec(EpochUnit unit, String pattern, String zone) implements Serializable {

    /** Everything detected, zone-less times in UTC. */
    public static final TimeSpec AUTO = new TimeSpec(null, null, null);

    /**
     * @throws IllegalArgumentException for a pattern {@link DateTimeFormatter} refuses or an unknown zone
     */
    public TimeSpec {
        if (pattern != null) {
            if (pattern.isBlank()) {
                throw new IllegalArgumentException("the time pattern is empty");
            }
            try {
                DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("time pattern '" + pattern + "' is not a valid "
                        + "java.time.format.DateTimeFormatter pattern: " + e.getMessage(), e);
            }
        }
        if (zone != null) {
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("time zone '" + zone + "' is not a zone id such as UTC, "
                        + "America/New_York or +01:00: " + e.getMessage(), e);
            }
        }
    }

    public static TimeSpec of(EpochUnit unit) {
        return new TimeSpec(unit, null, null);
    }

    public TimeSpec withUnit(EpochUnit u) {
        return new TimeSpec(u, pattern, zone);
    }

    public TimeSpec withPattern(String p) {
        return new TimeSpec(unit, p, zone);
    }

    public TimeSpec withZone(String z) {
        return new TimeSpec(unit, pattern, z);
    }

    /** The zone of zone-less date-times. */
    public ZoneId zoneId() {
        return zone == null ? ZoneOffset.UTC : ZoneId.of(zone);
    }

    /**
     * A fresh parser for one file of trades (it remembers the last time, to order daylight-saving
     * overlaps; trades may share a time).
     */
    public TimeParser parser() {
        return new TimeParser(this, false);
    }

    /** A fresh parser for one file of bars, whose times increase strictly: a local time repeated in an overlap is the second pass. */
    public TimeParser barParser() {
        return new TimeParser(this, true);
    }

    /** For reports: {@code auto (epoch by magnitude, ISO-8601), zone-less in UTC}. */
    public String describe() {
        String how = pattern != null ? "pattern '" + pattern + "'"
                : unit != null ? "epoch " + unit.name().toLowerCase(Locale.ROOT) + " or ISO-8601"
                : "auto (epoch by magnitude, ISO-8601, yyyyMMdd)";
        return how + ", zone-less times in " + (zone == null ? "UTC" : zone);
    }
}

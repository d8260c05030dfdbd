package dev.massbt.datasets.validate;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A trading session: the half-open wall-clock interval [start, end) of every day in {@code zone}
 * ({@code 09:30-16:00 America/New_York}: a trade at 09:30:00 is in, one at 16:00:00 is out).
 * A start after the end crosses midnight ({@code 18:00-17:00 America/Chicago} opens on one day
 * and closes on the next). Daylight saving follows the zone: 09:30 New York is 13:30 UTC in
 * summer and 14:30 UTC in winter. A start or end that a spring-forward gap skips is moved
 * forward by the gap, one that an autumn overlap repeats is its first instant (java.time's rules).
 * Test trades with a {@link #cursor()}, one per stream.
 *
 * @param start the first instant of the session, local time
 * @param end   the first instant after it, local time; never equal to {@code start}
 * @param zone  the zone whose wall clock both are in
 */
public record Session(LocalTime start, LocalTime end, ZoneId zone) implements Serializable {

    /** What a value looks like, for messages. */
    public static final String EXAMPLES = "'09:30-16:00 America/New_York', or '18:00-17:00 America/Chicago' for "
            + "an overnight session";

    private static final Pattern TEXT = Pattern.compile("(\\d{1,2}):(\\d{2})-(\\d{1,2}):(\\d{2})(?:\\s+(\\S+))?");

    public Session {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
        if (start.equals(end)) {
            throw new IllegalArgumentException("a session from " + start + " to " + end + " is empty: give an end "
                    + "after the start, or before it for an overnight session, e.g. " + EXAMPLES);
        }
    }

    /**
     * {@code HH:MM-HH:MM ZONE}, e.g. {@code 09:30-16:00 America/New_York}.
     *
     * @throws IllegalArgumentException naming the value, what is wrong with it and an example
     */
    public static Session parse(String text) {
        Matcher m = TEXT.matcher(Objects.requireNonNull(text, "text").strip());
        if (!m.matches()) {
            throw bad(text, "write HH:MM-HH:MM ZONE");
        }
        if (m.group(5) == null) {
            throw bad(text, "the zone is missing");
        }
        LocalTime start = time(text, m.group(1), m.group(2));
        LocalTime end = time(text, m.group(3), m.group(4));
        ZoneId zone;
        try {
            zone = ZoneId.of(m.group(5));
        } catch (DateTimeException e) {
            throw bad(text, "'" + m.group(5) + "' is not a zone id such as America/New_York, Europe/London or UTC");
        }
        if (start.equals(end)) {
            throw bad(text, "it starts when it ends (give a start after the end for an overnight session)");
        }
        return new Session(start, end, zone);
    }

    /** Whether the session crosses midnight: it opens on one local day and closes on the next. */
    public boolean overnight() {
        return start.isAfter(end);
    }

    /** A fresh membership test, for one stream of trades. */
    public SessionCursor cursor() {
        return new SessionCursor(this);
    }

    /** When the session that opens on local day {@code day} opens, epoch microseconds. */
    long openMicros(LocalDate day) {
        return micros(day, start);
    }

    /** When the session that opens on local day {@code day} closes, epoch microseconds. */
    long closeMicros(LocalDate day) {
        return micros(overnight() ? day.plusDays(1) : day, end);
    }

    private long micros(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, zone).toEpochSecond() * 1_000_000L;
    }

    /** The value as {@link #parse} reads it: {@code 09:30-16:00 America/New_York}. */
    @Override
    public String toString() {
        return start + "-" + end + " " + zone.getId();
    }

    private static LocalTime time(String text, String hours, String minutes) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        if (h > 23 || m > 59) {
            throw bad(text, hours + ":" + minutes + " is not a time of day (00:00 to 23:59)");
        }
        return LocalTime.of(h, m);
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("'" + text + "' is not a session: " + why + "; e.g. " + EXAMPLES);
    }
}

package dev.massbt.jobs.backtest;

import dev.massbt.jobs.error.JobErrors;
import dev.massbt.strategies.kernel.Segment;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/**
 * How a symbol's bar range is cut into an in-sample and an out-of-sample segment: not at all,
 * at a date (UTC midnight), or at a fraction of the range's time (rounded down to a UTC
 * midnight so that no day straddles the cut, unless the range is shorter than two days).
 */
public sealed interface Split extends Serializable permits Split.None, Split.AtDate, Split.Fraction {

    String IN_SAMPLE = "in_sample";
    String OUT_OF_SAMPLE = "out_of_sample";
    String ALL = "all";
    long DAY = 86_400_000L;

    /** The segments of bars whose open times lie in [fromMillis, toMillis). */
    List<Segment> segments(String symbol, long fromMillis, long toMillis);

    /** The segment leaderboards rank on: in-sample, or all when there is no split. */
    default String rankingSegment() {
        return IN_SAMPLE;
    }

    /** One segment, {@code all}. */
    record None() implements Split {
        @Override
        public List<Segment> segments(String symbol, long fromMillis, long toMillis) {
            return List.of(new Segment(ALL, fromMillis, toMillis));
        }

        @Override
        public String rankingSegment() {
            return ALL;
        }

        @Override
        public String toString() {
            return "none";
        }
    }

    /** In-sample before {@code date} (UTC), out-of-sample from it. */
    record AtDate(LocalDate date) implements Split {
        public AtDate {
            Objects.requireNonNull(date, "date");
        }

        @Override
        public List<Segment> segments(String symbol, long fromMillis, long toMillis) {
            long cut = date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            if (cut <= fromMillis || cut >= toMillis) {
                throw JobErrors.splitOutsideRange(symbol, date, Instant.ofEpochMilli(fromMillis),
                        Instant.ofEpochMilli(toMillis - 1));
            }
            return twoSegments(fromMillis, cut, toMillis);
        }

        @Override
        public String toString() {
            return date.toString();
        }
    }

    /** In-sample the first {@code fraction} of the time range. */
    record Fraction(double fraction) implements Split {
        public Fraction {
            if (!(fraction > 0 && fraction < 1)) {
                throw JobErrors.splitFraction(fraction);
            }
        }

        @Override
        public List<Segment> segments(String symbol, long fromMillis, long toMillis) {
            long exact = fromMillis + (long) Math.floor((toMillis - fromMillis) * fraction);
            long midnight = Math.floorDiv(exact, DAY) * DAY;
            long cut = midnight > fromMillis ? midnight : exact;
            if (cut <= fromMillis || cut >= toMillis) {
                throw JobErrors.splitTooShort(symbol, fraction, Instant.ofEpochMilli(fromMillis),
                        Instant.ofEpochMilli(toMillis - 1));
            }
            return twoSegments(fromMillis, cut, toMillis);
        }

        @Override
        public String toString() {
            return Double.toString(fraction);
        }
    }

    private static List<Segment> twoSegments(long from, long cut, long to) {
        return List.of(new Segment(IN_SAMPLE, from, cut), new Segment(OUT_OF_SAMPLE, cut, to));
    }

    /** Parses {@code none}, a date {@code 2024-07-01} or a fraction {@code 0.7}. */
    static Split parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip();
        if (t.equalsIgnoreCase("none")) {
            return new None();
        }
        if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                return new AtDate(LocalDate.parse(t));
            } catch (DateTimeParseException e) {
                throw JobErrors.splitNotADate(text);
            }
        }
        if (t.matches("0?\\.\\d+")) {
            return new Fraction(Double.parseDouble(t));
        }
        throw JobErrors.splitNotUnderstood(text);
    }
}

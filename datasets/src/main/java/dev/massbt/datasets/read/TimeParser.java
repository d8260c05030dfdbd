package dev.massbt.datasets.read;

import dev.massbt.datasets.validate.Reason;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Locale;

/**
 * Reads the timestamps of one file as its {@link TimeSpec} says, into epoch microseconds UTC;
 * a value it cannot read is a {@link RowRejected} ({@link Reason#UNPARSABLE}), naming the field.
 *
 * <p>The common shapes are parsed by hand, without allocation: epochs, and ISO-8601
 * {@code yyyy-MM-dd[(T| )HH:mm[:ss[.f…]]][Z|±hh[:mm]]}. Anything else goes to java.time.
 *
 * <p><b>Local times and daylight saving.</b> A zone-less date-time is read in the spec's zone.
 * A time in a spring-forward gap does not exist there: the row is rejected
 * ({@link Reason#INVALID_LOCAL_TIME}), as it says the file is not in that zone. A time in an
 * autumn overlap happens twice: it is the earlier instant, unless that is before the last
 * timestamp this parser read (or equal to it, in a bar file, whose times increase strictly), in
 * which case the file has moved on to the second pass through the hour and it is the later one.
 * A file in time order thus reads both passes in order.
 *
 * <p>Not thread-safe: one per file.
 */
public final class TimeParser {

    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final int UNKNOWN_OFFSET = Integer.MIN_VALUE;
    private static final int BAD_OFFSET = Integer.MAX_VALUE;

    /** Used for {@link #epochMicros} only, which reads no state. */
    private static final TimeParser AUTO_EPOCH = new TimeParser(TimeSpec.AUTO, false);

    private final TimeSpec spec;
    private final boolean strict;
    private final ZoneRules rules;
    private final DateTimeFormatter formatter;
    private long last = Long.MIN_VALUE;

    TimeParser(TimeSpec spec, boolean strictlyIncreasing) {
        this.spec = spec;
        this.strict = strictlyIncreasing;
        ZoneId zone = spec.zoneId();
        this.rules = zone.equals(ZoneOffset.UTC) ? null : zone.getRules();
        this.formatter = spec.pattern() == null ? null : DateTimeFormatter.ofPattern(spec.pattern(), Locale.ROOT);
    }

    /** What parsing the next time depends on: the last time read, for local times with daylight saving; else nothing. */
    public String state() {
        return rules == null || rules.isFixedOffset() ? "" : Long.toString(last);
    }

    /** A numeric epoch, unit by magnitude, in epoch microseconds: for the fixed formats (no state). */
    public static long epochMicros(String text, String field) {
        String s = text.strip();
        if (!numeric(s)) {
            throw new RowRejected(Reason.UNPARSABLE, field + " '" + Fields.clip(text) + "' is not an epoch number");
        }
        return AUTO_EPOCH.epoch(s, field);
    }

    /** The timestamp in {@code text}, epoch microseconds UTC. */
    public long parseMicros(String text, String field) {
        String s = text.strip();
        if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') {
            s = s.substring(1, s.length() - 1).strip();
        }
        long micros;
        if (formatter != null) {
            micros = patterned(s, field);
        } else if (numeric(s)) {
            micros = spec.unit() == null && yyyymmdd(s) ? compactDate(s) : epoch(s, field);
        } else {
            micros = iso(s, field);
        }
        last = micros;
        return micros;
    }

    /**
     * A date and a time of day held in two columns ({@code 2024-03-01} and {@code 09:30:00},
     * or {@code 20240301} and {@code 093000}), read as one date-time.
     */
    public long parseMicros(String date, String time, String field) {
        String d = date.strip();
        String t = time.strip();
        if (d.length() == 8 && yyyymmdd(d)) {
            d = d.substring(0, 4) + '-' + d.substring(4, 6) + '-' + d.substring(6);
        }
        if (t.length() == 6 && numeric(t)) {
            t = t.substring(0, 2) + ':' + t.substring(2, 4) + ':' + t.substring(4);
        } else if (t.length() == 4 && numeric(t)) {
            t = t.substring(0, 2) + ':' + t.substring(2);
        }
        return parseMicros(formatter != null ? date.strip() + ' ' + time.strip() : d + 'T' + t, field);
    }

    private long epoch(String s, String field) {
        int dot = s.indexOf('.');
        if (dot < 0) {
            long v;
            try {
                v = Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw outOfRange(s, field);
            }
            EpochUnit u = spec.unit() != null ? spec.unit() : EpochUnit.detect(v);
            try {
                return u.toMicros(v);
            } catch (ArithmeticException e) {
                throw outOfRange(s, field);
            }
        }
        BigDecimal d = new BigDecimal(s);
        EpochUnit u = spec.unit() != null ? spec.unit() : EpochUnit.detect(d.longValue());
        BigDecimal micros = switch (u) {
            case SECONDS -> d.movePointRight(6);
            case MILLIS -> d.movePointRight(3);
            case MICROS -> d;
            case NANOS -> d.movePointLeft(3);
        };
        try {
            return micros.setScale(0, RoundingMode.FLOOR).longValueExact();
        } catch (ArithmeticException e) {
            throw outOfRange(s, field);
        }
    }

    /** ISO-8601 by hand for the usual shapes; java.time for the rest (e.g. {@code 2024-03-01T09:30Z[UTC]}). */
    private long iso(String s, String field) {
        int n = s.length();
        if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            throw notATime(s, field);
        }
        int year = Civil.digits(s, 0, 4);
        int month = Civil.digits(s, 5, 2);
        int day = Civil.digits(s, 8, 2);
        if (!Civil.valid(year, month, day)) {
            throw notATime(s, field);
        }
        long days = Civil.daysFromCivil(year, month, day);
        if (n == 10) {
            return days * MICROS_PER_DAY;
        }
        char sep = s.charAt(10);
        if ((sep != 'T' && sep != 't' && sep != ' ') || n < 16 || s.charAt(13) != ':') {
            return isoFallback(s, field);
        }
        int hour = Civil.digits(s, 11, 2);
        int minute = Civil.digits(s, 14, 2);
        int second = 0;
        int i = 16;
        if (i < n && s.charAt(i) == ':') {
            second = Civil.digits(s, 17, 2);
            i = 19;
        }
        long fraction = 0;
        if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
            int start = ++i;
            long scale = 100_000;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                if (scale > 0) {
                    fraction += (s.charAt(i) - '0') * scale;
                    scale /= 10;
                }
                i++;
            }
            if (i == start) {
                throw notATime(s, field);
            }
        }
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || i > n) {
            throw notATime(s, field);
        }
        long localMicros = ((days * 24 + hour) * 60 + minute) * 60_000_000L + second * 1_000_000L + fraction;
        if (i == n) {
            return local(localMicros, s, field);
        }
        int offsetSeconds = offset(s, i);
        if (offsetSeconds == UNKNOWN_OFFSET) {
            return isoFallback(s, field);
        }
        if (offsetSeconds == BAD_OFFSET) {
            throw notATime(s, field);
        }
        return localMicros - offsetSeconds * 1_000_000L;
    }

    /**
     * {@code Z}, {@code ±hh}, {@code ±hhmm} or {@code ±hh:mm} from {@code i} to the end, in seconds;
     * {@link #UNKNOWN_OFFSET} for another shape, {@link #BAD_OFFSET} for one out of range.
     */
    private static int offset(String s, int i) {
        int n = s.length();
        char c = s.charAt(i);
        if ((c == 'Z' || c == 'z') && i + 1 == n) {
            return 0;
        }
        if (c != '+' && c != '-') {
            return UNKNOWN_OFFSET;
        }
        int rest = n - i - 1;
        int hours;
        int minutes = 0;
        if (rest == 2) {
            hours = Civil.digits(s, i + 1, 2);
        } else if (rest == 4) {
            hours = Civil.digits(s, i + 1, 2);
            minutes = Civil.digits(s, i + 3, 2);
        } else if (rest == 5 && s.charAt(i + 3) == ':') {
            hours = Civil.digits(s, i + 1, 2);
            minutes = Civil.digits(s, i + 4, 2);
        } else {
            return UNKNOWN_OFFSET;
        }
        if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
            return BAD_OFFSET;
        }
        int seconds = hours * 3600 + minutes * 60;
        return c == '-' ? -seconds : seconds;
    }

    private long isoFallback(String s, String field) {
        try {
            TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parse(s.replace(' ', 'T'));
            return fromTemporal(t, s, field);
        } catch (DateTimeException e) {
            throw notATime(s, field);
        }
    }

    private long patterned(String s, String field) {
        TemporalAccessor t;
        try {
            t = formatter.parse(s);
        } catch (DateTimeException e) {
            throw new RowRejected(Reason.UNPARSABLE, field + " '" + Fields.clip(s) + "' does not match the time "
                    + "pattern '" + spec.pattern() + "'");
        }
        return fromTemporal(t, s, field);
    }

    /** An instant when the text has an offset or zone, a local date-time in the spec's zone, or a date. */
    private long fromTemporal(TemporalAccessor t, String s, String field) {
        try {
            if (t.isSupported(ChronoField.INSTANT_SECONDS)) {
                Instant i = Instant.from(t);
                return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
            }
            LocalDate date = t.query(TemporalQueries.localDate());
            if (date == null) {
                throw notATime(s, field);
            }
            java.time.LocalTime time = t.query(TemporalQueries.localTime());
            long days = date.toEpochDay();
            if (time == null) {
                return Math.multiplyExact(days, MICROS_PER_DAY);
            }
            return local(Math.addExact(Math.multiplyExact(days, MICROS_PER_DAY), time.toNanoOfDay() / 1000), s, field);
        } catch (ArithmeticException e) {
            throw outOfRange(s, field);
        }
    }

    /** A zone-less date-time (as micros if it were UTC) in the spec's zone; see the class comment. */
    private long local(long asIfUtc, String s, String field) {
        if (rules == null) {
            return asIfUtc;
        }
        long seconds = Math.floorDiv(asIfUtc, 1_000_000L);
        long micros = Math.floorMod(asIfUtc, 1_000_000L);
        LocalDateTime ldt = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        List<ZoneOffset> offsets = rules.getValidOffsets(ldt);
        if (offsets.isEmpty()) {
            throw new RowRejected(Reason.INVALID_LOCAL_TIME, field + " '" + Fields.clip(s) + "' does not exist in "
                    + spec.zone() + " (the clocks jumped over it: daylight-saving time began); is the file in "
                    + "another zone?");
        }
        long earlier = (seconds - offsets.get(0).getTotalSeconds()) * 1_000_000L + micros;
        if (offsets.size() == 1) {
            return earlier;
        }
        long later = (seconds - offsets.get(1).getTotalSeconds()) * 1_000_000L + micros;
        long first = Math.min(earlier, later);
        return first < last || (strict && first == last) ? Math.max(earlier, later) : first;
    }

    private static boolean numeric(String s) {
        int n = s.length();
        if (n == 0) {
            return false;
        }
        int i = s.charAt(0) == '-' ? 1 : 0;
        boolean digit = false;
        boolean dot = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return false;
            }
        }
        return digit;
    }

    /** Eight digits that make a date of 1900-2199: {@code 20240301} (an epoch there would be in 1970-1976). */
    private static boolean yyyymmdd(String s) {
        if (s.length() != 8 || s.charAt(0) == '-') {
            return false;
        }
        int year = Civil.digits(s, 0, 4);
        int month = Civil.digits(s, 4, 2);
        int day = Civil.digits(s, 6, 2);
        return year >= 1900 && year < 2200 && Civil.valid(year, month, day);
    }

    private static long compactDate(String s) {
        return Civil.daysFromCivil(Civil.digits(s, 0, 4), Civil.digits(s, 4, 2), Civil.digits(s, 6, 2)) * MICROS_PER_DAY;
    }

    private static RowRejected notATime(String s, String field) {
        return new RowRejected(Reason.UNPARSABLE, field + " '" + Fields.clip(s) + "' is not a time: expected an "
                + "epoch number, an ISO-8601 date or date-time (2024-03-01, 2024-03-01T09:30:00.250Z) or yyyyMMdd; "
                + "give --time-format PATTERN for another layout");
    }

    private static RowRejected outOfRange(String s, String field) {
        return new RowRejected(Reason.UNPARSABLE, field + " '" + Fields.clip(s) + "' is out of range");
    }
}

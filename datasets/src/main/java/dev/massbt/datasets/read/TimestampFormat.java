package dev.massbt.datasets.read;

import dev.massbt.datasets.validate.Reason;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * How a timestamp field is written. Numeric epochs may have a fractional part
 * ({@code 1385337600.25}). {@link #ISO_8601} accepts a date ({@code 2013-01-02}, start of the UTC
 * day), a date-time with offset or {@code Z}, or without one (read as UTC); a space may stand
 * for the {@code T}.
 */
public enum TimestampFormat {
    /** Epoch number, unit guessed from its magnitude by {@link EpochUnit#detect(long)}. */
    EPOCH_AUTO(null),
    EPOCH_SECONDS(EpochUnit.SECONDS),
    EPOCH_MILLIS(EpochUnit.MILLIS),
    EPOCH_MICROS(EpochUnit.MICROS),
    EPOCH_NANOS(EpochUnit.NANOS),
    ISO_8601(null);

    private final EpochUnit unit;

    TimestampFormat(EpochUnit unit) {
        this.unit = unit;
    }

    /** The timestamp in epoch microseconds UTC; {@link RowRejected} (unparsable) when it is not one. */
    public long parseMicros(String text, String field) {
        String s = text.strip();
        if (this == ISO_8601) {
            return iso(s, field);
        }
        int dot = s.indexOf('.');
        if (dot < 0) {
            long v = Fields.parseLong(s, field);
            return toMicros(v, unit != null ? unit : EpochUnit.detect(v), s, field);
        }
        BigDecimal d;
        try {
            d = new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new RowRejected(Reason.UNPARSABLE, field + " '" + Fields.clip(text) + "' is not an epoch number");
        }
        EpochUnit u = unit != null ? unit : EpochUnit.detect(d.longValue());
        BigDecimal micros = switch (u) {
            case SECONDS -> d.movePointRight(6);
            case MILLIS -> d.movePointRight(3);
            case MICROS -> d;
            case NANOS -> d.movePointLeft(3);
        };
        try {
            return micros.setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
        } catch (ArithmeticException e) {
            throw new RowRejected(Reason.UNPARSABLE, field + " '" + Fields.clip(text) + "' is out of range");
        }
    }

    private static long toMicros(long v, EpochUnit u, String text, String field) {
        try {
            return u.toMicros(v);
        } catch (ArithmeticException e) {
            throw new RowRejected(Reason.UNPARSABLE, field + " '" + Fields.clip(text) + "' is out of range");
        }
    }

    private static long iso(String s, String field) {
        String t = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).toEpochDay() * 86_400_000_000L;
            }
            char last = t.charAt(t.length() - 1);
            boolean hasOffset = last == 'Z' || last == 'z' || t.lastIndexOf('+') > 10 || t.lastIndexOf('-') > 10;
            var instant = hasOffset ? OffsetDateTime.parse(t).toInstant() : LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
        } catch (DateTimeException | ArithmeticException | StringIndexOutOfBoundsException e) {
            throw new RowRejected(Reason.UNPARSABLE, field + " '" + Fields.clip(s) + "' is not an ISO-8601 date or "
                    + "date-time");
        }
    }
}

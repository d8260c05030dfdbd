package dev.massbt.datasets.read;

/**
 * The unit of a numeric epoch timestamp. {@link #detect(long)} guesses it from the magnitude:
 * below 1e11 seconds (up to the year 5138; as milliseconds it would be before March 1973),
 * below 1e14 milliseconds, below 1e17 microseconds, else nanoseconds.
 */
public enum EpochUnit {
    SECONDS(1_000_000L), MILLIS(1_000L), MICROS(1L), NANOS(0L);

    private final long microsPerUnit;

    EpochUnit(long microsPerUnit) {
        this.microsPerUnit = microsPerUnit;
    }

    public static EpochUnit detect(long value) {
        long a = Math.abs(value);
        if (a < 100_000_000_000L) {
            return SECONDS;
        }
        if (a < 100_000_000_000_000L) {
            return MILLIS;
        }
        if (a < 100_000_000_000_000_000L) {
            return MICROS;
        }
        return NANOS;
    }

    /** The value in epoch microseconds (nanoseconds are floored to the microsecond). */
    public long toMicros(long value) {
        return this == NANOS ? Math.floorDiv(value, 1000L) : Math.multiplyExact(value, microsPerUnit);
    }
}

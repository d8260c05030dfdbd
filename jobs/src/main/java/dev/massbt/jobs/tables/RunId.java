package dev.massbt.jobs.tables;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A job run's id: letters, digits, {@code . _ : -}, up to 64 characters, starting with a letter
 * or digit. Validated once here; everything downstream uses it only as a column value.
 */
public record RunId(String value) {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:+-]{0,63}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    public RunId {
        Objects.requireNonNull(value, "value");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("Run id '" + value + "' is not valid: use letters, digits, '.', '_', '+', "
                    + "':' or '-', up to 64 characters, starting with a letter or digit (e.g. bt-2026-11-21).");
        }
    }

    public static RunId of(String value) {
        return new RunId(value);
    }

    /** A new id for {@code command}: {@code command-yyyyMMdd-HHmmss-xxxx} (UTC, 4 random hex digits). */
    public static RunId fresh(String command) {
        return new RunId(command + "-" + STAMP.format(Instant.now()) + "-"
                + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000)));
    }

    @Override
    public String toString() {
        return value;
    }
}

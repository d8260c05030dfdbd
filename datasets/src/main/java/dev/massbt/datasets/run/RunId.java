package dev.massbt.datasets.run;

import dev.massbt.datasets.error.DatasetErrors;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A job run's id: letters, digits, {@code . _ : + -}, up to 64 characters, starting with a letter
 * or digit. Validated once here; everything downstream uses it only as a column value. This is
 * the one definition of the grammar: ingest, every job, the Airflow DAGs
 * ({@code massbt_dags/common.py}) and the notebooks ({@code massbt_nb.py}) use it, and a test
 * holds their copies equal to {@link #PATTERN}.
 */
public record RunId(String value) implements java.io.Serializable {

    /** The characters a run id may hold (a regex character-class body). */
    public static final String CHARS = "A-Za-z0-9._:+-";
    /** The run id grammar, as a regular expression (Java and Python read it alike). */
    public static final String PATTERN = "[A-Za-z0-9][" + CHARS + "]{0,63}";

    private static final Pattern VALID = Pattern.compile(PATTERN);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    public RunId {
        Objects.requireNonNull(value, "value");
        if (!VALID.matcher(value).matches()) {
            throw DatasetErrors.badRunId(value);
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

package dev.massbt.datasets.validate;

import java.util.Objects;

/**
 * One input row that was not accepted, with where it came from and why.
 *
 * @param source  the file name ({@code archive.zip!entry.csv} for a zip entry)
 * @param line    1-based line number in the (decompressed) text
 * @param raw     the line as read, without its line terminator
 * @param reason  the reason code
 * @param message what exactly is wrong with this row, in words
 */
public record RejectedRow(String source, long line, String raw, Reason reason, String message) {

    public RejectedRow {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1-based, got " + line);
        }
    }
}

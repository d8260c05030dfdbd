package dev.massbt.datasets.error;

import dev.massbt.strategies.error.UserException;
import java.nio.file.Path;

/**
 * A whole input file cannot be read: missing, corrupt, empty, header only, the wrong delimiter.
 * (A bad row is not this: it goes to the quarantine and reading goes on.) The message names the
 * file, and the line where one applies; messages are built in {@link DatasetErrors}. A user error.
 */
public final class DataFileException extends UserException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;

    DataFileException(Path file, long line, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** 1-based line the problem was found at, 0 when it concerns the whole file. */
    public long line() {
        return line;
    }
}

package dev.massbt.datasets.error;

import dev.massbt.strategies.error.UserException;

/**
 * An ingest run failed as a whole: an input file cannot be read (missing, corrupt, empty, header
 * only, wrong delimiter) or the configuration is invalid. The message names the file and what to
 * do; when an ingest throws it, nothing has been written. A user error (exit 2). Built by
 * {@link DatasetErrors}. Serializable
 * with its message alone, so that it travels from an executor to the driver intact.
 */
public final class IngestException extends UserException {

    private static final long serialVersionUID = 1L;

    public IngestException(String message) {
        super(message);
    }

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}

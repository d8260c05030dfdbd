package dev.massbt.datasets.ingest;

/**
 * An ingest run failed as a whole: an input file cannot be read (missing, corrupt, empty, header
 * only, wrong delimiter) or the configuration is invalid. The message names the file and what to
 * do; when it is thrown by {@link IngestAction#execute()}, nothing has been written. Serializable
 * with its message alone, so that it travels from an executor to the driver intact.
 */
public final class IngestException extends RuntimeException {

    public IngestException(String message) {
        super(message);
    }

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.massbt.jobs.error;

/**
 * A system massbt depends on failed or refused it: the Spark master stopped the application, a
 * file system could not be reached. Neither the user's input (exit 2) nor a bug in massbt: the
 * command exits 1 with this message, which says what to check.
 */
public final class ExternalFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ExternalFailure(String message, Throwable cause) {
        super(message, cause);
    }
}

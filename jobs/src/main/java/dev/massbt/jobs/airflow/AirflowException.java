package dev.massbt.jobs.airflow;

import java.util.Objects;

/**
 * A failed Airflow call, with what kind of failure it is (which the CLI maps to its exit code) and
 * a message for the user that never holds a credential.
 */
public final class AirflowException extends RuntimeException {

    /** What went wrong, from the caller's side. */
    public enum Kind {
        /** Settings missing or invalid (URL, credentials variables): exit 2. */
        SETTINGS(2),
        /** The request was wrong: unknown DAG, run or task, conf refused: exit 2. */
        BAD_REQUEST(2),
        /** The credentials were refused or do not allow the call: exit 3. */
        AUTH(3),
        /** Airflow could not be reached, answered with an error or not in time: exit 1. */
        UNAVAILABLE(1);

        private final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final Kind kind;
    private final int status;

    public AirflowException(Kind kind, int status, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.kind = Objects.requireNonNull(kind, "kind");
        this.status = status;
    }

    public AirflowException(Kind kind, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.status = 0;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, 0 when there was no answer. */
    public int status() {
        return status;
    }

    public int exitCode() {
        return kind.exitCode();
    }
}

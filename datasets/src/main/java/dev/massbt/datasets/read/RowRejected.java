package dev.massbt.datasets.read;

import dev.massbt.datasets.validate.Reason;

/**
 * Thrown by a format's {@code parse} for a row it cannot parse; the reader catches it and
 * quarantines the row. Carries no stack trace: it is control flow for bad rows, not a bug.
 */
public final class RowRejected extends RuntimeException {

    private final Reason reason;

    public RowRejected(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

package dev.massbt.datasets.validate;

import java.util.Objects;

/** A validator's decision to reject a row: the reason and a message naming the values. */
public record Verdict(Reason reason, String message) {

    public Verdict {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}

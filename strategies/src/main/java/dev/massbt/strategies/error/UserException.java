package dev.massbt.strategies.error;

import java.util.Objects;

/**
 * The user's input is wrong: an option, a file, a strategy, a run id, a dataset name. The
 * message says what cannot be done, why, and what to do instead; it is shown as it is and the
 * command exits with 2. Anything else that fails is a bug in massbt (exit 1), or a failure of a
 * system massbt uses (the Spark master, the file system).
 *
 * <p>Every module builds its user errors in one factory ({@code JobErrors}, {@code DatasetErrors};
 * strategies and grid templates are {@link dev.massbt.strategies.format.InvalidStrategyException},
 * a subtype naming the JSON path), never with {@code new} at the place of use. It extends
 * {@link IllegalArgumentException} because that is what it is: an argument the user gave was not
 * acceptable.
 */
public class UserException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** {@code message} as it is: a sentence (or several) that already says problem, cause and fix. */
    public UserException(String message) {
        super(Objects.requireNonNull(message, "message"));
    }

    public UserException(String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
    }

    /**
     * {@code problem: cause. fix} — e.g. {@code Cannot rank by 'x': it is not a metric. Use one of
     * sharpe, ...}. {@code cause} and {@code fix} are sentences without the final period.
     */
    public static UserException of(String problem, String cause, String fix) {
        return new UserException(problem + ": " + cause + ". " + fix + ".");
    }

    /** The first user error in {@code e}'s cause chain, or null (Spark wraps what tasks throw). */
    public static UserException in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UserException u) {
                return u;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}

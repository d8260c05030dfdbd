package dev.massbt.strategies.format;

import java.util.Objects;

/**
 * A strategy that cannot be accepted. {@link #path()} is the JSON path of the offending
 * field ({@code entry_rules.long.conditions[1].params.period}), {@link #problem()} says
 * what is wrong and how to fix it. The message joins both.
 */
public final class InvalidStrategyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String problem;

    public InvalidStrategyException(String path, String problem) {
        super(format(path, problem));
        this.path = Objects.requireNonNull(path, "path");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public String path() {
        return path;
    }

    public String problem() {
        return problem;
    }

    /** The same problem seen from an enclosing object: {@code prefix.path}. */
    public InvalidStrategyException under(String prefix) {
        return new InvalidStrategyException(join(prefix, path), problem);
    }

    static String join(String prefix, String path) {
        if (prefix.isEmpty()) {
            return path;
        }
        if (path.isEmpty()) {
            return prefix;
        }
        return path.startsWith("[") ? prefix + path : prefix + "." + path;
    }

    private static String format(String path, String problem) {
        return path.isEmpty() ? problem : path + ": " + problem;
    }
}

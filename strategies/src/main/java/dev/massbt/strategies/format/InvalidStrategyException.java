package dev.massbt.strategies.format;

import dev.massbt.strategies.error.UserException;
import java.util.Objects;

/**
 * A strategy that cannot be accepted. {@link #path()} is the JSON path of the offending
 * field ({@code entry_rules.long.conditions[1].params.period}), {@link #problem()} says
 * what is wrong and how to fix it, {@link #source()} names where the strategy came from
 * (a file name) when that is known. The message joins them:
 * {@code rsi.json: entry_rules.long.conditions[1].params.period: must be ...}.
 */
public final class InvalidStrategyException extends UserException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String path;
    private final String problem;

    public InvalidStrategyException(String path, String problem) {
        this("", path, problem, null);
    }

    InvalidStrategyException(String path, String problem, Throwable cause) {
        this("", path, problem, cause);
    }

    private InvalidStrategyException(String source, String path, String problem, Throwable cause) {
        super(format(source, path, problem), cause);
        this.source = Objects.requireNonNull(source, "source");
        this.path = Objects.requireNonNull(path, "path");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** Where the strategy came from (a file name), or {@code ""} when unknown. */
    public String source() {
        return source;
    }

    public String path() {
        return path;
    }

    public String problem() {
        return problem;
    }

    /** The same problem seen from an enclosing object: {@code prefix.path}. */
    public InvalidStrategyException under(String prefix) {
        return new InvalidStrategyException(source, join(prefix, path), problem, getCause());
    }

    /** The same problem in a strategy read from {@code source}, e.g. a file name. */
    public InvalidStrategyException in(String source) {
        return new InvalidStrategyException(source, path, problem, getCause());
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

    private static String format(String source, String path, String problem) {
        String located = path.isEmpty() ? problem : path + ": " + problem;
        return source.isEmpty() ? located : source + ": " + located;
    }
}

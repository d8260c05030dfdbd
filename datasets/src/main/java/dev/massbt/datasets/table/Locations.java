package dev.massbt.datasets.table;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How massbt tells a URI from a local path, and which URIs it reads and writes: the one
 * definition of that grammar, used for the warehouse, ingest inputs and dataset names, and by the
 * notebooks ({@code massbt_nb.py}, held equal by a test). A location is a URI when it starts with
 * a scheme of two characters or more ({@code hdfs:}, {@code s3a:}, {@code file:}); one letter is a
 * Windows drive ({@code C:\data}), not a scheme.
 */
public final class Locations {

    /** A location with a scheme, as a regular expression (Java and Python read it alike); group 1 is the scheme. */
    public static final String SCHEME_PATTERN = "([A-Za-z][A-Za-z0-9+.-]+):.*";
    /** The schemes massbt accepts, through Hadoop's file systems; any other is almost certainly a typo. */
    public static final List<String> SCHEMES = List.of("file", "hdfs", "s3a");

    private static final Pattern SCHEME = Pattern.compile(SCHEME_PATTERN);

    private Locations() {
    }

    /** The scheme of {@code location} as written, if it is a URI. */
    public static Optional<String> scheme(String location) {
        Matcher m = SCHEME.matcher(location);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Whether {@code location} is a URI (read through Hadoop) rather than a local path. */
    public static boolean isUri(String location) {
        return SCHEME.matcher(location).matches();
    }

    /** Whether {@code scheme} (any case) is one massbt accepts. */
    public static boolean accepted(String scheme) {
        return SCHEMES.contains(scheme.toLowerCase(Locale.ROOT));
    }

    /** {@code file:, hdfs: or s3a:}, for messages. */
    public static String accepted() {
        return String.join(", ", SCHEMES.subList(0, SCHEMES.size() - 1).stream().map(s -> s + ":").toList())
                + " or " + SCHEMES.get(SCHEMES.size() - 1) + ":";
    }
}

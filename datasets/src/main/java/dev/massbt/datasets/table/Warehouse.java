package dev.massbt.datasets.table;

import dev.massbt.datasets.error.DatasetErrors;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the Delta tables live: one root, each table a child directory named after it. The root
 * is a Hadoop URI ({@code file:/data/wh}, {@code hdfs://nn:8020/massbt}, {@code s3a://bucket/massbt})
 * or a local path, made absolute; nothing else in the code knows which.
 *
 * @param root the root as given, normalised: absolute, no trailing slash
 */
public record Warehouse(String root) implements java.io.Serializable {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_]+");

    public Warehouse {
        Objects.requireNonNull(root, "root");
        root = normalise(root);
    }

    /** A warehouse at {@code root} (URI or local path). */
    public static Warehouse at(String root) {
        return new Warehouse(root);
    }

    /** A warehouse in a local directory. */
    public static Warehouse at(Path dir) {
        return new Warehouse(dir.toAbsolutePath().normalize().toString());
    }

    /** The path of table {@code name} ({@code [a-z_]+}): {@code root/name}. */
    public String path(String name) {
        Objects.requireNonNull(name, "name");
        if (!TABLE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Table name '" + name + "' is not valid: use lower-case letters and "
                    + "'_' only (e.g. ticks, bars, quarantine).");
        }
        return root + "/" + name;
    }

    public String path(TableSpec table) {
        return path(table.tableName());
    }

    private static String normalise(String root) {
        String r = root.strip();
        if (r.isEmpty()) {
            throw DatasetErrors.emptyWarehouse();
        }
        Optional<String> given = Locations.scheme(r);
        if (given.isPresent()) {
            String scheme = given.get().toLowerCase(Locale.ROOT);
            if (!Locations.accepted(scheme)) {
                throw DatasetErrors.warehouseScheme(root, given.get(), Locations.SCHEMES);
            }
            String rest = r.substring(scheme.length() + 1);
            if (rest.isEmpty() || rest.equals("/") || rest.equals("//")) {
                throw DatasetErrors.warehouseWithoutDirectory(root, scheme);
            }
            if (!scheme.equals("file") && !rest.startsWith("//")) {
                throw DatasetErrors.warehouseWithoutAuthority(root, scheme);
            }
            return scheme + ":" + stripTrailingSlashes(rest);
        }
        return stripTrailingSlashes(Path.of(r).toAbsolutePath().normalize().toString());
    }

    private static String stripTrailingSlashes(String s) {
        int end = s.length();
        while (end > 1 && s.charAt(end - 1) == '/' && !s.substring(0, end).endsWith("://")) {
            end--;
        }
        return s.substring(0, end);
    }

    @Override
    public String toString() {
        return root;
    }
}

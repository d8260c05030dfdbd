package dev.massbt.datasets.read;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The header names the user gives for columns ({@code --columns ts=Date,close=Close}); a column
 * not named here is found by its {@link Column#synonyms() synonyms}.
 *
 * @param names header name by column, as the user wrote it
 */
public record ColumnNames(Map<Column, String> names) implements Serializable {

    /** Synonyms only. */
    public static final ColumnNames AUTO = new ColumnNames(Map.of());

    public ColumnNames {
        EnumMap<Column, String> copy = new EnumMap<>(Column.class);
        copy.putAll(names);
        names = Collections.unmodifiableMap(copy);
    }

    /**
     * Parses {@code KEY=NAME[,KEY=NAME...]}, keys from {@link Column#keys()}.
     *
     * @throws IllegalArgumentException naming the part that is wrong and the keys there are
     */
    public static ColumnNames parse(String text) {
        EnumMap<Column, String> names = new EnumMap<>(Column.class);
        for (String part : text.split(",", -1)) {
            int eq = part.indexOf('=');
            if (eq <= 0 || part.substring(eq + 1).isBlank()) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not KEY=HEADER_NAME (e.g. ts=Date); "
                        + "keys: " + String.join(", ", Column.keys()));
            }
            String key = part.substring(0, eq).strip();
            Column c = Column.byKey(key).orElseThrow(() -> new IllegalArgumentException("unknown column key '" + key
                    + "' in '" + part.strip() + "'; keys: " + String.join(", ", Column.keys())));
            if (names.put(c, part.substring(eq + 1).strip()) != null) {
                throw new IllegalArgumentException("column key '" + c.key() + "' is given twice");
            }
        }
        return new ColumnNames(names);
    }

    /** These names and {@code c} named {@code name}. */
    public ColumnNames with(Column c, String name) {
        EnumMap<Column, String> copy = new EnumMap<>(Column.class);
        copy.putAll(names);
        copy.put(c, name);
        return new ColumnNames(copy);
    }

    public Optional<String> of(Column c) {
        return Optional.ofNullable(names.get(c));
    }

    /** For reports: {@code ts=Date,close=Close}, or empty. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        names.forEach((c, n) -> b.append(b.length() > 0 ? "," : "").append(c.key()).append('=').append(n));
        return b.toString();
    }
}

package dev.massbt.datasets.read;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where each {@link Column} is in one file's header. A column the user named
 * ({@link ColumnNames}) must be there; the others are found by synonym. The time is one column
 * ({@link Column#TS}, or {@code date} / {@code time} alone), or the pair {@code date} + {@code time}
 * when the header has both and no timestamp column. Columns used for nothing are
 * {@link #ignored()}.
 */
final class HeaderColumns {

    private final String[] header;
    private final int[] index = new int[Column.values().length];

    private HeaderColumns(String[] header) {
        this.header = header;
        Arrays.fill(index, -1);
    }

    /**
     * @param required columns the format cannot do without ({@link Column#TS} stands for the time, in any form)
     * @param optional columns it uses when they are there
     * @throws HeaderRejected when a required column is missing or a named one is not in the header
     */
    static HeaderColumns resolve(String[] header, ColumnNames names, Set<Column> required, Set<Column> optional) {
        HeaderColumns h = new HeaderColumns(header.clone());
        String[] normal = Arrays.stream(header).map(Column::normalise).toArray(String[]::new);
        for (Column c : names.names().keySet()) {
            if (!required.contains(c) && !optional.contains(c) && c != Column.DATE && c != Column.TIME) {
                throw new HeaderRejected("--columns names " + c.key() + ", which this format does not use (it uses "
                        + keys(required) + (optional.isEmpty() ? "" : ", and optionally " + keys(optional)) + ")");
            }
            String wanted = Column.normalise(names.names().get(c));
            h.index[c.ordinal()] = find(normal, wanted).orElseThrow(() -> new HeaderRejected("--columns " + c.key()
                    + "=" + names.names().get(c) + ": the header has no column '" + names.names().get(c) + "'; its "
                    + "columns are " + String.join(", ", header)));
        }
        h.resolveTime(normal, names);
        for (Column c : required) {
            if (c != Column.TS && h.index[c.ordinal()] < 0) {
                h.index[c.ordinal()] = first(normal, c.synonyms(), h).orElse(-1);
            }
        }
        for (Column c : optional) {
            if (h.index[c.ordinal()] < 0) {
                h.index[c.ordinal()] = first(normal, c.synonyms(), h).orElse(-1);
            }
        }
        List<String> missing = new ArrayList<>();
        for (Column c : required) {
            if (c != Column.TS && h.index[c.ordinal()] < 0) {
                missing.add(c.key());
            }
        }
        if (!h.hasTime()) {
            missing.add(0, "ts");
        }
        if (!missing.isEmpty()) {
            throw new HeaderRejected("the header has no " + String.join(", ", missing) + " column (columns: "
                    + String.join(", ", header) + "); name them with --columns " + missing.get(0) + "=HEADER_NAME"
                    + (missing.size() > 1 ? ",..." : "") + ", or give a headerless file in the format's column order");
        }
        return h;
    }

    private void resolveTime(String[] normal, ColumnNames names) {
        if (index[Column.TS.ordinal()] >= 0) {
            index[Column.DATE.ordinal()] = -1;
            index[Column.TIME.ordinal()] = -1;
            return;
        }
        if (names.of(Column.DATE).isPresent() || names.of(Column.TIME).isPresent()) {
            if (index[Column.DATE.ordinal()] >= 0 && index[Column.TIME.ordinal()] < 0) {
                index[Column.TS.ordinal()] = index[Column.DATE.ordinal()];
                index[Column.DATE.ordinal()] = -1;
            } else if (index[Column.TIME.ordinal()] >= 0 && index[Column.DATE.ordinal()] < 0) {
                index[Column.TS.ordinal()] = index[Column.TIME.ordinal()];
                index[Column.TIME.ordinal()] = -1;
            }
            return;
        }
        Optional<Integer> ts = first(normal, Column.TS.synonyms(), this);
        if (ts.isPresent()) {
            index[Column.TS.ordinal()] = ts.get();
            return;
        }
        int date = first(normal, Column.DATE.synonyms(), this).orElse(-1);
        int time = first(normal, Column.TIME.synonyms(), this).orElse(-1);
        if (date >= 0 && time >= 0) {
            index[Column.DATE.ordinal()] = date;
            index[Column.TIME.ordinal()] = time;
        } else {
            index[Column.TS.ordinal()] = Math.max(date, time);
        }
    }

    private boolean hasTime() {
        return index[Column.TS.ordinal()] >= 0
                || (index[Column.DATE.ordinal()] >= 0 && index[Column.TIME.ordinal()] >= 0);
    }

    /** The column's 0-based index, or -1 when the file does not have it. */
    int index(Column c) {
        return index[c.ordinal()];
    }

    boolean has(Column c) {
        return index[c.ordinal()] >= 0;
    }

    /** The time is in two columns, {@link Column#DATE} and {@link Column#TIME}. */
    boolean splitTime() {
        return index[Column.TS.ordinal()] < 0;
    }

    int size() {
        return header.length;
    }

    /** The largest index used, plus one: the fewest fields a row can have. */
    int fieldsNeeded() {
        return Arrays.stream(index).max().orElse(-1) + 1;
    }

    /** Header names of the columns used for nothing, in file order. */
    List<String> ignored() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < header.length; i++) {
            final int col = i;
            if (Arrays.stream(index).noneMatch(x -> x == col)) {
                out.add(header[i].strip());
            }
        }
        return out;
    }

    /** {@code ts=Date, open=Open, ...; ignored: Adj Close} for the report. */
    String describe() {
        StringBuilder b = new StringBuilder();
        for (Column c : Column.values()) {
            if (index[c.ordinal()] >= 0) {
                b.append(b.length() > 0 ? ", " : "").append(c.key()).append('=').append(header[index[c.ordinal()]].strip());
            }
        }
        List<String> ignored = ignored();
        if (!ignored.isEmpty()) {
            b.append("; ignored: ").append(String.join(", ", ignored));
        }
        return b.toString();
    }

    private static Optional<Integer> find(String[] normal, String wanted) {
        for (int i = 0; i < normal.length; i++) {
            if (normal[i].equals(wanted)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** The first synonym, in synonym order, that names a column no other column took. */
    private static Optional<Integer> first(String[] normal, List<String> synonyms, HeaderColumns taken) {
        for (String s : synonyms) {
            for (int i = 0; i < normal.length; i++) {
                final int col = i;
                if (normal[i].equals(s) && Arrays.stream(taken.index).noneMatch(x -> x == col)) {
                    return Optional.of(i);
                }
            }
        }
        return Optional.empty();
    }

    private static String keys(Set<Column> cs) {
        return String.join(", ", (cs.isEmpty() ? EnumSet.noneOf(Column.class) : EnumSet.copyOf(cs)).stream()
                .map(Column::key).toList());
    }
}

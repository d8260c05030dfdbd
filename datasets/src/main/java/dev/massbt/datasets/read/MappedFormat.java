package dev.massbt.datasets.read;

/**
 * What the per-file formats of {@link GenericTrades} and {@link GenericBars} share: the
 * delimiter and field counts of one file, and the note on how its columns were mapped. Never
 * serialized: it lives for one file in one task.
 */
abstract class MappedFormat implements RowFormat {

    private final String kind;
    private final char delimiter;
    private final int minFields;
    private final int maxFields;
    private final String note;

    MappedFormat(String kind, char delimiter, int minFields, int maxFields, String note) {
        this.kind = kind;
        this.delimiter = delimiter;
        this.minFields = minFields;
        this.maxFields = maxFields;
        this.note = note;
    }

    @Override
    public final String name() {
        return note.isEmpty() ? kind : kind + " (" + note + ")";
    }

    @Override
    public final char delimiter() {
        return delimiter;
    }

    @Override
    public final int minFields() {
        return minFields;
    }

    @Override
    public final int maxFields() {
        return maxFields;
    }

    /** The header, if any, has been read: no later line is one. */
    @Override
    public final boolean isHeader(String[] fields, int n) {
        return false;
    }

    @Override
    public final String columnsNote() {
        return note;
    }
}

package dev.massbt.datasets.read;

/**
 * The shape of a delimited text format: what every row format tells the reader. Formats are
 * serializable values: Spark ships them to the executors that read the files.
 */
public interface RowFormat extends java.io.Serializable {

    /** Human name used in messages, e.g. {@code Bitstamp trades CSV}. */
    String name();

    char delimiter();

    int minFields();

    int maxFields();

    /**
     * Whether the first non-blank line (split into {@code n} fields) is a header rather than
     * data. Called with {@code minFields() <= n <= maxFields()}.
     */
    boolean isHeader(String[] fields, int n);

    /**
     * The format one file is read with, given its header line ({@code null} when it has none):
     * formats that find their columns by name, or keep state per file, return a new one. Called
     * once per file, before its first data line.
     *
     * @throws HeaderRejected when the header lacks a column the format needs
     */
    default RowFormat forFile(String header) {
        return this;
    }

    /** Whether each row names its symbol (a symbol column, {@code --symbol-column}) rather than the file having one. */
    default boolean symbolsInRows() {
        return false;
    }

    /** What the report says once about the file's columns (mapping, ignored ones), or empty. */
    default String columnsNote() {
        return "";
    }

    /**
     * What parsing the next row depends on, as text (empty for a stateless format): a local-time
     * parser remembers the last time to place an autumn-overlap time. Compared where a large file
     * is read in pieces: equal states parse every later row alike.
     */
    default String state() {
        return "";
    }
}

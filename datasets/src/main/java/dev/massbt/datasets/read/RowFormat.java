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
}

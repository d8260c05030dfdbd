package dev.massbt.datasets.read;

import dev.massbt.datasets.error.DatasetErrors;
import dev.massbt.datasets.validate.IngestReport;
import dev.massbt.datasets.validate.Observation;
import dev.massbt.datasets.validate.Quarantine;
import dev.massbt.datasets.validate.Reason;
import dev.massbt.datasets.validate.RejectedRow;
import dev.massbt.datasets.validate.Verdict;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The streaming loop shared by {@link TradeReader} and {@link BarReader}: one line at a time,
 * header detection on the first non-blank line, the delimiter check on the header and the first
 * data line, parsing, validation, and the quarantine for every row not accepted.
 *
 * <p>Every line after the header counts as a row read (blank lines too, rejected as
 * {@link Reason#BLANK_LINE}), so {@code rowsRead = accepted + rejected} holds.
 */
abstract class RowReader<R> implements Iterator<R>, AutoCloseable {

    private static final char[] CANDIDATE_DELIMITERS = {',', ';', '\t', '|'};

    private final TextSource text;
    private final RowFormat format;
    private final Quarantine quarantine;
    private String[] fields;
    private RowFormat file;
    private RejectedRow firstRejected;
    private String lastRaw;
    private final EnumMap<Reason, Long> rejected = new EnumMap<>(Reason.class);
    private long rowsRead;
    private long accepted;
    private long headerLine;
    private boolean sawContent;
    private boolean checkedFirstData;
    private boolean done;
    private R next;

    RowReader(Path file, RowFormat format, Quarantine quarantine) {
        this.format = java.util.Objects.requireNonNull(format, "format");
        this.quarantine = java.util.Objects.requireNonNull(quarantine, "quarantine");
        this.fields = new String[format.maxFields()];
        this.file = format;
        this.text = TextSource.open(file);
    }

    /** Parses a split line with the file's format; throws {@link RowRejected} when it cannot. */
    abstract R parse(RowFormat file, String source, long line, String[] fields, int n);

    /** Validates a parsed row: null when accepted. */
    abstract Verdict check(R row);

    abstract Map<Observation, Long> observations();

    @Override
    public boolean hasNext() {
        return advance();
    }

    /** The base reading loop (not overridable: subclasses that buffer call {@code super.hasNext()}). */
    private boolean advance() {
        while (next == null && !done) {
            String line = text.readLine();
            if (line == null) {
                done = true;
                finish();
            } else {
                next = process(line);
            }
        }
        return next != null;
    }

    @Override
    public R next() {
        if (!advance()) {
            throw new NoSuchElementException("no more rows in " + text.name());
        }
        R r = next;
        next = null;
        return r;
    }

    /** Rows read, accepted, rejected and observed so far (all of the file once {@code hasNext()} is false). */
    public IngestReport report() {
        return new IngestReport(text.name(), rowsRead, accepted, rejected, observations(), file.columnsNote());
    }

    /** The first row rejected, or null: what a refusal of the file shows. */
    public RejectedRow firstRejected() {
        return firstRejected;
    }

    /** The file name used as source in rows and rejections. */
    public String source() {
        return text.name();
    }

    @Override
    public void close() {
        text.close();
    }

    private R process(String line) {
        long n = text.lineNumber();
        boolean blank = line.isBlank();
        if (!sawContent && !blank) {
            sawContent = true;
            int count = Fields.split(line, format.delimiter(), fields);
            boolean header = count >= format.minFields() && count <= format.maxFields() && format.isHeader(fields, count);
            try {
                file = format.forFile(header ? line : null);
            } catch (HeaderRejected e) {
                throw DatasetErrors.badHeader(text.file(), n, format.name(), e.getMessage());
            }
            if (file.maxFields() > fields.length) {
                fields = new String[file.maxFields()];
            }
            if (header) {
                headerLine = n;
                return null;
            }
        }
        rowsRead++;
        if (blank) {
            return reject(n, line, Reason.BLANK_LINE, "blank line");
        }
        RowFormat current = file;
        int count = Fields.split(line, current.delimiter(), fields);
        if (!checkedFirstData) {
            checkedFirstData = true;
            checkDelimiter(n, line, count);
        }
        if (count < current.minFields() || count > current.maxFields()) {
            String expected = current.minFields() == current.maxFields() ? String.valueOf(current.minFields())
                    : current.minFields() + " to " + current.maxFields();
            return reject(n, line, Reason.WRONG_FIELD_COUNT, count + " fields separated by "
                    + DatasetErrors.name(current.delimiter()) + ", expected " + expected);
        }
        R row;
        try {
            row = parse(current, text.name(), n, fields, count);
        } catch (RowRejected e) {
            return reject(n, line, e.reason(), e.getMessage());
        }
        Verdict verdict = check(row);
        if (verdict != null) {
            return reject(n, line, verdict.reason(), verdict.message());
        }
        accepted++;
        lastRaw = line;
        return row;
    }

    /** The text of the line of the row {@link #next()} returned last. */
    String lastRaw() {
        return lastRaw;
    }

    /**
     * A row accepted earlier turns out rejected (a check that needs the rows after it, such as the
     * outlier filter): it moves from accepted to rejected and goes to the quarantine.
     */
    void unaccept(long line, String raw, Reason reason, String message) {
        accepted--;
        RejectedRow r = new RejectedRow(text.name(), line, raw, reason, message);
        rejected.merge(reason, 1L, Long::sum);
        if (firstRejected == null || line < firstRejected.line()) {
            firstRejected = r;
        }
        quarantine.reject(r);
    }

    private void checkDelimiter(long n, String line, int count) {
        RowFormat current = file;
        if (count >= current.minFields() && count <= current.maxFields()) {
            return;
        }
        for (char d : CANDIDATE_DELIMITERS) {
            if (d == current.delimiter()) {
                continue;
            }
            int c = Fields.count(line, d);
            if (c >= current.minFields() && c <= current.maxFields()) {
                throw DatasetErrors.wrongDelimiter(text.file(), n, current.name(), current.delimiter(), current.minFields(), d, c);
            }
        }
    }

    private void finish() {
        if (!sawContent) {
            throw DatasetErrors.empty(text.file());
        }
        if (headerLine > 0 && rowsRead == rejected.getOrDefault(Reason.BLANK_LINE, 0L)) {
            throw DatasetErrors.headerOnly(text.file(), headerLine);
        }
    }

    private R reject(long line, String raw, Reason reason, String message) {
        rejected.merge(reason, 1L, Long::sum);
        RejectedRow r = new RejectedRow(text.name(), line, raw, reason, message);
        if (firstRejected == null) {
            firstRejected = r;
        }
        quarantine.reject(r);
        return null;
    }
}

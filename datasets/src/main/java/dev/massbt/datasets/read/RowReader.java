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
    private final LineWindow window;
    private java.util.function.LongConsumer atWindowEdge = line -> { };

    RowReader(Path file, RowFormat format, Quarantine quarantine) {
        this(file, format, quarantine, LineWindow.WHOLE);
    }

    /** Reads the lines of {@code window} (a piece of a large plain file, or {@link LineWindow#WHOLE}). */
    RowReader(Path file, RowFormat format, Quarantine quarantine, LineWindow window) {
        this.format = java.util.Objects.requireNonNull(format, "format");
        this.quarantine = java.util.Objects.requireNonNull(quarantine, "quarantine");
        this.window = java.util.Objects.requireNonNull(window, "window");
        this.fields = new String[format.maxFields()];
        this.file = format;
        if (!window.fromStart()) {
            readHead(file); // the file's header decides its layout for every piece
        }
        this.text = TextSource.openAt(file, window.fromByte(), window.firstLine());
    }

    /**
     * Called with the line number just before the first owned line and the first line past the
     * window are processed: what the reader, its validators and the caller's aggregators hold then
     * is what a reader of the neighbouring piece must have held ({@code handoff} states).
     */
    public void onWindowEdge(java.util.function.LongConsumer edge) {
        this.atWindowEdge = java.util.Objects.requireNonNull(edge, "edge");
    }

    /** The layout of the file being read (its header's mapping, its parser's state). */
    RowFormat layout() {
        return file;
    }

    private void readHead(Path path) {
        try (TextSource head = TextSource.open(path)) {
            for (String line = head.readLine(); line != null; line = head.readLine()) {
                if (!line.isBlank()) {
                    decideLayout(path, head.lineNumber(), line);
                    break;
                }
            }
        }
        sawContent = true;
        checkedFirstData = true; // the first piece checks the delimiter
    }

    /** The layout of the file from its first non-blank line: true when that line is a header. */
    private boolean decideLayout(Path path, long n, String line) {
        int count = Fields.split(line, format.delimiter(), fields);
        boolean header = count >= format.minFields() && count <= format.maxFields() && format.isHeader(fields, count);
        try {
            file = format.forFile(header ? line : null);
        } catch (HeaderRejected e) {
            throw DatasetErrors.badHeader(path, n, format.name(), e.getMessage());
        }
        if (file.maxFields() > fields.length) {
            fields = new String[file.maxFields()];
        }
        if (header) {
            headerLine = n;
        }
        return header;
    }

    /** Parses a split line with the file's format; throws {@link RowRejected} when it cannot. */
    abstract R parse(RowFormat file, String source, long line, String[] fields, int n);

    /** Validates a parsed row: null when accepted; {@code counted}: false for a line outside the window (observe nothing). */
    abstract Verdict check(R row, boolean counted);

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
            if (decideLayout(text.file(), n, line)) {
                return null;
            }
        }
        if (n == window.ownFrom() || n == window.ownTo()) {
            atWindowEdge.accept(n);
        }
        // a line outside the window is parsed and validated like any other, so the state the owned
        // lines see is right, but neither counted nor quarantined: its owner does both
        boolean owned = window.owns(n);
        if (owned) {
            rowsRead++;
        }
        if (blank) {
            return reject(n, line, Reason.BLANK_LINE, "blank line");
        }
        RowFormat current = file;
        int count = Fields.split(line, current.delimiter(), fields);
        if (owned && !checkedFirstData) {
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
        Verdict verdict = check(row, owned);
        if (verdict != null) {
            return reject(n, line, verdict.reason(), verdict.message());
        }
        if (owned) {
            accepted++;
        }
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
        if (!window.owns(line)) {
            return; // decided for a line of the context or past the window: its owner counts it
        }
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
        if (!window.whole()) {
            return; // empty or header-only concern the whole file: the pieces' reports tell it together
        }
        if (!sawContent) {
            throw DatasetErrors.empty(text.file());
        }
        if (headerLine > 0 && rowsRead == rejected.getOrDefault(Reason.BLANK_LINE, 0L)) {
            throw DatasetErrors.headerOnly(text.file(), headerLine);
        }
    }

    /** Counts and quarantines a rejected line the reader owns (one outside its window is its owner's). */
    private R reject(long line, String raw, Reason reason, String message) {
        if (!window.owns(line)) {
            return null;
        }
        rejected.merge(reason, 1L, Long::sum);
        RejectedRow r = new RejectedRow(text.name(), line, raw, reason, message);
        if (firstRejected == null) {
            firstRejected = r;
        }
        quarantine.reject(r);
        return null;
    }
}

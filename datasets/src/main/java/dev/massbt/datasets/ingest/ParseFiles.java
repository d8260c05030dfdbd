package dev.massbt.datasets.ingest;

import dev.massbt.datasets.bars.TickAggregator;
import dev.massbt.datasets.error.DataFileException;
import dev.massbt.datasets.error.DatasetErrors;
import dev.massbt.datasets.error.IngestException;
import dev.massbt.datasets.read.BarFormat;
import dev.massbt.datasets.read.BarReader;
import dev.massbt.datasets.read.BarRow;
import dev.massbt.datasets.read.LineWindow;
import dev.massbt.datasets.read.TradeFormat;
import dev.massbt.datasets.read.TradeReader;
import dev.massbt.datasets.read.TradeRow;
import dev.massbt.datasets.table.PartitionValues;
import dev.massbt.datasets.validate.IngestReport;
import dev.massbt.datasets.validate.Observation;
import dev.massbt.datasets.validate.Quarantine;
import dev.massbt.datasets.validate.SessionCursor;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * Executor side of an ingest: reads the files of one partition (one file per task: gzip and zip
 * cannot be split) with the streaming readers and emits, in one pass, each accepted tick or bar,
 * each bar aggregated from the ticks, each rejected row, and finally one report row per file,
 * all {@link Tagged}. Rows are produced lazily as Spark pulls them: memory does not depend on the
 * file's size. A file that cannot be read as a whole fails the task with an
 * {@link IngestException} carrying the reader's message.
 *
 * <p>A local path is read in place. A URI ({@code hdfs:}, {@code s3a:}, {@code file:}) is first
 * copied to the task's local disk through Hadoop's file system with the broadcast driver
 * configuration ({@link LocalCopy}), read, and deleted once read or when the task ends; messages
 * name the URI, and rows the file name, as for a local path.
 *
 * <p>Usable without Spark for local paths: {@code new ParseFiles(spec).call(List.of(Piece.whole(path)).iterator())}.
 */
final class ParseFiles implements FlatMapFunction<Iterator<Piece>, Row> {

    private final ParseSpec spec;
    private final Broadcast<HadoopConf> hadoop;

    /** For local paths only. */
    ParseFiles(ParseSpec spec) {
        this(spec, null);
    }

    /** {@code hadoop}: the configuration URI inputs are opened with; null when every input is a local path. */
    ParseFiles(ParseSpec spec, Broadcast<HadoopConf> hadoop) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.hadoop = hadoop;
    }

    @Override
    public Iterator<Row> call(Iterator<Piece> paths) {
        FileRows rows = new FileRows(spec, paths, hadoop == null ? null : hadoop.value().get());
        TaskContext task = TaskContext.get();
        if (task != null) {
            task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) ctx -> rows.close());
        }
        return rows;
    }

    /** The rows of the files, one file after the other. */
    static final class FileRows implements Iterator<Row>, AutoCloseable {
        private final ParseSpec spec;
        private final Iterator<Piece> paths;
        private final Configuration hadoop;
        private final ArrayDeque<Row> pending = new ArrayDeque<>();
        private OneFile current;
        private LocalCopy copy;

        FileRows(ParseSpec spec, Iterator<Piece> paths, Configuration hadoop) {
            this.spec = spec;
            this.paths = paths;
            this.hadoop = hadoop;
        }

        @Override
        public boolean hasNext() {
            while (pending.isEmpty()) {
                if (current == null) {
                    if (!paths.hasNext()) {
                        return false;
                    }
                    current = open(paths.next());
                }
                try {
                    if (!current.step()) {
                        close();
                    }
                } catch (DataFileException e) {
                    String message = copy == null ? e.getMessage() : copy.reword(e.getMessage());
                    close();
                    throw DatasetErrors.unreadableInput(message);
                }
            }
            return true;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return pending.poll();
        }

        private OneFile open(Piece piece) {
            String location = piece.location();
            Path file;
            if (InputFiles.isUri(location)) {
                if (hadoop == null) {
                    throw new IllegalStateException("URI input " + location + " without a Hadoop configuration: "
                            + "this is a bug in massbt.");
                }
                copy = LocalCopy.of(location, hadoop);
                file = copy.path();
            } else {
                file = Path.of(location);
            }
            String symbol = spec.symbol(location);
            try {
                return spec.trades() ? new TradeFile(file, symbol, piece) : new BarFile(file, symbol);
            } catch (DataFileException e) {
                String message = copy == null ? e.getMessage() : copy.reword(e.getMessage());
                close();
                throw DatasetErrors.unreadableInput(message);
            }
        }

        /** Closes the file being read and deletes its local copy, if any. */
        @Override
        public void close() {
            if (current != null) {
                current.close();
                current = null;
            }
            if (copy != null) {
                copy.close();
                copy = null;
            }
        }

        private Quarantine quarantine(String symbol) {
            return Quarantine.to(r -> pending.add(Tagged.rejected(symbol, r, spec.runId(), spec.ingestedAtMicros())));
        }

        private interface OneFile extends AutoCloseable {
            /** Reads one row into {@code pending}; false once the file is done (its report queued). */
            boolean step();

            @Override
            void close();
        }

        /**
         * Ticks, and bars aggregated from them as each closes (per symbol, for a file with a symbol
         * column). For a piece of a large file: ticks of the lines it owns, and the bars whose first
         * trade is on one of them; the context before the window only brings the aggregator up to
         * date, and reading goes on past the window until the piece's last bar closes.
         */
        private final class TradeFile implements OneFile {
            private final TradeReader reader;
            private final String symbol;
            private final Piece piece;
            private final LineWindow window;
            private final Map<String, SymbolBars> bars = new HashMap<>();
            private final TreeSet<String> symbols = new TreeSet<>();
            private final TreeSet<String> dates = new TreeSet<>();
            private final TreeSet<String> months = new TreeSet<>();
            private long barCount;
            private final Map<String, TickBatch> batches = new HashMap<>();
            private long lastDay = Long.MIN_VALUE;
            private java.time.LocalDate lastDate;
            private boolean pastWindow;
            private String stateIn;
            private String stateOut;
            /** Null without a session; a trade outside it goes to ticks, flagged, and to no bar. */
            private final SessionCursor session = spec.rules().session() == null ? null
                    : spec.rules().session().cursor();
            private long outOfSession;

            TradeFile(Path file, String symbol, Piece piece) {
                this.symbol = symbol;
                this.piece = piece;
                this.window = piece.window();
                reader = TradeReader.open(file, (TradeFormat) spec.format(), spec.rules(), quarantine(symbol), window);
                if (!window.whole()) {
                    reader.onWindowEdge(line -> {
                        if (line == window.ownFrom()) {
                            stateIn = handoffState();
                        } else {
                            stateOut = handoffState();
                        }
                    });
                }
            }

            /** The reader's state and the bars': what the neighbouring piece must have had at this line. */
            private String handoffState() {
                SymbolBars b = bars.get(symbol);
                return reader.state() + ";" + (b == null ? "none" : b.aggregator.state());
            }

            /** One symbol's open bar: the aggregator and the line of the bar's first trade. */
            private final class SymbolBars {
                private final long bucketMillis = spec.timeframe().millis();
                private final TickAggregator aggregator;
                private boolean barOpen;
                private long openBucket;
                private long openLine;

                SymbolBars(String sym) {
                    String source = reader.source();
                    aggregator = TickAggregator.streaming(spec.timeframe(), (ts, o, h, l, c, v, vwap, buy, sell, n) -> {
                        if (window.owns(openLine)) {
                            pending.add(Tagged.aggregatedBar(sym, spec.timeframe(), ts, o, h, l, c, v, vwap, buy, sell,
                                    n, source, openLine));
                            months.add(PartitionValues.bucketOf(spec.timeframe(), ts));
                            barCount++;
                        }
                    });
                }

                void add(TradeRow t) {
                    long bucket = Math.floorDiv(t.tsMillis(), bucketMillis) * bucketMillis;
                    boolean opensBar = !barOpen || bucket > openBucket;
                    aggregator.add(t.tsMicros(), t.price(), t.size(), t.side()); // may close the previous bar first
                    if (opensBar) {
                        barOpen = true;
                        openBucket = bucket;
                        openLine = t.line();
                    }
                }

                /** Whether a trade past the window still belongs to the piece's last bar (same bucket, or late). */
                boolean joinsOwnedBar(TradeRow t) {
                    return barOpen && window.owns(openLine)
                            && Math.floorDiv(t.tsMillis(), bucketMillis) * bucketMillis <= openBucket;
                }
            }

            @Override
            public boolean step() {
                if (!pastWindow && reader.hasNext()) {
                    TradeRow t = reader.next();
                    String sym = t.symbol() != null ? t.symbol() : symbol;
                    if (symbols.add(sym)) {
                        bars.put(sym, new SymbolBars(sym));
                    }
                    boolean inSession = session == null || session.inSession(t.tsMicros());
                    SymbolBars b = bars.get(sym);
                    if (window.owns(t.line())) {
                        if (inSession) {
                            b.add(t);
                        } else {
                            outOfSession++;
                        }
                        emit(sym, t, session == null ? null : inSession);
                    } else if (!inSession) {
                        return true; // context, or past the window: in no bar, and it closes none
                    } else if (t.line() < window.ownFrom() || b.joinsOwnedBar(t)) {
                        b.add(t); // context, or the end of the piece's last bar: aggregated, not emitted
                    } else {
                        pastWindow = true; // the piece's last bar is complete
                    }
                    return true;
                }
                for (String s : symbols) {
                    bars.get(s).aggregator.flush();
                }
                batches.values().forEach(this::flush);
                IngestReport report = reader.report().observing(Observation.OUT_OF_SESSION, outOfSession);
                pending.add(Tagged.report(symbols.isEmpty() ? List.of(symbol) : symbols, report, reader.firstRejected(),
                        barCount, dates, months, piece, stateIn, stateOut));
                return false;
            }

            /** Into its symbol's batch; a full batch, or one of another date, goes out first. */
            private void emit(String sym, TradeRow t, Boolean inSession) {
                long day = Math.floorDiv(t.tsMicros(), 86_400_000_000L);
                if (day != lastDay) {
                    lastDay = day;
                    lastDate = PartitionValues.dateOfMicros(t.tsMicros());
                    dates.add(lastDate.toString());
                }
                TickBatch batch = batches.computeIfAbsent(sym, s -> new TickBatch(s, reader.source()));
                if (!batch.takes(lastDate)) {
                    flush(batch);
                    batch.restart(lastDate);
                }
                batch.add(t, inSession);
            }

            private void flush(TickBatch batch) {
                if (!batch.isEmpty()) {
                    pending.add(Tagged.ticks(batch)); // copies the arrays: the caller restarts the batch
                }
            }

            @Override
            public void close() {
                reader.close();
            }
        }

        /** Bars as read. */
        private final class BarFile implements OneFile {
            private final BarReader reader;
            private final String symbol;
            private final TreeSet<String> symbols = new TreeSet<>();
            private final TreeSet<String> months = new TreeSet<>();
            private long lastMonthStart = Long.MIN_VALUE;
            private long lastMonthEnd = Long.MIN_VALUE;

            BarFile(Path file, String symbol) {
                this.symbol = symbol;
                reader = BarReader.open(file, (BarFormat) spec.format(), spec.timeframe(), quarantine(symbol));
            }

            @Override
            public boolean step() {
                if (reader.hasNext()) {
                    BarRow b = reader.next();
                    if (b.tsMillis() < lastMonthStart || b.tsMillis() >= lastMonthEnd) {
                        java.time.LocalDate d = java.time.LocalDate.ofEpochDay(Math.floorDiv(b.tsMillis(), 86_400_000L))
                                .withDayOfMonth(1);
                        lastMonthStart = d.toEpochDay() * 86_400_000L;
                        lastMonthEnd = d.plusMonths(1).toEpochDay() * 86_400_000L;
                        months.add(PartitionValues.bucketOf(spec.timeframe(), b.tsMillis()));
                    }
                    String sym = b.symbol() != null ? b.symbol() : symbol;
                    symbols.add(sym);
                    pending.add(Tagged.bar(sym, spec.timeframe(), b));
                    return true;
                }
                IngestReport report = reader.report();
                pending.add(Tagged.report(symbols.isEmpty() ? List.of(symbol) : symbols, report, reader.firstRejected(),
                        report.accepted(), new TreeSet<>(), months, Piece.whole(reader.source()), null, null));
                return false;
            }

            @Override
            public void close() {
                reader.close();
            }
        }
    }
}

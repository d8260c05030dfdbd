package dev.massbt.datasets.ingest;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import dev.massbt.datasets.validate.SymbolName;
import dev.massbt.datasets.error.DatasetErrors;
import dev.massbt.datasets.error.IngestException;
import dev.massbt.datasets.read.BarFormat;
import dev.massbt.datasets.read.RowFormat;
import dev.massbt.datasets.read.TradeFormat;
import dev.massbt.datasets.run.RunId;
import dev.massbt.datasets.run.Steps;
import dev.massbt.datasets.table.PartitionValues;
import dev.massbt.datasets.table.Table;
import dev.massbt.datasets.table.Warehouse;
import dev.massbt.datasets.validate.IngestReport;
import dev.massbt.datasets.validate.ValidationRules;
import dev.massbt.strategies.timeframe.Timeframe;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Ingests trade or bar files of one symbol into the Delta tables of a {@link Warehouse}: trades
 * into {@code ticks} (partitioned by symbol, date) and, aggregated in the same pass, into
 * {@code bars} (symbol, month); bar files straight into {@code bars}; every rejected row into
 * {@code quarantine} with its reason; one row per file into {@code ingests} with the counts and
 * the versions written.
 *
 * <pre>{@code
 * IngestResult r = IngestAction.on(spark)
 *         .warehouse(Warehouse.at("s3a://bucket/massbt"))
 *         .trades(TradeFormat.BITSTAMP).symbol("BTCUSD")
 *         .input(Path.of("bitstamp-2013-11.csv.gz"))
 *         .execute();
 * }</pre>
 *
 * <p><b>One pass, one task per file or piece.</b> Files are parsed in Spark tasks by
 * {@link ParseFiles} with the streaming readers, one task per file (gzip and zip cannot be
 * split), except that a large plain trades file is cut into pieces read in parallel, each exactly
 * as a reader of the whole file would read it ({@link FilePieces}); the tagged output (ticks in
 * batches) is persisted once and every table is written from it.
 *
 * <p><b>Nothing is written unless every file reads.</b> All files are parsed and the counts
 * reconciled (read = accepted + rejected, per file and against the rows produced) before the
 * first write; a file that cannot be read fails the run with an {@link IngestException} naming it.
 *
 * <p><b>Idempotent.</b> Each table is written by a Delta MERGE that inserts only rows whose key
 * (see {@link Table#keyColumns()}) is not there yet, pruned to the partitions the files touch:
 * re-ingesting a file inserts nothing. Rows are identified by their lineage (source file name,
 * line), so the same file under another directory, or read through a URI, is the same source.
 *
 * <p><b>Consistency across tables.</b> Delta commits are atomic per table, and Delta has no
 * transaction spanning several path-based tables, so a run makes four commits, always in this
 * order: {@code quarantine}, {@code ticks}, {@code bars}, {@code ingests} (a table with nothing to
 * write is skipped). The {@code ingests} rows, written last, are the record that a run completed;
 * they hold the versions of the other tables that the run wrote. A run that dies between two
 * commits leaves the earlier tables written and no {@code ingests} row: running it again (same
 * files, any run id) completes it, because every MERGE inserts only what is missing. Readers
 * never see a half-written table, but may see {@code ticks} ahead of {@code bars} while a run is
 * in progress; a reader that needs the tables to agree pins their versions (time travel, as
 * {@link dev.massbt.datasets.table.TableVersion} does for bars), e.g. those an {@code ingests}
 * row records.
 *
 * <p><b>Inputs</b> are local paths, read in place by the task (every executor must see them: a
 * shared file system on a cluster), or {@code hdfs:}, {@code s3a:} or {@code file:} URIs, which a
 * task copies to its local disk through Hadoop's file system (zip needs random access), reads,
 * and deletes. The Hadoop configuration is the session's, {@code spark.hadoop.*} included,
 * broadcast from the driver.
 */
public final class IngestAction {

    private static final Logger LOG = LoggerFactory.getLogger(IngestAction.class);

    /** A file must have at least this share of its rows accepted, or the run is refused. */
    public static final double DEFAULT_MIN_ACCEPTED = 0.5;

    private final SparkSession spark;
    private final List<String> inputs = new ArrayList<>();
    private Warehouse warehouse;
    private RowFormat format;
    private String symbol;
    private boolean symbolsFromFileNames;
    private double minAccepted = DEFAULT_MIN_ACCEPTED;
    private RunId runId;
    private Timeframe timeframe = Timeframe.M1;
    private ValidationRules rules = ValidationRules.DEFAULT;
    private long pieceBytes = FilePieces.PIECE_BYTES;
    private long contextBytes = FilePieces.CONTEXT_BYTES;

    private IngestAction(SparkSession spark) {
        this.spark = Objects.requireNonNull(spark, "spark");
    }

    public static IngestAction on(SparkSession spark) {
        return new IngestAction(spark);
    }

    public IngestAction warehouse(Warehouse w) {
        this.warehouse = Objects.requireNonNull(w, "warehouse");
        return this;
    }

    /** Adds an input file: a local path that every executor can read, read in place. */
    public IngestAction input(Path file) {
        inputs.add(Objects.requireNonNull(file, "file").toAbsolutePath().normalize().toString());
        return this;
    }

    /**
     * Adds an input file given as a local path (read in place, so every executor must see it) or
     * as a {@code hdfs:}, {@code s3a:} or {@code file:} URI (read through Hadoop's file system
     * with the session's Hadoop configuration, {@code spark.hadoop.*} included).
     *
     * @throws IngestException for another scheme, with the accepted ones
     */
    public IngestAction input(String file) {
        inputs.add(InputFiles.normalise(Objects.requireNonNull(file, "file")));
        return this;
    }

    public IngestAction inputs(Collection<Path> files) {
        files.forEach(this::input);
        return this;
    }

    /** The files are trades in {@code f}: they go to {@code ticks} and, aggregated, to {@code bars}. */
    public IngestAction trades(TradeFormat f) {
        this.format = Objects.requireNonNull(f, "format");
        return this;
    }

    /** The files are bars in {@code f}: they go to {@code bars}. */
    public IngestAction bars(BarFormat f) {
        this.format = Objects.requireNonNull(f, "format");
        return this;
    }

    /** Timeframe of the bar files, or that trades are aggregated to. Default: 1m. */
    public IngestAction timeframe(Timeframe tf) {
        this.timeframe = Objects.requireNonNull(tf, "timeframe");
        return this;
    }

    /** The symbol every row of the files belongs to: upper case, digits, {@code . _ -}, up to 32 ({@link SymbolName}). */
    public IngestAction symbol(String s) {
        this.symbol = Objects.requireNonNull(s, "symbol");
        return this;
    }

    /**
     * Each file's symbol is its name without extensions, in upper case ({@code aapl.us.txt} is
     * {@code AAPL.US}, see {@link SymbolName#fromFileName}); instead of {@link #symbol}.
     */
    public IngestAction symbolsFromFileNames() {
        this.symbolsFromFileNames = true;
        return this;
    }

    /**
     * The least share of a file's rows that must be accepted (default 0.5): a file below it, or
     * with no row accepted at all, is not data in this format and fails the run before anything
     * is written, naming the file, its top reasons and its first rejected line.
     *
     * @throws IngestException unless {@code 0 <= share <= 1}
     */
    public IngestAction minAccepted(double share) {
        if (!(share >= 0 && share <= 1)) {
            throw DatasetErrors.minAccepted(share);
        }
        this.minAccepted = share;
        return this;
    }

    /**
     * The run's id (default: a random UUID); re-running with the same id replaces its ingests rows.
     *
     * @throws dev.massbt.strategies.error.UserException when it is not a valid run id ({@link RunId})
     */
    public IngestAction runId(String id) {
        this.runId = RunId.of(Objects.requireNonNull(id, "runId"));
        return this;
    }

    /** How large plain trade files are cut ({@link FilePieces}); for tests, which need small pieces. */
    IngestAction pieces(long bytes, long context) {
        this.pieceBytes = bytes;
        this.contextBytes = context;
        return this;
    }

    public IngestAction rules(ValidationRules r) {
        this.rules = Objects.requireNonNull(r, "rules");
        return this;
    }

    /**
     * Runs the ingest.
     *
     * @throws IngestException when the configuration is incomplete or an input file cannot be
     *                         read; nothing has been written then
     */
    public IngestResult execute() {
        List<String> files = checkConfiguration();
        Map<String, String> symbols = symbols(files);
        String who = format.symbolsInRows() ? "the symbols their rows name"
                : new TreeSet<>(symbols.values()).size() == 1 ? symbols.values().iterator().next()
                : new TreeSet<>(symbols.values()).size() + " symbols";
        String run = runId != null ? runId.value() : UUID.randomUUID().toString();
        long startNanos = System.nanoTime();
        Instant now = Instant.now();
        long nowMicros = Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000L), now.getNano() / 1000);
        ParseSpec spec = new ParseSpec(symbols, format, timeframe, rules, run, nowMicros);
        Steps steps = Steps.of(spark.sparkContext(), "ingest", run);
        ParsedFiles parsed = null;
        Broadcast<HadoopConf> hadoop = null;
        try {
            LOG.info("ingest {}: reading {} file(s) of {} as {} into {}", run, files.size(), who, format.name(),
                    warehouse);
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            if (files.stream().anyMatch(InputFiles::isUri)) {
                hadoop = jsc.broadcast(new HadoopConf(spark.sessionState().newHadoopConf()));
            }
            Broadcast<HadoopConf> conf = hadoop;
            parsed = steps.run("read", "read and validate " + files.size() + " file(s) of " + who,
                    () -> ParsedFiles.parse(spark, jsc, FilePieces.plan(jsc, files, spec, pieceBytes, contextBytes),
                            files.size(), spec, conf));
            ParsedFiles p = parsed;
            p.log(run);
            p.refuseWhatIsNotData(minAccepted);
            if (files.size() > 1 && p.bars > 0) {
                steps.run("overlap", "check that the files' bars do not overlap", () -> checkNoOverlap(p.payload(Tagged.BAR)));
            }
            IngestResult result = write(steps, run, p, now, startNanos);
            LOG.info("{}", result.summary());
            return result;
        } catch (Exception e) {
            throw failure(run, e);
        } finally {
            if (parsed != null) {
                parsed.unpersist(); // blocking: a session stopped right after must not race the removal
            }
            if (hadoop != null) {
                hadoop.destroy();
            }
        }
    }

    /** The tables in their fixed order (quarantine, ticks, bars, ingests), each one commit. */
    private IngestResult write(Steps steps, String run, ParsedFiles p, Instant now, long startNanos) {
        DeltaWrites writes = new DeltaWrites(spark, warehouse);
        Map<Table, Long> inserted = new EnumMap<>(Table.class);
        Map<Table, Long> versions = new EnumMap<>(Table.class);
        long rejected = p.produced(Tagged.REJECTED);
        if (rejected > 0) {
            Set<String> keys = new TreeSet<>();
            p.reports.forEach(r -> keys.add(PartitionValues.sourceKey(r.source())));
            steps.run("quarantine", "quarantine " + rejected + " rejected rows", () -> insertNew(writes, Table.QUARANTINE,
                    p.payload(Tagged.REJECTED), col("t.source_key").isin(keys.toArray()), inserted, versions));
        }
        Column ofSymbols = col("t.symbol").isin(p.symbols.toArray());
        String who = p.symbols.size() == 1 ? p.symbols.iterator().next() : p.symbols.size() + " symbols";
        if (format instanceof TradeFormat && p.produced(Tagged.TICK) > 0) {
            Object[] days = p.dates.stream().map(LocalDate::parse).toArray();
            steps.run("ticks", "write " + p.produced(Tagged.TICK) + " ticks of " + who + " (" + p.dates.size() + " days)",
                    () -> insertNew(writes, Table.TICKS, p.payload(Tagged.TICK),
                            ofSymbols.and(col("t.date").isin(days)), inserted, versions));
        }
        if (p.bars > 0) {
            steps.run("bars", "write " + p.bars + " " + timeframe + " bars of " + who + " (" + p.months.size()
                    + " months)", () -> insertNew(writes, Table.BARS, p.payload(Tagged.BAR),
                    ofSymbols.and(col("t.timeframe").equalTo(lit(timeframe.label())))
                            .and(col("t.month").isin(p.months.toArray())), inserted, versions));
        }
        steps.run("ingests", "record the run in ingests", () -> writeIngests(writes, run, p, versions, now));
        return new IngestResult(run, List.copyOf(p.symbols), p.reports, p.bars, inserted, versions,
                (System.nanoTime() - startNanos) / 1_000_000L);
    }

    private List<String> checkConfiguration() {
        if (warehouse == null) {
            throw DatasetErrors.missingSetting("no warehouse", "Call warehouse(Warehouse.at(dir or URI)).");
        }
        if (format == null) {
            throw DatasetErrors.missingSetting("no input format", "Call trades(TradeFormat...) or bars(BarFormat...).");
        }
        if (symbolsFromFileNames && symbol != null) {
            throw DatasetErrors.symbolTwice("the symbol " + symbol, "file names");
        }
        if (format.symbolsInRows() && (symbol != null || symbolsFromFileNames)) {
            throw DatasetErrors.symbolTwice("a symbol column", symbol != null ? "the symbol " + symbol : "file names");
        }
        if (!symbolsFromFileNames && !format.symbolsInRows() && (symbol == null || !SymbolName.valid(symbol))) {
            throw DatasetErrors.badSymbol(symbol);
        }
        if (inputs.isEmpty()) {
            throw DatasetErrors.missingSetting("no input files", "Call input(path) for each file.");
        }
        if (rules.session() != null && !(format instanceof TradeFormat)) {
            throw DatasetErrors.sessionNeedsTrades(format.name(), rules.session());
        }
        List<String> files = new ArrayList<>(new LinkedHashSet<>(inputs));
        Map<String, String> byName = new HashMap<>();
        for (String f : files) {
            String name = InputFiles.fileName(f);
            String other = byName.putIfAbsent(name, f);
            if (other != null) {
                throw DatasetErrors.sameFileName(f, other, name);
            }
        }
        return files;
    }

    /** The symbol of each file: the one given, or each file's name made a symbol. */
    private Map<String, String> symbols(List<String> files) {
        Map<String, String> symbols = new LinkedHashMap<>();
        for (String f : files) {
            String name = InputFiles.fileName(f);
            symbols.put(f, format.symbolsInRows() ? ParseSpec.IN_ROWS : symbolsFromFileNames
                    ? SymbolName.fromFileName(name).orElseThrow(() -> DatasetErrors.symbolFromFileName(f, name)) : symbol);
        }
        return symbols;
    }

    /**
     * Two files of one run must not give a bar for the same time (overlapping exports, or trade
     * files cut inside a minute): the MERGE would insert both. Checked before anything is written.
     */
    private void checkNoOverlap(Dataset<Row> bars) {
        List<Row> clash = bars.groupBy(col("symbol"), col("ts")).agg(count(lit(1)).as("n"), array_sort(collect_set(col("source")))
                        .as("sources"))
                .where(col("n").gt(1)).orderBy(col("ts")).limit(1).collectAsList();
        if (!clash.isEmpty()) {
            Row c = clash.get(0);
            throw DatasetErrors.overlappingBars(c.getString(0), c.getList(3), timeframe, c.getTimestamp(1).toInstant());
        }
    }

    private static void insertNew(DeltaWrites writes, Table table, Dataset<Row> rows, Column prune,
                                  Map<Table, Long> inserted, Map<Table, Long> versions) {
        DeltaWrites.Written w = writes.insertNew(table, rows, prune);
        inserted.put(table, w.inserted());
        versions.put(table, w.version());
    }

    private void writeIngests(DeltaWrites writes, String run, ParsedFiles p, Map<Table, Long> versions, Instant at) {
        List<Row> rows = new ArrayList<>();
        for (ParsedFiles.ParsedFile f : p.files) {
            IngestReport r = f.report();
            Map<String, Long> rejected = new LinkedHashMap<>();
            r.rejected().forEach((k, v) -> rejected.put(k.code(), v));
            Map<String, Long> observations = new LinkedHashMap<>();
            r.observations().forEach((k, v) -> observations.put(k.code(), v));
            rows.add(RowFactory.create(run, r.source(), f.symbol(), format.name(), r.rowsRead(), r.accepted(),
                    r.rejectedTotal(), CollectionConverters.asScala(rejected), CollectionConverters.asScala(observations),
                    f.bars(), versions.get(Table.TICKS), versions.get(Table.BARS), versions.get(Table.QUARANTINE), at,
                    r.columns().isEmpty() ? null : r.columns()));
        }
        versions.put(Table.INGESTS, writes.upsert(Table.INGESTS, spark.createDataFrame(rows, Table.INGESTS.schema())));
    }

    /** The reader's message for a file that cannot be read (it names the file), else the error as is. */
    private static RuntimeException failure(String run, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IngestException ie) {
                return DatasetErrors.nothingWritten(run, ie.getMessage(), e);
            }
        }
        return e instanceof RuntimeException re ? re : new IllegalStateException("Ingest " + run + " failed: " + e, e);
    }
}

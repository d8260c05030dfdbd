package dev.massbt.datasets.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;

import dev.massbt.datasets.error.DatasetErrors;
import dev.massbt.datasets.read.TradeFormat;
import dev.massbt.datasets.validate.IngestReport;
import dev.massbt.datasets.validate.Observation;
import dev.massbt.datasets.validate.Reason;
import dev.massbt.datasets.validate.RejectedRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What parsing an ingest's files gave: the {@link Tagged} rows (persisted, read once), their
 * counts by tag, one report per file and the partitions the rows fall in, reconciled before
 * anything is written.
 */
final class ParsedFiles {

    /**
     * What one file gave.
     *
     * @param symbol        the symbol its rows belong to (several, comma-separated, for a file with a symbol column)
     * @param report        the reader's counts
     * @param bars          bars it gave (read, or aggregated from its trades)
     * @param firstRejected its first rejected row, or null
     */
    record ParsedFile(String symbol, IngestReport report, long bars, RejectedRow firstRejected) {
    }

    final Dataset<Row> tagged;
    final Map<String, Long> produced;
    final List<ParsedFile> files = new ArrayList<>();
    final List<IngestReport> reports = new ArrayList<>();
    final Set<String> symbols = new TreeSet<>();
    final Set<String> dates = new TreeSet<>();
    final Set<String> months = new TreeSet<>();
    long bars;

    private ParsedFiles(Dataset<Row> tagged, Map<String, Long> produced, List<Row> reportRows) {
        this.tagged = tagged;
        this.produced = produced;
        for (List<Row> pieces : bySource(reportRows).values()) {
            IngestReport report = null;
            RejectedRow first = null;
            Set<String> fileSymbols = new TreeSet<>();
            long fileBars = 0;
            for (Row r : pieces) {
                IngestReport piece = report(r);
                report = report == null ? piece : report.plus(piece);
                first = first != null ? first : firstRejected(piece.source(), r);
                fileSymbols.addAll(r.getList(r.fieldIndex("symbols")));
                fileBars += r.getLong(r.fieldIndex("bars"));
                dates.addAll(r.getList(r.fieldIndex("dates")));
                months.addAll(r.getList(r.fieldIndex("months")));
            }
            files.add(new ParsedFile(String.join(",", fileSymbols), report, fileBars, first));
            reports.add(report);
            symbols.addAll(fileSymbols);
            bars += fileBars;
        }
    }

    /**
     * The pieces parsed in one task each, persisted once, their counts reconciled. A file read in
     * pieces whose piece did not start in the state its predecessor ended in (its context was too
     * short to catch up with the file: a long run of late or rejected rows at the cut) is read
     * again whole, so the result is always what one reader of the whole file gives.
     */
    static ParsedFiles parse(SparkSession spark, JavaSparkContext jsc, List<Piece> pieces, int fileCount,
                             ParseSpec spec, Broadcast<HadoopConf> hadoop) {
        Dataset<Row> tagged = parseAll(spark, jsc, pieces, spec, hadoop).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            List<Row> reportRows = reportRows(tagged);
            Map<String, String> again = brokenHandoffs(reportRows, pieces);
            if (!again.isEmpty()) {
                Column source = coalesce(col("tick.source"), col("bar.source"), col("rejected.source"), col("report.source"));
                Dataset<Row> kept = tagged.where(not(source.isin(again.keySet().toArray())));
                Dataset<Row> whole = parseAll(spark, jsc, again.values().stream().map(Piece::whole).toList(), spec, hadoop);
                Dataset<Row> first = tagged;
                tagged = kept.union(whole).persist(StorageLevel.MEMORY_AND_DISK());
                reportRows = reportRows(tagged);
                first.unpersist(true);
            }
            ParsedFiles p = new ParsedFiles(tagged, countByTag(tagged), reportRows);
            p.reconcile(fileCount, spec.format() instanceof TradeFormat);
            return p;
        } catch (Exception e) { // Spark's job failures are checked SparkExceptions, thrown unchecked
            // blocking: waits for the job's other tasks to end, which delete their local copies
            tagged.unpersist(true);
            throw e;
        }
    }

    private static Dataset<Row> parseAll(SparkSession spark, JavaSparkContext jsc, List<Piece> pieces, ParseSpec spec,
                                         Broadcast<HadoopConf> hadoop) {
        JavaRDD<Row> rows = jsc.parallelize(pieces, pieces.size()).mapPartitions(new ParseFiles(spec, hadoop));
        return spark.createDataFrame(rows, Tagged.SCHEMA);
    }

    private static List<Row> reportRows(Dataset<Row> tagged) {
        return tagged.where(col("tag").equalTo(Tagged.REPORT)).select("report.*").collectAsList();
    }

    private static String clip(String state) {
        return state == null || state.length() <= 60 ? state : state.substring(0, 57) + "...";
    }

    /** Each file's report rows, in piece order. */
    private static Map<String, List<Row>> bySource(List<Row> reportRows) {
        Map<String, List<Row>> bySource = new LinkedHashMap<>();
        for (Row r : reportRows) {
            bySource.computeIfAbsent(r.getString(r.fieldIndex("source")), k -> new ArrayList<>()).add(r);
        }
        bySource.values().forEach(l -> l.sort(Comparator.comparingInt(r -> r.getInt(r.fieldIndex("piece")))));
        return bySource;
    }

    /** The files (source name to location) read in pieces where a piece began in another state than its predecessor ended in. */
    private static Map<String, String> brokenHandoffs(List<Row> reportRows, List<Piece> pieces) {
        Map<String, String> locations = new HashMap<>();
        pieces.stream().filter(p -> p.count() > 1)
                .forEach(p -> locations.put(InputFiles.fileName(p.location()), p.location()));
        Map<String, String> broken = new TreeMap<>();
        bySource(reportRows).forEach((source, rows) -> {
            for (int i = 1; i < rows.size(); i++) {
                String out = rows.get(i - 1).getString(rows.get(i - 1).fieldIndex("state_out"));
                String in = rows.get(i).getString(rows.get(i).fieldIndex("state_in"));
                if (!Objects.equals(out, in)) {
                    LOG.warn("{}: piece {} of {} did not catch up with the file in its context (it began in state {} "
                            + "where piece {} ended in {}); reading the file whole", source, i + 1, rows.size(),
                            clip(in), i, clip(out));
                    broken.put(source, locations.get(source));
                    break;
                }
            }
        });
        return broken;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ParsedFiles.class);
    private static final int FILES_LOGGED = 10;

    /** Each file's report, the first {@value #FILES_LOGGED} of a large run (the ingests table has every one). */
    void log(String run) {
        reports.stream().limit(FILES_LOGGED).forEach(r -> LOG.info("ingest {}: {}", run, r.summary()));
        if (reports.size() > FILES_LOGGED) {
            LOG.info("ingest {}: ... and {} more files (each in the ingests table)", run, reports.size() - FILES_LOGGED);
        }
    }

    /**
     * A file with no row accepted, or fewer than {@code minAccepted} of its rows, is not data
     * in this format (a wrong --format, an error page saved as CSV): the run fails before any
     * write, with the file, its top reasons and its first rejected line.
     */
    void refuseWhatIsNotData(double minAccepted) {
        for (ParsedFile f : files) {
            IngestReport r = f.report();
            if (r.rowsRead() > 0 && (r.accepted() == 0 || r.accepted() < minAccepted * r.rowsRead())) {
                throw DatasetErrors.notData(r, f.firstRejected(), minAccepted, files.size());
            }
        }
    }

    long produced(String tag) {
        return produced.getOrDefault(tag, 0L);
    }

    /** The rows of one table: of {@code ticks}, {@code bars} or {@code quarantine}. */
    Dataset<Row> payload(String tag) {
        Dataset<Row> rows = tagged.where(col("tag").equalTo(tag)).select(tag + ".*");
        return tag.equals(Tagged.TICK) ? TickBatch.rows(rows) : rows;
    }

    /** Blocking: a session stopped right after must not race the block removal. */
    void unpersist() {
        tagged.unpersist(true);
    }

    /** The readers' counts must equal the rows the tasks produced: anything else is a bug, not bad data. */
    private void reconcile(int fileCount, boolean trades) {
        long accepted = reports.stream().mapToLong(IngestReport::accepted).sum();
        long rejected = reports.stream().mapToLong(IngestReport::rejectedTotal).sum();
        long acceptedRows = produced(trades ? Tagged.TICK : Tagged.BAR);
        if (reports.size() != fileCount || accepted != acceptedRows || rejected != produced(Tagged.REJECTED)
                || bars != produced(Tagged.BAR)) {
            throw new IllegalStateException("Ingest counts do not reconcile: " + fileCount + " files gave "
                    + reports.size() + " reports with " + accepted + " accepted, " + rejected + " rejected and "
                    + bars + " bars, but the tasks produced " + produced + ".");
        }
    }

    /** Rows produced by tag, the ticks in their batches counted one by one. */
    private static Map<String, Long> countByTag(Dataset<Row> tagged) {
        Map<String, Long> counts = new HashMap<>();
        for (Row r : tagged.groupBy("tag").agg(count(lit(1)), sum(size(col("tick.ts_us")))).collectAsList()) {
            counts.put(r.getString(0), r.getString(0).equals(Tagged.TICK) ? r.getLong(2) : r.getLong(1));
        }
        return counts;
    }

    private static IngestReport report(Row r) {
        Map<Reason, Long> rejected = new EnumMap<>(Reason.class);
        r.<String, Long>getJavaMap(r.fieldIndex("rejected"))
                .forEach((k, v) -> rejected.put(Reason.valueOf(k.toUpperCase(Locale.ROOT)), v));
        Map<Observation, Long> observations = new EnumMap<>(Observation.class);
        r.<String, Long>getJavaMap(r.fieldIndex("observations"))
                .forEach((k, v) -> observations.put(Observation.valueOf(k.toUpperCase(Locale.ROOT)), v));
        return new IngestReport(r.getString(r.fieldIndex("source")), r.getLong(r.fieldIndex("rows_read")),
                r.getLong(r.fieldIndex("accepted")), rejected, observations, r.getString(r.fieldIndex("columns")));
    }

    private static RejectedRow firstRejected(String source, Row r) {
        Row f = r.getStruct(r.fieldIndex("first_rejected"));
        return f == null ? null : new RejectedRow(source, f.getLong(0),  f.getString(3),
                Reason.valueOf(f.getString(1).toUpperCase(Locale.ROOT)), f.getString(2));
    }
}

package dev.massbt.datasets.ingest;

import dev.massbt.datasets.table.Table;
import dev.massbt.datasets.validate.IngestReport;
import dev.massbt.datasets.validate.Observation;
import dev.massbt.datasets.validate.Reason;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an ingest run did. Immutable.
 *
 * @param runId    the run's id (also in the ingests and quarantine tables)
 * @param symbols  the symbols the files belong to, sorted
 * @param files    one report per input file: read, accepted, rejected by reason, observations;
 *                 each reconciles (read = accepted + rejected)
 * @param bars     bars produced: read from bar files, or aggregated from the ticks
 * @param inserted rows newly inserted per table written: 0 when re-ingesting a file already in
 * @param versions the Delta version each written table is at after this run's commit
 * @param millis   wall time of the run
 */
public record IngestResult(String runId, List<String> symbols, List<IngestReport> files, long bars, Map<Table, Long> inserted,
                           Map<Table, Long> versions, long millis) {

    public IngestResult {
        Objects.requireNonNull(runId, "runId");
        symbols = List.copyOf(symbols);
        files = List.copyOf(files);
        inserted = Collections.unmodifiableMap(inserted.isEmpty() ? new EnumMap<>(Table.class) : new EnumMap<>(inserted));
        versions = Collections.unmodifiableMap(versions.isEmpty() ? new EnumMap<>(Table.class) : new EnumMap<>(versions));
    }

    public long rowsRead() {
        return files.stream().mapToLong(IngestReport::rowsRead).sum();
    }

    public long accepted() {
        return files.stream().mapToLong(IngestReport::accepted).sum();
    }

    public long rejected() {
        return files.stream().mapToLong(IngestReport::rejectedTotal).sum();
    }

    /** Rejections of all files by reason; reasons never seen are absent. */
    public Map<Reason, Long> rejectedByReason() {
        EnumMap<Reason, Long> all = new EnumMap<>(Reason.class);
        files.forEach(f -> f.rejected().forEach((k, v) -> all.merge(k, v, Long::sum)));
        return Collections.unmodifiableMap(all);
    }

    /** How many times all files together saw {@code o}, e.g. trades {@link Observation#OUT_OF_SESSION}. */
    public long observed(Observation o) {
        return files.stream().mapToLong(f -> f.observed(o)).sum();
    }

    /** Rows read per second of wall time: parsing, reconciling and every table write (not Spark start-up). */
    public double rowsPerSecond() {
        return millis == 0 ? 0 : rowsRead() * 1000.0 / millis;
    }

    /** One line for logs and the console. */
    public String summary() {
        StringBuilder sb = new StringBuilder("ingest ").append(runId).append(": ").append(files.size())
                .append(files.size() == 1 ? " file, " : " files, ").append(rowsRead()).append(" read, ")
                .append(accepted()).append(" accepted, ").append(rejected()).append(" rejected");
        Map<Reason, Long> reasons = rejectedByReason();
        if (!reasons.isEmpty()) {
            sb.append(' ').append(reasons.toString().toLowerCase(java.util.Locale.ROOT));
        }
        if (observed(Observation.OUT_OF_SESSION) > 0) {
            sb.append(", ").append(observed(Observation.OUT_OF_SESSION)).append(" accepted out of session (no bars)");
        }
        sb.append(", ").append(bars).append(" bars; inserted ").append(codes(inserted)).append(", versions ")
                .append(codes(versions)).append("; ").append(millis).append(" ms (")
                .append(Math.round(rowsPerSecond())).append(" rows/s)");
        return sb.toString();
    }

    private static String codes(Map<Table, Long> m) {
        StringBuilder sb = new StringBuilder("{");
        m.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(k.tableName()).append('=').append(v));
        return sb.append('}').toString();
    }
}

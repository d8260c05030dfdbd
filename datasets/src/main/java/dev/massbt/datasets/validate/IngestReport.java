package dev.massbt.datasets.validate;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What reading one file gave: data rows read (every line after the header, blank ones
 * included), accepted, rejected by reason, observations on the accepted rows, and what the
 * format says once about the file's columns ({@code columns}: the mapping from its header and
 * the columns ignored; empty for a fixed format).
 * {@code rowsRead == accepted + rejected} always holds: a report that does not reconcile
 * cannot be built.
 */
public record IngestReport(String source, long rowsRead, long accepted, Map<Reason, Long> rejected,
                           Map<Observation, Long> observations, String columns) {

    public IngestReport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(columns, "columns");
        rejected = Collections.unmodifiableMap(rejected.isEmpty() ? new EnumMap<>(Reason.class) : new EnumMap<>(rejected));
        observations = Collections.unmodifiableMap(
                observations.isEmpty() ? new EnumMap<>(Observation.class) : new EnumMap<>(observations));
        long rejectedTotal = rejected.values().stream().mapToLong(Long::longValue).sum();
        if (rowsRead != accepted + rejectedTotal) {
            throw new IllegalStateException(source + ": " + rowsRead + " rows read but " + accepted + " accepted + "
                    + rejectedTotal + " rejected; every row must be accepted or quarantined");
        }
    }

    /** A report of a file whose format says nothing about its columns. */
    public IngestReport(String source, long rowsRead, long accepted, Map<Reason, Long> rejected,
                        Map<Observation, Long> observations) {
        this(source, rowsRead, accepted, rejected, observations, "");
    }

    /** This report and {@code other}'s counts together: the pieces of a file read in pieces, in order. */
    public IngestReport plus(IngestReport other) {
        EnumMap<Reason, Long> r = new EnumMap<>(Reason.class);
        r.putAll(rejected);
        other.rejected.forEach((k, v) -> r.merge(k, v, Long::sum));
        EnumMap<Observation, Long> o = new EnumMap<>(Observation.class);
        o.putAll(observations);
        other.observations.forEach((k, v) -> o.merge(k, v, Long::sum));
        return new IngestReport(source, rowsRead + other.rowsRead, accepted + other.accepted, r, o, columns);
    }

    public long rejectedTotal() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }

    public long rejected(Reason reason) {
        return rejected.getOrDefault(reason, 0L);
    }

    public long observed(Observation observation) {
        return observations.getOrDefault(observation, 0L);
    }

    /** This report with {@code n} more of {@code observation}; itself when {@code n} is 0. */
    public IngestReport observing(Observation observation, long n) {
        if (n == 0) {
            return this;
        }
        Map<Observation, Long> more = new EnumMap<>(Observation.class);
        more.putAll(observations);
        more.merge(observation, n, Long::sum);
        return new IngestReport(source, rowsRead, accepted, rejected, more, columns);
    }

    /** One line for logs: {@code file: 10 read, 8 accepted, 2 rejected {zero_size=2}, observed {...}}. */
    public String summary() {
        StringBuilder sb = new StringBuilder(source).append(": ").append(rowsRead).append(" read, ").append(accepted)
                .append(" accepted, ").append(rejectedTotal()).append(" rejected");
        if (!rejected.isEmpty()) {
            sb.append(' ').append(codes(rejected));
        }
        if (!observations.isEmpty()) {
            sb.append(", observed ").append(codes(observations));
        }
        if (!columns.isEmpty()) {
            sb.append("; columns ").append(columns);
        }
        return sb.toString();
    }

    private static String codes(Map<? extends Enum<?>, Long> counts) {
        StringBuilder sb = new StringBuilder("{");
        counts.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(k.name().toLowerCase(java.util.Locale.ROOT))
                .append('=').append(v));
        return sb.append('}').toString();
    }
}

package dev.massbt.datasets.validate;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What reading one file gave: data rows read (every line after the header, blank ones
 * included), accepted, rejected by reason, and observations on the accepted rows.
 * {@code rowsRead == accepted + rejected} always holds: a report that does not reconcile
 * cannot be built.
 */
public record IngestReport(String source, long rowsRead, long accepted, Map<Reason, Long> rejected,
                           Map<Observation, Long> observations) {

    public IngestReport {
        Objects.requireNonNull(source, "source");
        rejected = Collections.unmodifiableMap(rejected.isEmpty() ? new EnumMap<>(Reason.class) : new EnumMap<>(rejected));
        observations = Collections.unmodifiableMap(
                observations.isEmpty() ? new EnumMap<>(Observation.class) : new EnumMap<>(observations));
        long rejectedTotal = rejected.values().stream().mapToLong(Long::longValue).sum();
        if (rowsRead != accepted + rejectedTotal) {
            throw new IllegalStateException(source + ": " + rowsRead + " rows read but " + accepted + " accepted + "
                    + rejectedTotal + " rejected; every row must be accepted or quarantined");
        }
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
        return sb.toString();
    }

    private static String codes(Map<? extends Enum<?>, Long> counts) {
        StringBuilder sb = new StringBuilder("{");
        counts.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(k.name().toLowerCase(java.util.Locale.ROOT))
                .append('=').append(v));
        return sb.append('}').toString();
    }
}

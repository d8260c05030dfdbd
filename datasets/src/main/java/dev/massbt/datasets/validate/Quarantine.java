package dev.massbt.datasets.validate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where rejected rows go. Every rejection is counted by reason and handed to the sink (the
 * quarantine table later); the first {@code keep} rows are also kept in memory for reports and
 * tests, so memory stays bounded however many rows a file rejects. Not thread-safe: one per
 * reader (or per task).
 */
public final class Quarantine {

    private final Consumer<RejectedRow> sink;
    private final int keep;
    private final EnumMap<Reason, Long> counts = new EnumMap<>(Reason.class);
    private final List<RejectedRow> kept = new ArrayList<>();
    private long total;

    private Quarantine(Consumer<RejectedRow> sink, int keep) {
        this.sink = Objects.requireNonNull(sink, "sink");
        if (keep < 0) {
            throw new IllegalArgumentException("keep must be >= 0, got " + keep);
        }
        this.keep = keep;
    }

    /** Counts every rejection and keeps the first {@code keep} rows in memory. */
    public static Quarantine keepingFirst(int keep) {
        return new Quarantine(row -> { }, keep);
    }

    /** Counts every rejection and passes each to {@code sink}; keeps none in memory. */
    public static Quarantine to(Consumer<RejectedRow> sink) {
        return new Quarantine(sink, 0);
    }

    public void reject(RejectedRow row) {
        counts.merge(row.reason(), 1L, Long::sum);
        total++;
        if (kept.size() < keep) {
            kept.add(row);
        }
        sink.accept(row);
    }

    public long total() {
        return total;
    }

    public long count(Reason reason) {
        return counts.getOrDefault(reason, 0L);
    }

    /** Counts by reason; reasons never seen are absent. */
    public Map<Reason, Long> counts() {
        return Collections.unmodifiableMap(new EnumMap<>(counts));
    }

    /** The first rejected rows, up to the {@code keep} given at creation. */
    public List<RejectedRow> kept() {
        return List.copyOf(kept);
    }
}

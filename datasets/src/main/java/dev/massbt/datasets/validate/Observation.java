package dev.massbt.datasets.validate;

import java.util.Locale;

/**
 * Something worth knowing about accepted data that is not a reason to reject it. Counted in
 * the {@link IngestReport} so that a user sees it, never hidden.
 */
public enum Observation {
    /** An accepted bar with high == low (no price movement, often a stale quote). */
    ZERO_RANGE_BAR,
    /** An accepted bar with volume 0 (HistData M1 files carry no volume at all). */
    ZERO_VOLUME_BAR,
    /** A break of more than one interval between consecutive accepted bars (one per break). */
    GAP,
    /** Gaps longer than 24 hours (weekends, holidays), also counted in {@link #GAP}. */
    GAP_OVER_24H,
    /** Intervals missing inside all gaps together (a 3-minute break in 1-minute bars: 2). */
    MISSING_INTERVALS,
    /** A trade identical to the previous accepted one (same time, price, size), kept by policy. */
    IDENTICAL_CONSECUTIVE_TRADE,
    /** A trade earlier than already accepted trades but within the configured tolerance. */
    LATE_WITHIN_TOLERANCE,
    /** An accepted trade outside the ingest's session: in {@code ticks}, flagged, but in no bar. */
    OUT_OF_SESSION;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

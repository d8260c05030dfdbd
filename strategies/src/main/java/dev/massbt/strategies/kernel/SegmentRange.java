package dev.massbt.strategies.kernel;

import dev.massbt.strategies.bars.BarSeries;

/**
 * A segment as bar indices of one primary timeframe: bars {@code [from, to)}, the index of the
 * last bar of each UTC day in it ({@code dayEnd}) with that day ({@code epochDays}), and its
 * length in years (first open to last close).
 */
record SegmentRange(int from, int to, int[] dayEnd, long[] epochDays, double years) {

    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final double MILLIS_PER_YEAR = 365.25 * MILLIS_PER_DAY;

    static SegmentRange of(BarSeries bars, Segment seg) {
        int from = bars.indexAtOrAfter(seg.fromMillis());
        int to = bars.indexAtOrAfter(seg.toMillis());
        long[] ts = bars.ts();
        int days = 0;
        for (int i = from; i < to; i++) {
            if (i == to - 1 || Math.floorDiv(ts[i], MILLIS_PER_DAY) != Math.floorDiv(ts[i + 1], MILLIS_PER_DAY)) {
                days++;
            }
        }
        int[] dayEnd = new int[days];
        long[] epochDays = new long[days];
        int d = 0;
        for (int i = from; i < to; i++) {
            long day = Math.floorDiv(ts[i], MILLIS_PER_DAY);
            if (i == to - 1 || day != Math.floorDiv(ts[i + 1], MILLIS_PER_DAY)) {
                dayEnd[d] = i;
                epochDays[d++] = day;
            }
        }
        double years = to > from ? (bars.closeTime(to - 1) - ts[from]) / MILLIS_PER_YEAR : 0;
        return new SegmentRange(from, to, dayEnd, epochDays, years);
    }

    int bars() {
        return to - from;
    }

    int days() {
        return dayEnd.length;
    }
}

package dev.massbt.strategies.kernel;

import dev.massbt.strategies.bars.BarSeries;
import dev.massbt.strategies.format.IndicatorRef;
import dev.massbt.strategies.indicator.IndicatorType;
import dev.massbt.strategies.indicator.Indicators;
import dev.massbt.strategies.bars.Resampler;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Indicator outputs of one symbol, each computation (type, params, timeframe) done once and
 * shared by every condition of a chunk that reads it. Values of a higher timeframe are
 * aligned to the primary bars (the last closed higher bar, see {@link Resampler#align}).
 *
 * <p>Memory stays bounded however many distinct indicators a chunk uses: the caller
 * declares up front how many times each computation will be read ({@link #expect}); an
 * entry is dropped as soon as its last reader is done ({@link #done}), and beyond the byte
 * budget the least recently used entries not in use are dropped too (and recomputed if read
 * again). Dropped arrays go to a pool and are reused, so a chunk does not allocate (and the
 * JVM does not zero) a fresh 8 MB array per computation of a million bars.
 */
final class IndicatorCache {

    private final SeriesSource series;
    private final long budgetBytes;
    private final LinkedHashMap<String, double[][]> entries = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<String, Integer> pendingReads = new HashMap<>();
    private final Set<String> inUse = new HashSet<>();
    private final ArrayDeque<double[]> pool = new ArrayDeque<>();
    private int poolLength = -1;
    private long usedBytes;
    private int computations;

    IndicatorCache(SeriesSource series, long budgetBytes) {
        this.series = series;
        this.budgetBytes = budgetBytes;
    }

    static String key(BarSeries primary, IndicatorRef ref) {
        return primary.timeframe().label() + '|' + ref.computationKey();
    }

    /** Announces one future read of {@code ref} on {@code primary}. */
    void expect(BarSeries primary, IndicatorRef ref) {
        pendingReads.merge(key(primary, ref), 1, Integer::sum);
    }

    /**
     * The output {@code ref} names, one value per bar of {@code primary}. The array stays
     * valid until {@link #done} is called for this read.
     */
    double[] output(BarSeries primary, IndicatorRef ref) {
        String key = key(primary, ref);
        inUse.add(key);
        double[][] outputs = entries.get(key);
        if (outputs == null) {
            outputs = compute(primary, ref);
            entries.put(key, outputs);
            usedBytes += bytes(outputs);
            evictBeyondBudget();
        }
        return outputs[ref.type().outputIndex(ref.output())];
    }

    /** Ends one read announced by {@link #expect}; the last read frees the entry. */
    void done(BarSeries primary, IndicatorRef ref) {
        String key = key(primary, ref);
        inUse.remove(key);
        Integer left = pendingReads.merge(key, -1, Integer::sum);
        if (left != null && left <= 0) {
            pendingReads.remove(key);
            double[][] outputs = entries.remove(key);
            if (outputs != null) {
                release(outputs);
            }
        }
    }

    /** How many indicator computations ran (a measure of sharing). */
    int computations() {
        return computations;
    }

    private double[][] compute(BarSeries primary, IndicatorRef ref) {
        computations++;
        BarSeries source = ref.timeframe() == null ? primary : series.series(ref.timeframe());
        int outputs = ref.type().outputs().size();
        double[][] raw = new double[outputs][];
        for (int o = 0; o < outputs; o++) {
            raw[o] = source == primary ? borrow(primary.size()) : new double[source.size()];
        }
        compute(ref.type(), ref.paramValues(), source, raw);
        if (source == primary) {
            return raw;
        }
        int[] index = series.alignment(primary.timeframe(), ref.timeframe());
        double[][] aligned = new double[outputs][];
        for (int o = 0; o < outputs; o++) {
            aligned[o] = borrow(primary.size());
            Resampler.gather(raw[o], index, aligned[o]);
        }
        return aligned;
    }

    private double[] borrow(int length) {
        if (length != poolLength) {
            pool.clear();
            poolLength = length;
        }
        double[] a = pool.poll();
        return a != null ? a : new double[length];
    }

    private void release(double[][] outputs) {
        usedBytes -= bytes(outputs);
        for (double[] a : outputs) {
            if (a.length == poolLength) {
                pool.push(a);
            }
        }
    }

    private void evictBeyondBudget() {
        Iterator<Map.Entry<String, double[][]>> it = entries.entrySet().iterator();
        while (usedBytes > budgetBytes && it.hasNext()) {
            Map.Entry<String, double[][]> e = it.next();
            if (!inUse.contains(e.getKey())) {
                it.remove();
                release(e.getValue());
            }
        }
    }

    private static long bytes(double[][] outputs) {
        long b = 0;
        for (double[] o : outputs) {
            b += 8L * o.length;
        }
        return b;
    }

    /** {@link Indicators#compute} over a bar series. */
    static void compute(IndicatorType type, double[] p, BarSeries s, double[][] out) {
        Indicators.compute(type, p, s.high(), s.low(), s.close(), s.volume(), s.size(), out);
    }

    /** Where the cache gets higher-timeframe bars and their alignment from. */
    interface SeriesSource {
        BarSeries series(dev.massbt.strategies.timeframe.Timeframe tf);

        int[] alignment(dev.massbt.strategies.timeframe.Timeframe lower, dev.massbt.strategies.timeframe.Timeframe higher);
    }
}

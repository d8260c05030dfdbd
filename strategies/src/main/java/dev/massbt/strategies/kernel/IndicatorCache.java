package dev.massbt.strategies.kernel;

import dev.massbt.strategies.bars.BarSeries;
import dev.massbt.strategies.format.IndicatorRef;
import dev.massbt.strategies.indicator.IndicatorType;
import dev.massbt.strategies.indicator.Indicators;
import dev.massbt.strategies.timeframe.Resampler;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Indicator outputs of one symbol, each computation (type, params, timeframe) done once and
 * shared by every condition of a chunk that reads it. Values of a higher timeframe are
 * aligned to the primary bars (the last closed higher bar, see {@link Resampler#align}).
 * Least-recently-used computations are dropped beyond a byte budget and recomputed if
 * needed again, so memory stays bounded however many distinct indicators a chunk uses.
 */
final class IndicatorCache {

    private final SeriesSource series;
    private final long budgetBytes;
    private final LinkedHashMap<String, double[][]> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long usedBytes;
    private int computations;

    IndicatorCache(SeriesSource series, long budgetBytes) {
        this.series = series;
        this.budgetBytes = budgetBytes;
    }

    /** The output {@code ref} names, one value per bar of {@code primary}. */
    double[] output(BarSeries primary, IndicatorRef ref) {
        String key = primary.timeframe().label() + '|' + ref.computationKey();
        double[][] outputs = entries.get(key);
        if (outputs == null) {
            outputs = compute(primary, ref);
            entries.put(key, outputs);
            usedBytes += bytes(outputs);
            evictBeyondBudget(key);
        }
        return outputs[ref.type().outputIndex(ref.output())];
    }

    /** How many indicator computations ran (a measure of sharing). */
    int computations() {
        return computations;
    }

    private double[][] compute(BarSeries primary, IndicatorRef ref) {
        computations++;
        BarSeries source = ref.timeframe() == null ? primary : series.series(ref.timeframe());
        double[][] raw = new double[ref.type().outputs().size()][source.size()];
        compute(ref.type(), ref.paramValues(), source, raw);
        if (source == primary) {
            return raw;
        }
        int[] index = series.alignment(primary.timeframe(), ref.timeframe());
        double[][] aligned = new double[raw.length][primary.size()];
        for (int o = 0; o < raw.length; o++) {
            Resampler.gather(raw[o], index, aligned[o]);
        }
        return aligned;
    }

    private void evictBeyondBudget(String keep) {
        Iterator<Map.Entry<String, double[][]>> it = entries.entrySet().iterator();
        while (usedBytes > budgetBytes && it.hasNext()) {
            Map.Entry<String, double[][]> e = it.next();
            if (!e.getKey().equals(keep)) {
                usedBytes -= bytes(e.getValue());
                it.remove();
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

    /** Dispatch from the registry to the arithmetic; {@code out} has one array per output. */
    static void compute(IndicatorType type, double[] p, BarSeries s, double[][] out) {
        int n = s.size();
        double[] h = s.high();
        double[] l = s.low();
        double[] c = s.close();
        double[] v = s.volume();
        switch (type) {
            case SMA -> Indicators.sma(c, n, (int) p[0], out[0]);
            case EMA -> Indicators.ema(c, n, (int) p[0], out[0]);
            case WMA -> Indicators.wma(c, n, (int) p[0], out[0]);
            case RSI -> Indicators.rsi(c, n, (int) p[0], out[0]);
            case MACD -> Indicators.macd(c, n, (int) p[0], (int) p[1], (int) p[2], out[0], out[1], out[2]);
            case BOLLINGER -> Indicators.bollinger(c, n, (int) p[0], p[1], out[0], out[1], out[2], out[3]);
            case ATR -> Indicators.atr(h, l, c, n, (int) p[0], out[0]);
            case STOCHASTIC -> Indicators.stochastic(h, l, c, n, (int) p[0], (int) p[1], out[0], out[1]);
            case ROC -> Indicators.roc(c, n, (int) p[0], out[0]);
            case DONCHIAN -> Indicators.donchian(h, l, n, (int) p[0], out[0], out[1]);
            case CCI -> Indicators.cci(h, l, c, n, (int) p[0], out[0]);
            case ADX -> Indicators.adx(h, l, c, n, (int) p[0], out[0], out[1], out[2]);
            case OBV -> Indicators.obv(c, v, n, out[0]);
            case VWAP -> Indicators.vwap(h, l, c, v, n, (int) p[0], out[0]);
            case SMA_CROSS -> Indicators.smaCross(c, n, (int) p[0], (int) p[1], out[0]);
            case EMA_CROSS -> Indicators.emaCross(c, n, (int) p[0], (int) p[1], out[0]);
        }
    }

    /** Where the cache gets higher-timeframe bars and their alignment from. */
    interface SeriesSource {
        BarSeries series(dev.massbt.strategies.timeframe.Timeframe tf);

        int[] alignment(dev.massbt.strategies.timeframe.Timeframe lower, dev.massbt.strategies.timeframe.Timeframe higher);
    }
}

package dev.massbt.datasets.bars;

import dev.massbt.strategies.bars.BarSeries;

import dev.massbt.datasets.read.Side;
import dev.massbt.datasets.read.TradeRow;
import dev.massbt.strategies.timeframe.Timeframe;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Objects;

/**
 * Aggregates a time-ordered stream of trades into bars of one timeframe, streaming: one open bar
 * in memory, columns growing as bars close.
 *
 * <ul>
 *   <li>Buckets are aligned on the UTC epoch ({@link Timeframe#bucketStart(long)}); a bar's ts
 *       is its bucket's start. A trade at exactly a boundary opens the new bucket.</li>
 *   <li><b>Gaps</b>: a bucket with no trade produces <b>no bar</b>, no forward fill; the kernel
 *       and the resampler handle missing bars.</li>
 *   <li>Buy/sell volume by the <b>tick rule</b>: the trade's side when the data says it;
 *       otherwise a price above the previous trade's is a buy, below a sell, equal: the previous
 *       trade's classification. The very first trade of the stream with no side has no previous
 *       price and counts as a buy (a convention; it concerns one trade). The tick state carries
 *       across bars and gaps.</li>
 *   <li>VWAP = sum(price x size) / sum(size), both compensated (Kahan) sums, clamped into
 *       [low, high] against the last bit of rounding.</li>
 *   <li>A trade earlier than the open bucket (accepted as late within the validation tolerance)
 *       is added to the open bar, never to a closed one: bars are final once closed and stay in
 *       order.</li>
 * </ul>
 */
public final class TickAggregator {

    private final Timeframe timeframe;
    private final long bucketMillis;
    private final BarSink sink;
    private final Collector collector;

    private boolean open;
    private long bucket;
    private double o;
    private double h;
    private double l;
    private double c;
    private double vol;
    private double volComp;
    private double pv;
    private double pvComp;
    private double buyVol;
    private double sellVol;
    private long trades;
    private long lateTrades;

    private boolean anyTrade;
    private double lastPrice;
    private boolean lastBuy = true;

    /** An aggregator that collects every bar in memory; {@link #finish()} returns them. */
    public TickAggregator(Timeframe timeframe) {
        this(timeframe, new Collector(timeframe));
    }

    /**
     * A streaming aggregator: each bar goes to {@code sink} as soon as it closes (the next
     * bucket's first trade, or {@link #flush()}), nothing is kept: memory does not grow with the
     * number of trades or bars.
     */
    public static TickAggregator streaming(Timeframe timeframe, BarSink sink) {
        return new TickAggregator(timeframe, Objects.requireNonNull(sink, "sink"));
    }

    private TickAggregator(Timeframe timeframe, BarSink sink) {
        this.timeframe = Objects.requireNonNull(timeframe, "timeframe");
        this.bucketMillis = timeframe.millis();
        this.sink = sink;
        this.collector = sink instanceof Collector c ? c : null;
    }

    /** Receives each bar once it is closed, in time order. */
    @FunctionalInterface
    public interface BarSink {
        /**
         * @param ts     bucket start, epoch ms UTC
         * @param vwap   sum(price x size) / sum(size), within [low, high]
         * @param buy    volume classified buy by the tick rule
         * @param sell   volume classified sell
         * @param trades number of trades (&gt;= 1)
         */
        void bar(long ts, double open, double high, double low, double close, double volume, double vwap, double buy,
                 double sell, long trades);
    }

    /** Aggregates every trade of {@code trades} (consumed) into bars. */
    public static TradeBars aggregate(Iterator<TradeRow> trades, Timeframe timeframe) {
        TickAggregator agg = new TickAggregator(timeframe);
        while (trades.hasNext()) {
            TradeRow t = trades.next();
            agg.add(t.tsMicros(), t.price(), t.size(), t.side());
        }
        return agg.finish();
    }

    public void add(long tsMicros, double price, double size, Side side) {
        long b = Math.floorDiv(Math.floorDiv(tsMicros, 1000L), bucketMillis) * bucketMillis;
        boolean isBuy;
        if (side == Side.BUY) {
            isBuy = true;
        } else if (side == Side.SELL) {
            isBuy = false;
        } else if (!anyTrade || price == lastPrice) {
            isBuy = lastBuy;
        } else {
            isBuy = price > lastPrice;
        }
        anyTrade = true;
        lastPrice = price;
        lastBuy = isBuy;

        if (!open || b > bucket) {
            if (open) {
                emit();
            }
            open = true;
            bucket = b;
            o = price;
            h = price;
            l = price;
            vol = 0;
            volComp = 0;
            pv = 0;
            pvComp = 0;
            buyVol = 0;
            sellVol = 0;
            trades = 0;
        } else if (b < bucket) {
            lateTrades++;
        }
        if (price > h) {
            h = price;
        }
        if (price < l) {
            l = price;
        }
        c = price;
        double y = size - volComp;
        double t = vol + y;
        volComp = (t - vol) - y;
        vol = t;
        double y2 = price * size - pvComp;
        double t2 = pv + y2;
        pvComp = (t2 - pv) - y2;
        pv = t2;
        if (isBuy) {
            buyVol += size;
        } else {
            sellVol += size;
        }
        trades++;
    }

    /** Trades that arrived after their bucket had closed and were added to the open bar. */
    public long lateTrades() {
        return lateTrades;
    }

    /** Closes the open bar, if any, handing it to the sink. Adding trades afterwards opens a new bar. */
    /**
     * What the next trade's effect depends on, as text: the open bucket (not the open bar's
     * values) and the tick rule's memory. Two aggregators in the same state treat every later
     * trade alike, except for the values of the bar open now.
     */
    public String state() {
        return (open ? Long.toString(bucket) : "closed") + "," + (anyTrade ? Double.doubleToLongBits(lastPrice) : "none")
                + "," + lastBuy;
    }

    public void flush() {
        if (open) {
            emit();
            open = false;
        }
    }

    /**
     * Closes the open bar and returns all bars. Only for an aggregator that collects (made with
     * the constructor); it must not be used afterwards.
     */
    public TradeBars finish() {
        if (collector == null) {
            throw new IllegalStateException("a streaming aggregator hands its bars to its sink: call flush()");
        }
        flush();
        return collector.build();
    }

    private void emit() {
        double vwap = vol > 0 ? Math.min(h, Math.max(l, pv / vol)) : c; // clamp: rounding only
        sink.bar(bucket, o, h, l, c, vol, vwap, buyVol, sellVol, trades);
    }

    /** Collects bars into growing primitive columns. */
    private static final class Collector implements BarSink {
        private final BarSeries.Builder ohlcv;
        private double[] vwap = new double[1024];
        private double[] buy = new double[1024];
        private double[] sell = new double[1024];
        private long[] count = new long[1024];

        Collector(Timeframe timeframe) {
            this.ohlcv = BarSeries.builder(timeframe, 1024);
        }

        @Override
        public void bar(long ts, double open, double high, double low, double close, double volume, double vw,
                        double buyVolume, double sellVolume, long trades) {
            int i = ohlcv.size();
            if (i == vwap.length) {
                int cap = i * 2;
                vwap = Arrays.copyOf(vwap, cap);
                buy = Arrays.copyOf(buy, cap);
                sell = Arrays.copyOf(sell, cap);
                count = Arrays.copyOf(count, cap);
            }
            ohlcv.add(ts, open, high, low, close, volume);
            vwap[i] = vw;
            buy[i] = buyVolume;
            sell[i] = sellVolume;
            count[i] = trades;
        }

        TradeBars build() {
            int n = ohlcv.size();
            return new TradeBars(ohlcv.build(), Arrays.copyOf(vwap, n), Arrays.copyOf(buy, n), Arrays.copyOf(sell, n),
                    Arrays.copyOf(count, n));
        }
    }

    public Timeframe timeframe() {
        return timeframe;
    }
}

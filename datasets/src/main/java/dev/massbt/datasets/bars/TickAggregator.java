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
    private final BarSeries.Builder ohlcv;
    private double[] vwap = new double[1024];
    private double[] buy = new double[1024];
    private double[] sell = new double[1024];
    private long[] count = new long[1024];

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

    public TickAggregator(Timeframe timeframe) {
        this.timeframe = Objects.requireNonNull(timeframe, "timeframe");
        this.bucketMillis = timeframe.millis();
        this.ohlcv = BarSeries.builder(timeframe, 1024);
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

    /** Closes the open bar and returns all bars. The aggregator must not be used afterwards. */
    public TradeBars finish() {
        if (open) {
            emit();
            open = false;
        }
        int n = ohlcv.size();
        return new TradeBars(ohlcv.build(), Arrays.copyOf(vwap, n), Arrays.copyOf(buy, n), Arrays.copyOf(sell, n),
                Arrays.copyOf(count, n));
    }

    private void emit() {
        int i = ohlcv.size();
        if (i == vwap.length) {
            int cap = i * 2;
            vwap = Arrays.copyOf(vwap, cap);
            buy = Arrays.copyOf(buy, cap);
            sell = Arrays.copyOf(sell, cap);
            count = Arrays.copyOf(count, cap);
        }
        ohlcv.add(bucket, o, h, l, c, vol);
        vwap[i] = vol > 0 ? Math.min(h, Math.max(l, pv / vol)) : c; // clamp: rounding only
        buy[i] = buyVol;
        sell[i] = sellVol;
        count[i] = trades;
    }

    public Timeframe timeframe() {
        return timeframe;
    }
}

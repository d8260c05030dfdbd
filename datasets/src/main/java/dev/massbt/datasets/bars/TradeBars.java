package dev.massbt.datasets.bars;

import dev.massbt.strategies.bars.BarSeries;
import java.util.Objects;

/**
 * Bars aggregated from trades: the OHLCV {@link BarSeries} the kernel reads, plus the columns
 * the bars table keeps beside it, index for index.
 *
 * @param bars       OHLCV; volume is the sum of trade sizes
 * @param vwap       sum(price x size) / sum(size) over the bar's trades
 * @param buyVolume  volume of trades classified buy (see {@link TickAggregator})
 * @param sellVolume volume of trades classified sell; buyVolume + sellVolume == volume up to rounding
 * @param tradeCount number of trades in the bar (always >= 1: empty buckets have no bar)
 */
public record TradeBars(BarSeries bars, double[] vwap, double[] buyVolume, double[] sellVolume, long[] tradeCount) {

    public TradeBars {
        Objects.requireNonNull(bars, "bars");
        int n = bars.size();
        if (vwap.length != n || buyVolume.length != n || sellVolume.length != n || tradeCount.length != n) {
            throw new IllegalArgumentException("vwap, buyVolume, sellVolume and tradeCount must have " + n
                    + " values like the bars");
        }
    }

    public int size() {
        return bars.size();
    }
}

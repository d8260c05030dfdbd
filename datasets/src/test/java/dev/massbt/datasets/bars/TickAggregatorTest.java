package dev.massbt.datasets.bars;

import static org.assertj.core.api.Assertions.assertThat;

import dev.massbt.datasets.read.Side;
import dev.massbt.strategies.timeframe.Timeframe;
import org.junit.jupiter.api.Test;

class TickAggregatorTest {

    private static long us(long epochSecond) {
        return epochSecond * 1_000_000L;
    }

    @Test
    void handComputedBars_tickRule_vwap_andNoBarForEmptyMinutes() {
        TickAggregator agg = new TickAggregator(Timeframe.M1);
        long t0 = 1_700_000_040L; // 60-aligned
        agg.add(us(t0), 100, 1, Side.UNKNOWN);      // first: buy by convention
        agg.add(us(t0 + 10), 101, 2, Side.UNKNOWN); // uptick: buy
        agg.add(us(t0 + 20), 101, 3, Side.UNKNOWN); // zero tick: previous (buy)
        agg.add(us(t0 + 59), 99, 4, Side.UNKNOWN);  // downtick: sell
        // minute t0+60 has no trade: no bar
        agg.add(us(t0 + 120), 99, 5, Side.UNKNOWN);        // zero tick: previous (sell)
        agg.add(us(t0 + 121) + 999_999, 98, 1, Side.BUY);  // side from data wins over the downtick
        agg.add(us(t0 + 179) + 999_999, 100, 2, Side.UNKNOWN); // uptick: buy
        agg.add(us(t0 + 180), 97, 1, Side.SELL);            // boundary: opens the next minute
        TradeBars tb = agg.finish();

        assertThat(tb.bars().ts()).containsExactly(t0 * 1000, (t0 + 120) * 1000, (t0 + 180) * 1000);
        assertThat(tb.bars().open()).containsExactly(100, 99, 97);
        assertThat(tb.bars().high()).containsExactly(101, 100, 97);
        assertThat(tb.bars().low()).containsExactly(99, 98, 97);
        assertThat(tb.bars().close()).containsExactly(99, 100, 97);
        assertThat(tb.bars().volume()).containsExactly(10, 8, 1);
        assertThat(tb.tradeCount()).containsExactly(4, 3, 1);
        assertThat(tb.buyVolume()).containsExactly(6, 3, 0);
        assertThat(tb.sellVolume()).containsExactly(4, 5, 1);
        // (100*1 + 101*2 + 101*3 + 99*4) / 10 = 100.1 ; (99*5 + 98 + 200) / 8 = 99.125
        assertThat(tb.vwap()[0]).isCloseTo(100.1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(tb.vwap()[1]).isEqualTo(99.125);
        assertThat(tb.vwap()[2]).isEqualTo(97);
    }

    @Test
    void lateTrade_goesIntoTheOpenBar_neverAClosedOne() {
        TickAggregator agg = new TickAggregator(Timeframe.M1);
        agg.add(us(60), 10, 1, Side.UNKNOWN);
        agg.add(us(120), 11, 1, Side.UNKNOWN);
        agg.add(us(119), 12, 1, Side.UNKNOWN); // late: bucket 60 is closed
        TradeBars tb = agg.finish();
        assertThat(tb.bars().ts()).containsExactly(60_000, 120_000);
        assertThat(tb.bars().high()).containsExactly(10, 12);
        assertThat(agg.lateTrades()).isEqualTo(1);
    }

    @Test
    void noTrades_noBars() {
        assertThat(new TickAggregator(Timeframe.M5).finish().size()).isZero();
    }

    @Test
    void streamingHandsEachBarToTheSinkWhenItCloses_sameBarsAsCollecting() {
        long t0 = 1_700_000_040L;
        long[][] trades = {{t0, 100}, {t0 + 10, 101}, {t0 + 130, 99}, {t0 + 131, 98}, {t0 + 200, 97}};
        java.util.List<String> seen = new java.util.ArrayList<>();
        TickAggregator streaming = TickAggregator.streaming(Timeframe.M1,
                (ts, o, h, l, c, v, vwap, buy, sell, n) -> seen.add(ts + ":" + o + "/" + h + "/" + l + "/" + c + "/" + v
                        + "/" + vwap + "/" + buy + "/" + sell + "/" + n));
        TickAggregator collecting = new TickAggregator(Timeframe.M1);
        int closedBefore = 0;
        for (long[] t : trades) {
            streaming.add(us(t[0]), t[1], 1, Side.UNKNOWN);
            collecting.add(us(t[0]), t[1], 1, Side.UNKNOWN);
            assertThat(seen.size()).isGreaterThanOrEqualTo(closedBefore);
            closedBefore = seen.size();
        }
        assertThat(seen).hasSize(2); // the last bar is still open
        streaming.flush();
        TradeBars tb = collecting.finish();
        assertThat(seen).hasSize(tb.size());
        for (int i = 0; i < tb.size(); i++) {
            assertThat(seen.get(i)).isEqualTo(tb.bars().ts()[i] + ":" + tb.bars().open()[i] + "/" + tb.bars().high()[i]
                    + "/" + tb.bars().low()[i] + "/" + tb.bars().close()[i] + "/" + tb.bars().volume()[i] + "/"
                    + tb.vwap()[i] + "/" + tb.buyVolume()[i] + "/" + tb.sellVolume()[i] + "/" + tb.tradeCount()[i]);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(streaming::finish).hasMessageContaining("flush()");
    }
}

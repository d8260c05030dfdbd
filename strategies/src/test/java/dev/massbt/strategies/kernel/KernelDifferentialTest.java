package dev.massbt.strategies.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.massbt.strategies.bars.BarSeries;
import dev.massbt.strategies.format.Strategy;
import dev.massbt.strategies.generate.RandomStrategyGenerator;
import dev.massbt.strategies.generate.SearchSpace;
import dev.massbt.strategies.metrics.MetricsConfig;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kernel (bitsets, shared caches, flat-stretch skipping) against {@link ReferenceBacktest}
 * (bar by bar, nothing shared) on random strategies over random bars: same trades, equity,
 * drawdown, exposure and daily equity.
 */
class KernelDifferentialTest {

    private static final CostModel COSTS = new CostModel(5, 2);

    @Test
    void chunkOfRandomStrategiesMatchesTheReference() {
        for (long seriesSeed = 1; seriesSeed <= 3; seriesSeed++) {
            BarSeries bars = RandomBars.walk(seriesSeed, 8_000);
            List<Strategy> chunk = new RandomStrategyGenerator(SearchSpace.DEFAULT, 100 + seriesSeed).generate(0, 150);
            // A tiny indicator budget forces evictions and recomputation on the way.
            Kernel kernel = new Kernel(bars, COSTS, MetricsConfig.crypto(), 4L << 20);
            ChunkResult run = kernel.run(chunk, List.of(Segment.ALL), EnumSet.allOf(Detail.class));
            assertThat(run.indicatorComputations()).isPositive();
            for (int i = 0; i < chunk.size(); i++) {
                compare(bars, chunk.get(i), run.results().get(i));
            }
        }
    }

    @Test
    void segmentsMatchTheReferenceOnTheirRange() {
        BarSeries bars = RandomBars.walk(9, 6_000);
        long split = bars.ts()[3_500] - Math.floorMod(bars.ts()[3_500], 86_400_000L);
        Segment in = new Segment("in_sample", Long.MIN_VALUE, split);
        Segment out = new Segment("out_of_sample", split, Long.MAX_VALUE);
        List<Strategy> chunk = new RandomStrategyGenerator(SearchSpace.DEFAULT, 77).generate(0, 60);
        ChunkResult run = new Kernel(bars, COSTS, MetricsConfig.crypto())
                .run(chunk, List.of(in, out), EnumSet.allOf(Detail.class));
        for (int i = 0; i < chunk.size(); i++) {
            ReferenceBacktest ref = new ReferenceBacktest(bars, chunk.get(i));
            BarSeries p = ref.bars();
            int cut = p.indexAtOrAfter(split);
            check(ref.run(COSTS, 0, cut), run.results().get(2 * i), chunk.get(i));
            check(ref.run(COSTS, cut, p.size()), run.results().get(2 * i + 1), chunk.get(i));
        }
    }

    private static void compare(BarSeries bars, Strategy s, StrategyResult r) {
        ReferenceBacktest ref = new ReferenceBacktest(bars, s);
        check(ref.run(COSTS, 0, ref.bars().size()), r, s);
    }

    private static void check(ReferenceBacktest.Result expected, StrategyResult actual, Strategy s) {
        String why = s.name();
        assertThat(actual.trades()).as(why).hasSameSizeAs(expected.trades());
        for (int t = 0; t < expected.trades().size(); t++) {
            Trade e = expected.trades().get(t);
            Trade a = actual.trades().get(t);
            assertThat(a.side()).as(why).isEqualTo(e.side());
            assertThat(a.entryTs()).as(why).isEqualTo(e.entryTs());
            assertThat(a.exitTs()).as(why).isEqualTo(e.exitTs());
            assertThat(a.reason()).as(why).isEqualTo(e.reason());
            assertThat(a.bars()).as(why).isEqualTo(e.bars());
            assertThat(a.entryPrice()).as(why).isCloseTo(e.entryPrice(), within(1e-9));
            assertThat(a.exitPrice()).as(why).isCloseTo(e.exitPrice(), within(1e-9));
            assertThat(a.netReturn()).as(why).isCloseTo(e.netReturn(), within(1e-9));
        }
        assertThat(actual.metrics().totalReturn()).as(why).isCloseTo(expected.finalEquity() - 1, within(1e-9));
        assertThat(actual.metrics().maxDrawdown()).as(why).isCloseTo(expected.maxDrawdown(), within(1e-9));
        assertThat(actual.dailyReturns().equity()).as(why).containsExactly(expected.dayEquity(), within(1e-9));
        assertThat(actual.metrics().tradeCount()).as(why).isEqualTo(expected.trades().size());
    }
}

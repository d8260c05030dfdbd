package dev.massbt.strategies.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.massbt.strategies.bars.BarSeries;
import dev.massbt.strategies.format.Strategy;
import dev.massbt.strategies.generate.RandomStrategyGenerator;
import dev.massbt.strategies.generate.SearchSpace;
import dev.massbt.strategies.metrics.MetricsConfig;
import dev.massbt.strategies.timeframe.Timeframe;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The kernel's central law: changing any bar after t never changes any signal decided at or
 * before t, on every timeframe a strategy reads (a higher timeframe shows only closed bars).
 */
class NoLookAheadTest {

    @Property(tries = 300)
    void signalsUpToTDoNotDependOnBarsAfterT(@ForAll @LongRange(min = 0, max = 1_000_000) long strategySeed,
                                             @ForAll @LongRange(min = 0, max = 1_000) long seriesSeed,
                                             @ForAll @IntRange(min = 0, max = 5_999) int t) {
        BarSeries bars = RandomBars.walk(seriesSeed, 6_000);
        Strategy strategy = new RandomStrategyGenerator(SearchSpace.DEFAULT, strategySeed).strategy(0);
        assertNoLookAhead(bars, strategy, t, seriesSeed);
    }

    /** The same on a daily base: daily strategies over daily bars with gaps (weekends, holidays, halts). */
    @Property(tries = 150)
    void onADailyBase_signalsUpToTDoNotDependOnBarsAfterT(
            @ForAll @LongRange(min = 0, max = 1_000_000) long strategySeed,
            @ForAll @LongRange(min = 0, max = 1_000) long seriesSeed, @ForAll @IntRange(min = 0, max = 1_499) int t) {
        BarSeries bars = RandomBars.walk(seriesSeed, 1_500, Timeframe.D1);
        Strategy strategy = new RandomStrategyGenerator(SearchSpace.only(Timeframe.D1), strategySeed).strategy(0);
        assertNoLookAhead(bars, strategy, t, seriesSeed);
    }

    private static void assertNoLookAhead(BarSeries bars, Strategy strategy, int t, long seriesSeed) {
        BarSeries changed = RandomBars.changedAfter(bars, t, seriesSeed + 1);

        Signals before = new Kernel(bars, CostModel.ZERO, MetricsConfig.crypto()).signals(strategy);
        Signals after = new Kernel(changed, CostModel.ZERO, MetricsConfig.crypto()).signals(strategy);

        // Primary bars that had closed when base bar t closed.
        long knownAt = bars.ts()[t] + bars.timeframe().millis();
        BarSeries primary = before.bars();
        for (int j = 0; j < primary.size() && primary.closeTime(j) <= knownAt; j++) {
            assertThat(after.longEntry(j)).as("long entry at %d, t=%d, %s", j, t, strategy.name())
                    .isEqualTo(before.longEntry(j));
            assertThat(after.shortEntry(j)).as("short entry at %d", j).isEqualTo(before.shortEntry(j));
            assertThat(after.longExit(j)).as("long exit at %d", j).isEqualTo(before.longExit(j));
            assertThat(after.shortExit(j)).as("short exit at %d", j).isEqualTo(before.shortExit(j));
        }
    }
}

package dev.massbt.strategies.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.massbt.strategies.bars.BarSeries;
import dev.massbt.strategies.format.Comparison;
import dev.massbt.strategies.format.Condition;
import dev.massbt.strategies.format.ExitRule;
import dev.massbt.strategies.format.Operator;
import dev.massbt.strategies.format.PriceField;
import dev.massbt.strategies.format.PriceRef;
import dev.massbt.strategies.format.RuleGroup;
import dev.massbt.strategies.format.Side;
import dev.massbt.strategies.format.Strategy;
import dev.massbt.strategies.metrics.MetricsConfig;
import dev.massbt.strategies.timeframe.Timeframe;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed trade lists for the execution rules of the kernel contract. Conditions
 * use price fields only, so every expected number below follows from the bars by hand.
 */
class KernelFixtureTest {

    private static final PriceRef OPEN = new PriceRef(PriceField.OPEN);
    private static final PriceRef CLOSE = new PriceRef(PriceField.CLOSE);
    private static final Condition UP_BAR = new Condition(CLOSE, Comparison.GREATER_THAN, OPEN);
    private static final Condition DOWN_BAR = new Condition(CLOSE, Comparison.LESS_THAN, OPEN);

    /** Bars 0..9: signals on bar closes, fills at the next open (see comments per row). */
    private static final BarSeries TEN = TestBars.of(Timeframe.M1, new double[][] {
        {10, 10.5, 9.5, 10},        // 0 doji: nothing
        {10, 11, 9.8, 10.8},        // 1 up bar: long entry signal
        {11, 11.5, 10.9, 11.2},     // 2 fill at 11
        {11.2, 11.4, 10.5, 10.6},   // 3 down bar: exit signal
        {10.7, 10.9, 10.1, 10.2},   // 4 exit fill at 10.7
        {10.2, 10.6, 10.0, 10.5},   // 5 up bar: entry signal
        {10.5, 10.8, 10.4, 10.6},   // 6 fill at 10.5
        {10.6, 10.7, 10.2, 10.3},   // 7 down bar: exit signal
        {10.3, 10.4, 10.1, 10.35},  // 8 exit fill at 10.3; up bar: entry signal
        {10.35, 10.5, 10.3, 10.4},  // 9 fill at 10.35; last bar: closed at 10.4
    });

    private static Strategy longUpDown(ExitRule exit) {
        return longUpDown(Timeframe.M1, exit);
    }

    private static Strategy longUpDown(Timeframe tf, ExitRule exit) {
        return new Strategy("up-down", 1, tf, List.of(), RuleGroup.and(UP_BAR), null, exit, null);
    }

    private static StrategyResult runOne(BarSeries bars, Strategy s, CostModel costs) {
        Kernel kernel = new Kernel(bars, costs, MetricsConfig.crypto());
        return kernel.run(List.of(s), List.of(Segment.ALL), EnumSet.allOf(Detail.class)).results().get(0);
    }

    @Test
    void signalsOnCloseFillAtNextOpen() {
        Strategy s = longUpDown(new ExitRule(RuleGroup.or(DOWN_BAR), 0, 0, 0));
        StrategyResult r = runOne(TEN, s, CostModel.ZERO);

        assertThat(r.trades()).hasSize(3);
        Trade t1 = r.trades().get(0);
        assertThat(t1.side()).isEqualTo(Side.LONG);
        assertThat(t1.entryTs()).isEqualTo(TestBars.T0 + 2 * 60_000);
        assertThat(t1.entryPrice()).isEqualTo(11.0);
        assertThat(t1.exitTs()).isEqualTo(TestBars.T0 + 4 * 60_000);
        assertThat(t1.exitPrice()).isEqualTo(10.7);
        assertThat(t1.bars()).isEqualTo(2);
        assertThat(t1.reason()).isEqualTo(ExitReason.SIGNAL);
        assertThat(t1.netReturn()).isCloseTo(10.7 / 11 - 1, within(1e-12));

        Trade t2 = r.trades().get(1);
        assertThat(t2.entryPrice()).isEqualTo(10.5);
        assertThat(t2.exitPrice()).isEqualTo(10.3);
        assertThat(t2.netReturn()).isCloseTo(10.3 / 10.5 - 1, within(1e-12));

        Trade t3 = r.trades().get(2);
        assertThat(t3.entryPrice()).isEqualTo(10.35);
        assertThat(t3.exitPrice()).isEqualTo(10.4);
        assertThat(t3.reason()).isEqualTo(ExitReason.END_OF_DATA);
        assertThat(t3.bars()).isEqualTo(1);

        double finalEquity = (10.7 / 11) * (10.3 / 10.5) * (10.4 / 10.35);
        assertThat(r.metrics().totalReturn()).isCloseTo(finalEquity - 1, within(1e-12));
        assertThat(r.metrics().tradeCount()).isEqualTo(3);
        // in the market during bars 2,3 + 6,7 + 9 of 10
        assertThat(r.metrics().exposure()).isCloseTo(0.5, within(1e-12));
        // peak: close of bar 2 = 11.2/11; trough: close of bar 7 = (10.7/11)(10.3/10.5)
        double peak = 11.2 / 11;
        double trough = (10.7 / 11) * (10.3 / 10.5);
        assertThat(r.metrics().maxDrawdown()).isCloseTo(1 - trough / peak, within(1e-12));
    }

    @Test
    void commissionAndSlippageOnEveryFill() {
        Strategy s = longUpDown(new ExitRule(RuleGroup.or(DOWN_BAR), 0, 0, 0));
        StrategyResult r = runOne(TEN, s, new CostModel(10, 5));
        Trade t1 = r.trades().get(0);
        double entry = 11 * 1.0005;
        double exit = 10.7 * 0.9995;
        assertThat(t1.entryPrice()).isCloseTo(entry, within(1e-12));
        assertThat(t1.exitPrice()).isCloseTo(exit, within(1e-12));
        assertThat(t1.netReturn()).isCloseTo(0.999 * 0.999 * exit / entry - 1, within(1e-12));
    }

    @Test
    void stopLossFirstWhenBothLevelsAreTouchedInOneBar() {
        BarSeries bars = TestBars.of(Timeframe.M1, new double[][] {
            {100, 101, 99, 100.5},   // 0 up bar: entry signal
            {100, 100.5, 99.5, 100}, // 1 fill at 100; stop 98, target 103 untouched
            {100, 104, 97, 101},     // 2 both touched: the stop wins, fill at 98; flat at the close,
                                     //   which is an up bar: a new entry signal
            {101, 102, 100, 101},    // 3 fill at 101; the last bar: closed at 101
        });
        Strategy s = longUpDown(ExitRule.risk(2.0, 3.0));
        StrategyResult r = runOne(bars, s, CostModel.ZERO);
        assertThat(r.trades()).hasSize(2);
        assertThat(r.trades().get(1).entryTs()).isEqualTo(TestBars.T0 + 3 * 60_000);
        assertThat(r.trades().get(1).reason()).isEqualTo(ExitReason.END_OF_DATA);
        Trade t = r.trades().get(0);
        assertThat(t.reason()).isEqualTo(ExitReason.STOP_LOSS);
        assertThat(t.exitPrice()).isCloseTo(98.0, within(1e-12));
        assertThat(t.exitTs()).isEqualTo(TestBars.T0 + 2 * 60_000);
        assertThat(t.bars()).isEqualTo(2);
        assertThat(t.netReturn()).isCloseTo(-0.02, within(1e-12));
    }

    @Test
    void gapThroughTheStopFillsAtTheOpen() {
        BarSeries bars = TestBars.of(Timeframe.M1, new double[][] {
            {100, 101, 99, 100.5},  // 0 entry signal
            {100, 101, 99.5, 100},  // 1 fill at 100, stop 98
            {95, 96, 94, 95.5},     // 2 opens through the stop: fill at 95
            {95, 96, 94, 95},
        });
        StrategyResult r = runOne(bars, longUpDown(ExitRule.risk(2.0, 0)), CostModel.ZERO);
        Trade t = r.trades().get(0);
        assertThat(t.reason()).isEqualTo(ExitReason.STOP_LOSS);
        assertThat(t.exitPrice()).isEqualTo(95.0);
        assertThat(t.netReturn()).isCloseTo(-0.05, within(1e-12));
    }

    @Test
    void takeProfitOnTheFillBarItself() {
        BarSeries bars = TestBars.of(Timeframe.M1, new double[][] {
            {100, 101, 99, 100.5},   // 0 entry signal
            {100, 104, 99.5, 103.5}, // 1 fill at 100 then reaches 103: target 3% hit on the fill bar
            {103, 104, 102, 103},
        });
        StrategyResult r = runOne(bars, longUpDown(ExitRule.risk(2.0, 3.0)), CostModel.ZERO);
        Trade t = r.trades().get(0);
        assertThat(t.reason()).isEqualTo(ExitReason.TAKE_PROFIT);
        assertThat(t.exitPrice()).isCloseTo(103.0, within(1e-12));
        assertThat(t.bars()).isEqualTo(1);
    }

    @Test
    void shortSideMirrorsLevelsAndPnl() {
        BarSeries bars = TestBars.of(Timeframe.M1, new double[][] {
            {100, 100.5, 99, 99.5},  // 0 down bar: short entry signal
            {100, 100.5, 99.5, 99},  // 1 fill at 100 (sell); stop 102, target 95
            {99, 101, 98, 98.5},     // 2 marked at 98.5
            {98, 102.5, 97, 101},    // 3 stop 102 touched: buy back at 102
            {101, 102, 100, 101},
        });
        Strategy s = new Strategy("short", 1, Timeframe.M1, List.of(), null, RuleGroup.and(DOWN_BAR), null,
                ExitRule.risk(2.0, 5.0));
        StrategyResult r = runOne(bars, s, CostModel.ZERO);
        Trade t = r.trades().get(0);
        assertThat(t.side()).isEqualTo(Side.SHORT);
        assertThat(t.entryPrice()).isEqualTo(100.0);
        assertThat(t.reason()).isEqualTo(ExitReason.STOP_LOSS);
        assertThat(t.exitPrice()).isCloseTo(102.0, within(1e-12));
        assertThat(t.netReturn()).isCloseTo(-0.02, within(1e-12));
        // peak 1 + (100-98.5)/100 = 1.015 at bar 2; trough 0.98 after the stop
        assertThat(r.metrics().maxDrawdown()).isCloseTo(1 - 0.98 / 1.015, within(1e-12));
    }

    @Test
    void maxBarsExitsAtTheNextOpenAfterThatManyBars() {
        BarSeries bars = TestBars.of(Timeframe.M1, new double[][] {
            {10, 11, 9, 10.5},   // 0 entry signal
            {10, 11, 9, 10},     // 1 fill at 10 (held 1)
            {10, 11, 9, 10},     // 2 held 2 = max_bars: exit at next open
            {10.5, 11, 9, 10},   // 3 exit fill at 10.5
            {10, 11, 9, 10},
        });
        StrategyResult r = runOne(bars, longUpDown(new ExitRule(RuleGroup.or(), 0, 0, 2)), CostModel.ZERO);
        Trade t = r.trades().get(0);
        assertThat(t.reason()).isEqualTo(ExitReason.MAX_BARS);
        assertThat(t.exitPrice()).isEqualTo(10.5);
        assertThat(t.bars()).isEqualTo(2);
    }

    @Test
    void conflictingLongAndShortEntriesTakeNoPosition() {
        Condition always = new Condition(new PriceRef(PriceField.HIGH), Comparison.GREATER_THAN,
                new PriceRef(PriceField.LOW));
        Strategy s = new Strategy("both", 1, Timeframe.M1, List.of(), RuleGroup.and(always), RuleGroup.and(always),
                null, null);
        StrategyResult r = runOne(TEN, s, CostModel.ZERO);
        assertThat(r.trades()).isEmpty();
        assertThat(r.metrics().totalReturn()).isZero();
        assertThat(r.metrics().exposure()).isZero();
    }

    @Test
    void dailyReturnsAreTakenAtEachDaysLastClose() {
        // Daily bars: one return per day; the position is held from day 1's open.
        BarSeries days = TestBars.of(Timeframe.D1, new double[][] {
            {100, 101, 99, 101},    // day 0: up: entry signal
            {100, 103, 99, 102},    // day 1: fill at 100, close 102 -> equity 1.02
            {102, 105, 101, 104},   // day 2: close 104 -> 1.04
            {104, 105, 100, 101},   // day 3: down bar: exit signal; close 101 -> 1.01
            {103, 104, 102, 103},   // day 4: exit at 103 -> 1.03, flat
        });
        StrategyResult r = runOne(days, longUpDown(Timeframe.D1, new ExitRule(RuleGroup.or(DOWN_BAR), 0, 0, 0)), CostModel.ZERO);
        assertThat(r.dailyReturns().returns()).containsExactly(
                new double[] {0, 0.02, 1.04 / 1.02 - 1, 1.01 / 1.04 - 1, 1.03 / 1.01 - 1}, within(1e-12));
        long day0 = TestBars.T0 / 86_400_000L;
        assertThat(r.dailyReturns().epochDays()).containsExactly(day0, day0 + 1, day0 + 2, day0 + 3, day0 + 4);
        assertThat(r.dailyReturns().equity()[4]).isCloseTo(1.03, within(1e-12));
    }

    @Test
    void segmentsTradeOnlyInsideTheirRange() {
        Strategy s = longUpDown(new ExitRule(RuleGroup.or(DOWN_BAR), 0, 0, 0));
        Segment first = new Segment("in_sample", Long.MIN_VALUE, TestBars.T0 + 5 * 60_000);
        Segment second = new Segment("out_of_sample", TestBars.T0 + 5 * 60_000, Long.MAX_VALUE);
        Kernel kernel = new Kernel(TEN, CostModel.ZERO, MetricsConfig.crypto());
        List<StrategyResult> rs = kernel.run(List.of(s), List.of(first, second), EnumSet.of(Detail.TRADES)).results();
        assertThat(rs).hasSize(2);
        assertThat(rs.get(0).trades()).extracting(Trade::entryPrice).containsExactly(11.0);
        assertThat(rs.get(1).trades()).extracting(Trade::entryPrice).containsExactly(10.5, 10.35);
        assertThat(rs.get(0).dailyReturns()).isNull();
    }

    @Test
    void aStrategyBelowTheBarsTimeframeIsRejected() {
        BarSeries hourly = TestBars.of(Timeframe.H1, new double[][] {{1, 1, 1, 1}, {1, 1, 1, 1}});
        Kernel kernel = new Kernel(hourly, CostModel.ZERO, MetricsConfig.crypto());
        Strategy s = longUpDown(ExitRule.risk(1, 0));
        assertThatThrownBy(() -> kernel.run(List.of(s), List.of(Segment.ALL), EnumSet.noneOf(Detail.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timeframe 1m but the bars are 1h");
    }

    @Test
    void orGroupsCombineConditions() {
        Condition closeAbove105 = Condition.of(CLOSE, Comparison.GREATER_THAN, 10.55);
        Strategy s = new Strategy("or", 1, Timeframe.M1, List.of(),
                new RuleGroup(Operator.OR, List.of(closeAbove105, Condition.of(CLOSE, Comparison.GREATER_THAN, 1e9))),
                null, new ExitRule(RuleGroup.or(DOWN_BAR), 0, 0, 0), null);
        StrategyResult r = runOne(TEN, s, CostModel.ZERO);
        // close > 10.55 on bars 1, 2, 3, 6: entries filled at bars 2 and 7
        assertThat(r.trades()).extracting(Trade::entryTs)
                .containsExactly(TestBars.T0 + 2 * 60_000, TestBars.T0 + 7 * 60_000);
    }
}

package dev.massbt.strategies.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed fixtures for every metric and every documented edge case. The expected values
 * were worked out by hand (arithmetic in the comments) and checked once with a 40-digit decimal
 * Python script; they are asserted to 1e-12 relative.
 */
class MetricsCalculatorTest {

    /** 1e-12 relative (AssertJ takes percent). An expected 0 must be matched exactly. */
    static final Percentage REL = withinPercentage(1e-10);

    static final MetricsConfig CRYPTO = MetricsConfig.crypto();
    static final double[] NONE = new double[0];

    /*
     * The daily fixture, n = 8:
     *   r          = 0.01, -0.02, 0.015, 0, -0.005, 0.03, -0.01, 0.02
     *   mean       = (0.01 - 0.02 + 0.015 + 0 - 0.005 + 0.03 - 0.01 + 0.02) / 8 = 0.04 / 8 = 0.005
     *   r - mean   = 0.005, -0.025, 0.010, -0.005, -0.010, 0.025, -0.015, 0.015
     *   squares    = (25 + 625 + 100 + 25 + 100 + 625 + 225 + 225) e-6 = 1950e-6
     *   var        = 1950e-6 / 7 = 2.7857142857142857e-4
     *   sd         = sqrt(var) = 0.016690459207925604
     * rf = 0: shortfalls min(0, r) = -0.02, -0.005, -0.01
     *   squares    = 4e-4 + 0.25e-4 + 1e-4 = 5.25e-4
     *   DD         = sqrt(5.25e-4 / 8) = sqrt(6.5625e-5) = 0.0081009258730098253
     */
    static final double[] DAILY = {0.01, -0.02, 0.015, 0.0, -0.005, 0.03, -0.01, 0.02};

    /*
     * The trade fixture, m = 6: wins 0.05, 0.03, 0.01 (sum 0.09); losses -0.02, -0.04
     * (sum -0.06); one trade at exactly 0, which is neither.
     */
    static final double[] TRADES = {0.05, -0.02, 0.0, 0.03, -0.04, 0.01};

    static Metrics fixture(MetricsConfig config) {
        // E = 1.21 over Y = 2 years, max drawdown 0.25, in the market 40% of the bars.
        return MetricsCalculator.compute(1.21, 2.0, DAILY, DAILY.length, TRADES, TRADES.length,
                0.25, 0.4, config);
    }

    @Nested
    class Fixtures {

        @Test
        void totalReturn() {
            // 1.21 - 1 = 0.21
            assertThat(fixture(CRYPTO).totalReturn()).isCloseTo(0.21, REL);
        }

        @Test
        void cagr() {
            // 1.21^(1/2) - 1 = 1.1 - 1 = 0.1
            assertThat(fixture(CRYPTO).cagr()).isCloseTo(0.1, REL);
            // 0.64^(1/0.5) - 1 = 0.4096 - 1 = -0.5904
            assertThat(compute(0.64, 0.5, NONE, NONE, 0.0).cagr()).isCloseTo(-0.5904, REL);
        }

        @Test
        void sharpe() {
            // 0.005 / 0.016690459207925604 * sqrt(365) (= 19.104973174542800)
            //   = 0.29956936 * 19.1049732 = 5.7233216104295813
            assertThat(fixture(CRYPTO).sharpe()).isCloseTo(5.7233216104295813, REL);
        }

        @Test
        void sortino() {
            // 0.005 / 0.0081009258730098253 * sqrt(365) = 11.791845447071423
            assertThat(fixture(CRYPTO).sortino()).isCloseTo(11.791845447071423, REL);
        }

        @Test
        void maxDrawdownIsPassedThrough() {
            assertThat(fixture(CRYPTO).maxDrawdown()).isEqualTo(0.25);
        }

        @Test
        void calmar() {
            // cagr / maxDrawdown = 0.1 / 0.25 = 0.4
            assertThat(fixture(CRYPTO).calmar()).isCloseTo(0.4, REL);
            // 1.1^(1/1.5) - 1 = 0.065602236766610712; / 0.2 = 0.32801118383305356
            assertThat(compute(1.1, 1.5, NONE, NONE, 0.2).calmar())
                    .isCloseTo(0.32801118383305356, REL);
        }

        @Test
        void winRate() {
            // 3 wins of 6 trades (the 0 trade counts in the 6, not as a win) = 0.5
            assertThat(fixture(CRYPTO).winRate()).isEqualTo(0.5);
        }

        @Test
        void profitFactor() {
            // (0.05 + 0.03 + 0.01) / |-0.02 - 0.04| = 0.09 / 0.06 = 1.5
            assertThat(fixture(CRYPTO).profitFactor()).isCloseTo(1.5, REL);
        }

        @Test
        void averageTradeWinAndLoss() {
            Metrics m = fixture(CRYPTO);
            // (0.05 - 0.02 + 0 + 0.03 - 0.04 + 0.01) / 6 = 0.03 / 6 = 0.005
            assertThat(m.avgTrade()).isCloseTo(0.005, REL);
            // (0.05 + 0.03 + 0.01) / 3 = 0.03
            assertThat(m.avgWin()).isCloseTo(0.03, REL);
            // (-0.02 - 0.04) / 2 = -0.03  (the 0 trade is not a loss)
            assertThat(m.avgLoss()).isCloseTo(-0.03, REL);
        }

        @Test
        void tradeCountAndExposureArePassedThrough() {
            assertThat(fixture(CRYPTO).tradeCount()).isEqualTo(6);
            assertThat(fixture(CRYPTO).exposure()).isEqualTo(0.4);
        }

        @Test
        void valueAtRiskWithOneTailDay() {
            // n = 8: k = max(1, ceil(0.4)) = 1; worst day -0.02 -> VaR = CVaR = 0.02
            Metrics m = fixture(CRYPTO);
            assertThat(m.var95()).isEqualTo(0.02);
            assertThat(m.cvar95()).isEqualTo(0.02);
        }

        @Test
        void valueAtRiskWithTwoTailDays() {
            // n = 21: k = ceil(1.05) = 2; sorted: -0.04, -0.03, -0.006, ...
            // VaR = -r_(2) = 0.03; CVaR = -(-0.04 - 0.03) / 2 = 0.035
            double[] r = {0.004, -0.03, 0.012, 0.001, -0.002, 0.006, 0.009, -0.001, 0.003, 0.0,
                0.007, -0.04, 0.002, 0.005, -0.006, 0.011, 0.008, -0.003, 0.010, 0.001, 0.004};
            Metrics m = compute(1.0, 1.0, r, NONE, 0.0);
            assertThat(m.var95()).isEqualTo(0.03);
            assertThat(m.cvar95()).isCloseTo(0.035, REL);
            // and its Sharpe / Sortino, rf = 0:
            //   mean = 0.001 / 21 = 4.7619047619047619e-5; sum of squared deviations
            //   = 0.003217 - 21 * mean^2 = 0.0032169523809523810; sd = sqrt(/20) = 0.012682571468263802
            //   sharpe = 4.7619047619e-5 / 0.012682571468 * 19.10497317 = 0.071733136267807990
            //   shortfall squares = (9 + 0.04 + 0.01 + 16 + 0.36 + 0.09) e-4 = 25.5e-4;
            //   DD = sqrt(25.5e-4 / 21) = 0.011019463300386795; sortino = 0.082559431667352385
            assertThat(m.sharpe()).isCloseTo(0.071733136267807990, REL);
            assertThat(m.sortino()).isCloseTo(0.082559431667352385, REL);
        }

        @Test
        void exactlyTwentyDaysStillHaveOneTailDay() {
            // k = ceil(0.05 * 20) = 1 exactly; 0.05 * 20 in floating point must not round to 2.
            double[] r = new double[20];
            Arrays.fill(r, 0.01);
            r[3] = -0.02;
            r[7] = -0.01;
            Metrics m = compute(1.0, 1.0, r, NONE, 0.0);
            assertThat(m.var95()).isEqualTo(0.02);
            assertThat(m.cvar95()).isEqualTo(0.02);
        }
    }

    @Nested
    class RiskFreeRateAndCalendar {

        @Test
        void sharpeAndSortinoAtTwoHundredFiftyTwoPeriods() {
            Metrics m = fixture(MetricsConfig.equities());
            // 0.005 / 0.016690459207925604 * sqrt(252) (= 15.874507866387544) = 4.7555635434073022
            assertThat(m.sharpe()).isCloseTo(4.7555635434073022, REL);
            // 0.005 / 0.0081009258730098253 * 15.874507866387544 = 9.7979589711327124
            assertThat(m.sortino()).isCloseTo(9.7979589711327124, REL);
            // same data, only the annualisation differs: ratio sqrt(252 / 365)
            assertThat(m.sharpe() / fixture(CRYPTO).sharpe())
                    .isCloseTo(Math.sqrt(252.0 / 365.0), REL);
        }

        @Test
        void riskFreeRateAtTwoHundredFiftyTwoPeriods() {
            // rf_d = 1.05^(1/252) - 1 = 0.00019363050654407987
            // sharpe = (0.005 - 0.00019363050654407987) / 0.016690459207925604 * 15.874507866387544
            //        = 4.5713991078447991
            // shortfalls r - rf_d below 0: -0.02019363..., -0.00519363..., -0.01019363..., and the
            // 0 day: -0.00019363...; sum of squares = 5.3870410655034366e-4;
            // DD = sqrt(/8) = 0.0082059742455599358; sortino = 9.2979514740634994
            Metrics m = fixture(new MetricsConfig(252, 0.05));
            assertThat(m.sharpe()).isCloseTo(4.5713991078447991, REL);
            assertThat(m.sortino()).isCloseTo(9.2979514740634994, REL);
        }

        @Test
        void riskFreeRateAtThreeHundredSixtyFivePeriods() {
            // rf_d = 1.05^(1/365) - 1 = 0.00013368061711344035
            // sharpe = (0.005 - rf_d) / 0.016690459207925604 * 19.104973174542800 = 5.5703021774653982
            // shortfall squares = 5.3442912522750815e-4; DD = 0.0081733494146181294;
            // sortino = 11.374883973824228
            Metrics m = fixture(new MetricsConfig(365, 0.05));
            assertThat(m.sharpe()).isCloseTo(5.5703021774653982, REL);
            assertThat(m.sortino()).isCloseTo(11.374883973824228, REL);
        }

        @Test
        void riskFreeRateDoesNotTouchTheOtherMetrics() {
            Metrics withRate = fixture(new MetricsConfig(365, 0.05));
            Metrics without = fixture(CRYPTO);
            assertThat(withRate.cagr()).isEqualTo(without.cagr());
            assertThat(withRate.var95()).isEqualTo(without.var95());
            assertThat(withRate.profitFactor()).isEqualTo(without.profitFactor());
        }
    }

    @Nested
    class EdgeCases {

        @Test
        void emptyRangeWithNoTradesIsEmpty() {
            assertThat(MetricsCalculator.compute(1.0, 0.0, NONE, 0, NONE, 0, 0.0, 0.0, CRYPTO))
                    .isEqualTo(Metrics.EMPTY);
        }

        @Test
        void noTrades() {
            Metrics m = MetricsCalculator.compute(1.21, 2.0, DAILY, DAILY.length, NONE, 0, 0.25,
                    0.0, CRYPTO);
            assertThat(m.tradeCount()).isZero();
            assertThat(m.winRate()).isZero();
            assertThat(m.profitFactor()).isZero();
            assertThat(m.avgTrade()).isZero();
            assertThat(m.avgWin()).isZero();
            assertThat(m.avgLoss()).isZero();
            assertThat(m.sharpe()).isCloseTo(5.7233216104295813, REL); // the days still count
        }

        @Test
        void noDays() {
            // a buffer with stale values but days = 0: nothing of it is read
            Metrics m = MetricsCalculator.compute(1.21, 2.0, DAILY, 0, TRADES, TRADES.length,
                    0.25, 0.4, CRYPTO);
            assertThat(m.sharpe()).isZero();
            assertThat(m.sortino()).isZero();
            assertThat(m.var95()).isZero();
            assertThat(m.cvar95()).isZero();
            assertThat(m.cagr()).isCloseTo(0.1, REL); // from E and Y, not from the days
            assertThat(m.profitFactor()).isCloseTo(1.5, REL);
        }

        @Test
        void oneDay() {
            // n = 1: no sample deviation, so Sharpe = Sortino = 0; k = 1: VaR = CVaR = -r_(1)
            Metrics loss = compute(0.97, 1.0, new double[] {-0.03}, NONE, 0.03);
            assertThat(loss.sharpe()).isZero();
            assertThat(loss.sortino()).isZero();
            assertThat(loss.var95()).isEqualTo(0.03);
            assertThat(loss.cvar95()).isEqualTo(0.03);
            // a single gain is no loss: max(0, -0.02) = 0
            Metrics gain = compute(1.02, 1.0, new double[] {0.02}, NONE, 0.0);
            assertThat(gain.var95()).isZero();
            assertThat(gain.cvar95()).isZero();
        }

        @Test
        void zeroVarianceGivesZeroSharpeEvenWhenTheMeanDoesNotRoundTrip() {
            // three days of 0.1: even the exactly rounded sum, 0.30000000000000004, divided by 3
            // is 0.10000000000000002, not 0.1; the deviations of -1.4e-17 it leaves would give a
            // Sharpe of ~1e17. All returns equal means sd == 0, so Sharpe = 0.
            double[] r = {0.1, 0.1, 0.1};
            Metrics m = compute(1.331, 1.0, r, NONE, 0.0);
            assertThat(m.sharpe()).isZero();
            assertThat(m.sortino()).isZero(); // and no day below rf_d = 0: DD = 0
            assertThat(m.var95()).isZero();
            // likewise ten days of 0.007 (mean rounds to 0.007000000000000001)
            double[] small = new double[10];
            Arrays.fill(small, 0.007);
            assertThat(compute(1.07, 1.0, small, NONE, 0.0).sharpe()).isZero();
        }

        @Test
        void constantReturnBelowTheRiskFreeRate() {
            // r = 0.0001 every day, rf_d = 0.00013368061711344035 > r: sd = 0 so Sharpe = 0, but
            // DD = |r - rf_d| > 0 and Sortino = (r - rf_d) / |r - rf_d| * sqrt(365) = -sqrt(365)
            double[] r = new double[30];
            Arrays.fill(r, 0.0001);
            Metrics m = MetricsCalculator.compute(1.003, 30 / 365.0, r, r.length, NONE, 0, 0.0,
                    1.0, new MetricsConfig(365, 0.05));
            assertThat(m.sharpe()).isZero();
            assertThat(m.sortino()).isCloseTo(-19.104973174542800, REL);
        }

        @Test
        void noDayBelowTheTargetGivesZeroSortino() {
            // varying returns, none below rf_d = 0: DD = 0, the ratio is undefined -> 0
            Metrics m = compute(1.1, 1.0, new double[] {0.01, 0.0, 0.03, 0.02}, NONE, 0.0);
            assertThat(m.sharpe()).isPositive();
            assertThat(m.sortino()).isZero();
        }

        @Test
        void allWinsGiveTheNoLossProfitFactor() {
            Metrics m = compute(1.1, 1.0, NONE, new double[] {0.02, 0.05, 0.01}, 0.0);
            assertThat(m.profitFactor()).isEqualTo(Metrics.PROFIT_FACTOR_NO_LOSS);
            assertThat(m.winRate()).isEqualTo(1.0);
            assertThat(m.avgLoss()).isZero();
            // (0.02 + 0.05 + 0.01) / 3 = 0.026666666666666667
            assertThat(m.avgWin()).isCloseTo(0.08 / 3, REL);
        }

        @Test
        void aHugeProfitFactorIsCapped() {
            // 0.5 / 0.0001 = 5000 > 1000
            Metrics m = compute(1.1, 1.0, NONE, new double[] {0.5, -0.0001}, 0.0);
            assertThat(m.profitFactor()).isEqualTo(Metrics.PROFIT_FACTOR_NO_LOSS);
        }

        @Test
        void allLosses() {
            Metrics m = compute(0.9, 1.0, NONE, new double[] {-0.01, -0.03, -0.02}, 0.1);
            assertThat(m.profitFactor()).isZero();
            assertThat(m.winRate()).isZero();
            assertThat(m.avgWin()).isZero();
            // (-0.01 - 0.03 - 0.02) / 3 = -0.02
            assertThat(m.avgLoss()).isCloseTo(-0.02, REL);
            assertThat(m.avgTrade()).isCloseTo(-0.02, REL);
        }

        @Test
        void tradesAtExactlyZeroAreNeitherWinsNorLosses() {
            Metrics m = compute(1.0, 1.0, NONE, new double[] {0.0, -0.0, 0.0}, 0.0);
            assertThat(m.tradeCount()).isEqualTo(3);
            assertThat(m.winRate()).isZero();
            assertThat(m.profitFactor()).isZero();
            assertThat(m.avgTrade()).isZero();
            assertThat(m.avgWin()).isZero();
            assertThat(m.avgLoss()).isZero();
        }

        @Test
        void totalLoss() {
            // E = 0: totalReturn = -1, cagr = -1 whatever the length, calmar = -1 / 1 = -1
            Metrics m = compute(0.0, 2.0, NONE, NONE, 1.0);
            assertThat(m.totalReturn()).isEqualTo(-1.0);
            assertThat(m.cagr()).isEqualTo(-1.0);
            assertThat(m.calmar()).isEqualTo(-1.0);
            assertThat(compute(0.0, 0.0, NONE, NONE, 1.0).cagr()).isEqualTo(-1.0);
        }

        @Test
        void zeroYearsIsTooShortToAnnualise() {
            Metrics m = compute(1.5, 0.0, NONE, NONE, 0.1);
            assertThat(m.totalReturn()).isEqualTo(0.5);
            assertThat(m.cagr()).isZero();
            assertThat(m.calmar()).isZero();
        }

        @Test
        void oneDayIsTheShortestAnnualisedSegment() {
            assertThat(compute(1.001, Math.nextDown(1.0 / 365), NONE, NONE, 0.0).cagr()).isZero();
            // 1.001^365 - 1 = 0.44025131342952... (exp(365 * ln 1.001) - 1)
            assertThat(compute(1.001, 1.0 / 365, NONE, NONE, 0.0).cagr())
                    .isCloseTo(Math.pow(1.001, 365) - 1, withinPercentage(1e-10));
        }

        @Test
        void zeroDrawdownGivesZeroCalmar() {
            assertThat(compute(1.21, 2.0, NONE, NONE, 0.0).calmar()).isZero();
        }

        @Test
        void explosiveGrowthOverADayIsCapped() {
            // 10^365 overflows a double; reported as MAX_MAGNITUDE, and so is 1e9 / 0.1
            Metrics m = compute(10.0, 1.0 / 365, NONE, NONE, 0.1);
            assertThat(m.cagr()).isEqualTo(Metrics.MAX_MAGNITUDE);
            assertThat(m.calmar()).isEqualTo(Metrics.MAX_MAGNITUDE);
            // a large but finite growth (1.5^365 - 1 = 1.88e64) is capped too
            assertThat(compute(1.5, 1.0 / 365, NONE, NONE, 0.0).cagr()).isEqualTo(1e9);
        }

        @Test
        void valueAtRiskIsZeroWhenTheKthWorstDayIsAGain() {
            // n = 21, k = 2: sorted -0.05, 0.001, ...: VaR = max(0, -0.001) = 0,
            // CVaR = max(0, -(-0.05 + 0.001) / 2) = 0.0245
            double[] r = new double[21];
            Arrays.fill(r, 0.002);
            r[5] = -0.05;
            r[12] = 0.001;
            Metrics m = compute(1.0, 1.0, r, NONE, 0.05);
            assertThat(m.var95()).isZero();
            assertThat(m.cvar95()).isCloseTo(0.0245, REL);
        }

        @Test
        void allGainDaysHaveNoValueAtRisk() {
            Metrics m = compute(1.1, 1.0, new double[] {0.01, 0.02, 0.005, 0.03}, NONE, 0.0);
            assertThat(m.var95()).isZero();
            assertThat(m.cvar95()).isZero();
        }
    }

    @Nested
    class Buffers {

        @Test
        void readsOnlyTheCountedValuesAndLeavesTheArraysAlone() {
            double[] daily = Arrays.copyOf(DAILY, 100);
            Arrays.fill(daily, DAILY.length, daily.length, Double.NaN); // garbage past `days`
            double[] trades = Arrays.copyOf(TRADES, 50);
            Arrays.fill(trades, TRADES.length, trades.length, -0.9);
            double[] dailyBefore = daily.clone();
            double[] tradesBefore = trades.clone();

            Metrics m = MetricsCalculator.compute(1.21, 2.0, daily, DAILY.length, trades,
                    TRADES.length, 0.25, 0.4, CRYPTO);

            assertThat(m).isEqualTo(fixture(CRYPTO));
            assertThat(daily).isEqualTo(dailyBefore);
            assertThat(trades).isEqualTo(tradesBefore);
        }

        @Test
        void aReusedInstanceGivesTheSameResultsAsAFreshOne() {
            MetricsCalculator reused = new MetricsCalculator();
            double[] longSeries = randomReturns(10_000, 7);
            double[] shortSeries = randomReturns(30, 8);
            for (double[] r : new double[][] {shortSeries, longSeries, shortSeries, DAILY}) {
                Metrics fromReused = reused.calculate(1.1, 2.0, r, r.length, TRADES,
                        TRADES.length, 0.2, 0.5, CRYPTO);
                Metrics fromFresh = new MetricsCalculator().calculate(1.1, 2.0, r, r.length,
                        TRADES, TRADES.length, 0.2, 0.5, CRYPTO);
                assertThat(fromReused).isEqualTo(fromFresh);
                assertThat(MetricsCalculator.compute(1.1, 2.0, r, r.length, TRADES,
                        TRADES.length, 0.2, 0.5, CRYPTO)).isEqualTo(fromFresh);
            }
        }

        @Test
        void allocatesOnlyTheResultWhateverTheSeriesLength() {
            java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
            assumeThat(bean).isInstanceOf(com.sun.management.ThreadMXBean.class);
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
            assumeThat(threads.isThreadAllocatedMemorySupported()).isTrue();
            threads.setThreadAllocatedMemoryEnabled(true);

            MetricsCalculator calculator = new MetricsCalculator();
            for (int days : new int[] {100, 100_000}) {
                double[] r = randomReturns(days, days);
                long perCall = bytesPerCall(threads, calculator, r);
                // a Metrics is ~136 bytes; a sorted copy of the series would be 8 * days
                assertThat(perCall).as("bytes per call at %d days", days).isLessThan(400);
            }
        }

        private static long bytesPerCall(com.sun.management.ThreadMXBean threads,
                                         MetricsCalculator calculator, double[] r) {
            for (int i = 0; i < 50; i++) { // warm up, grow the scratch buffer once
                calculator.calculate(1.1, 2.0, r, r.length, TRADES, TRADES.length, 0.2, 0.5, CRYPTO);
            }
            long id = Thread.currentThread().getId();
            int calls = 200;
            long before = threads.getThreadAllocatedBytes(id);
            double sink = 0;
            for (int i = 0; i < calls; i++) {
                sink += calculator.calculate(1.1, 2.0, r, r.length, TRADES, TRADES.length, 0.2,
                        0.5, CRYPTO).sharpe();
            }
            long after = threads.getThreadAllocatedBytes(id);
            assertThat(sink).isFinite();
            return (after - before) / calls;
        }
    }

    @Nested
    class Validation {

        @Test
        void namesTheIndexOfANaNDailyReturn() {
            double[] r = DAILY.clone();
            r[3] = Double.NaN;
            assertThatThrownBy(() -> compute(1.0, 1.0, r, NONE, 0.0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("dailyReturns[3] is NaN")
                    .hasMessageContaining("must be a finite simple return");
        }

        @Test
        void namesTheIndexOfAnInfiniteTradeReturn() {
            double[] t = {0.01, Double.NEGATIVE_INFINITY};
            assertThatThrownBy(() -> compute(1.0, 1.0, NONE, t, 0.0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("tradeReturns[1] is -Infinity");
        }

        @Test
        void rejectsCountsOutsideTheArrays() {
            assertThatThrownBy(() -> MetricsCalculator.compute(1.0, 1.0, DAILY, 9, NONE, 0, 0.0,
                    0.0, CRYPTO))
                    .hasMessageContaining("days is 9 but must be in 0..8 (the length of dailyReturns)");
            assertThatThrownBy(() -> MetricsCalculator.compute(1.0, 1.0, DAILY, 8, TRADES, -1,
                    0.0, 0.0, CRYPTO))
                    .hasMessageContaining("trades is -1 but must be in 0..6");
        }

        @Test
        void rejectsScalarsOutsideTheirRanges() {
            assertThatThrownBy(() -> compute(-0.1, 1.0, NONE, NONE, 0.0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("finalEquity is -0.1 but must be >= 0");
            assertThatThrownBy(() -> compute(Double.POSITIVE_INFINITY, 1.0, NONE, NONE, 0.0))
                    .hasMessageContaining("finalEquity is Infinity");
            assertThatThrownBy(() -> compute(1.0, Double.NaN, NONE, NONE, 0.0))
                    .hasMessageContaining("years is NaN but must be >= 0");
            assertThatThrownBy(() -> compute(1.0, 1.0, NONE, NONE, 1.5))
                    .hasMessageContaining("maxDrawdown is 1.5 but must be in [0, 1]");
            assertThatThrownBy(() -> MetricsCalculator.compute(1.0, 1.0, NONE, 0, NONE, 0, 0.0,
                    -0.1, CRYPTO))
                    .hasMessageContaining("exposure is -0.1 but must be in [0, 1]");
        }

        @Test
        void rejectsNulls() {
            assertThatThrownBy(() -> MetricsCalculator.compute(1.0, 1.0, NONE, 0, NONE, 0, 0.0,
                    0.0, null))
                    .isInstanceOf(NullPointerException.class).hasMessage("config");
            assertThatThrownBy(() -> MetricsCalculator.compute(1.0, 1.0, null, 0, NONE, 0, 0.0,
                    0.0, CRYPTO))
                    .isInstanceOf(NullPointerException.class).hasMessage("dailyReturns");
        }
    }

    static Metrics compute(double finalEquity, double years, double[] daily, double[] trades,
                           double maxDrawdown) {
        return MetricsCalculator.compute(finalEquity, years, daily, daily.length, trades,
                trades.length, maxDrawdown, 0.5, CRYPTO);
    }

    static double[] randomReturns(int n, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = random.nextDouble(-0.05, 0.05);
        }
        return r;
    }
}

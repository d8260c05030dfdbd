package dev.massbt.strategies.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Laws the metrics obey on any input the kernel can produce. */
class MetricsPropertiesTest {

    @Property
    void maxDrawdownIsAFraction(
            @ForAll @Size(max = 200) List<@DoubleRange(min = 0.0, max = 1e6) Double> path) {
        double[] equity = unbox(path);
        assertThat(MetricsCalculator.maxDrawdown(equity, equity.length)).isBetween(0.0, 1.0);
    }

    @Property
    void maxDrawdownOfANonDecreasingPathIsZero(
            @ForAll @Size(max = 200) List<@DoubleRange(min = 0.0, max = 0.1) Double> gains) {
        // equity starting at 1.0 and never falling
        double[] equity = new double[gains.size()];
        double e = 1.0;
        for (int i = 0; i < equity.length; i++) {
            e += gains.get(i);
            equity[i] = e;
        }
        assertThat(MetricsCalculator.maxDrawdown(equity, equity.length)).isZero();
    }

    @Property
    void maxDrawdownIsTheLargestFallOverAllPairs(
            @ForAll @Size(max = 60) List<@DoubleRange(min = 0.01, max = 5.0) Double> path) {
        // brute force over every (peak i, trough j >= i) of 1.0 followed by the path
        double[] withStart = new double[path.size() + 1];
        withStart[0] = 1.0;
        for (int i = 0; i < path.size(); i++) {
            withStart[i + 1] = path.get(i);
        }
        double expected = 0.0;
        for (int i = 0; i < withStart.length; i++) {
            for (int j = i; j < withStart.length; j++) {
                expected = Math.max(expected, (withStart[i] - withStart[j]) / withStart[i]);
            }
        }
        double[] equity = unbox(path);
        assertThat(MetricsCalculator.maxDrawdown(equity, equity.length)).isEqualTo(expected);
    }

    @Property
    void everyMetricIsFiniteAndInItsRange(
            @ForAll @Size(max = 300) List<@DoubleRange(min = -1.0, max = 3.0) Double> daily,
            @ForAll @Size(max = 50) List<@DoubleRange(min = -5.0, max = 5.0) Double> trades,
            @ForAll @DoubleRange(min = 0.0, max = 1e6) double finalEquity,
            @ForAll @DoubleRange(min = 0.0, max = 50.0) double years,
            @ForAll @DoubleRange(min = 0.0, max = 1.0) double maxDrawdown,
            @ForAll @IntRange(min = 1, max = 366) int periods,
            @ForAll @DoubleRange(min = -0.5, max = 1.0) double riskFreeRate) {
        double[] r = unbox(daily);
        double[] t = unbox(trades);
        // the constructor of Metrics already rejects NaN and infinities
        Metrics m = MetricsCalculator.compute(finalEquity, years, r, r.length, t, t.length,
                maxDrawdown, 0.5, new MetricsConfig(periods, riskFreeRate));

        assertThat(m.cagr()).isBetween(-1.0, Metrics.MAX_MAGNITUDE);
        assertThat(Math.abs(m.sharpe())).isLessThanOrEqualTo(Metrics.MAX_MAGNITUDE);
        assertThat(Math.abs(m.sortino())).isLessThanOrEqualTo(Metrics.MAX_MAGNITUDE);
        assertThat(Math.abs(m.calmar())).isLessThanOrEqualTo(Metrics.MAX_MAGNITUDE);
        assertThat(m.winRate()).isBetween(0.0, 1.0);
        assertThat(m.profitFactor()).isBetween(0.0, Metrics.PROFIT_FACTOR_NO_LOSS);
        assertThat(m.avgWin()).isGreaterThanOrEqualTo(0.0);
        assertThat(m.avgLoss()).isLessThanOrEqualTo(0.0);
        assertThat(m.var95()).isGreaterThanOrEqualTo(0.0);
        assertThat(m.cvar95()).isGreaterThanOrEqualTo(m.var95());
        assertThat(m.tradeCount()).isEqualTo(t.length);
    }

    @Property
    void valueAtRiskMatchesASortedCopy(
            @ForAll @Size(min = 1, max = 500) List<@DoubleRange(min = -0.2, max = 0.2) Double> daily) {
        double[] r = unbox(daily);
        double[] sorted = r.clone();
        Arrays.sort(sorted);
        int k = (int) Math.max(1, Math.ceil(r.length / 20.0));
        double tailSum = 0.0;
        for (int i = 0; i < k; i++) {
            tailSum += sorted[i];
        }

        Metrics m = MetricsCalculator.compute(1.0, 1.0, r, r.length, new double[0], 0, 0.0, 0.0,
                MetricsConfig.crypto());

        assertThat(m.var95()).isEqualTo(Math.max(0.0, -sorted[k - 1]));
        assertThat(m.cvar95()).isCloseTo(Math.max(m.var95(), -tailSum / k), withinPercentage(1e-9));
    }

    @Property
    void dailyMetricsDoNotDependOnTheOrderOfTheDays(
            @ForAll @Size(min = 2, max = 300) List<@DoubleRange(min = -0.2, max = 0.2) Double> daily) {
        double[] r = unbox(daily);
        double[] reversed = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            reversed[i] = r[r.length - 1 - i];
        }
        MetricsConfig config = new MetricsConfig(252, 0.03);
        Metrics forward = MetricsCalculator.compute(1.0, 1.0, r, r.length, new double[0], 0, 0.0,
                0.0, config);
        Metrics backward = MetricsCalculator.compute(1.0, 1.0, reversed, r.length, new double[0],
                0, 0.0, 0.0, config);

        assertThat(backward.var95()).isEqualTo(forward.var95());
        assertThat(backward.cvar95()).isCloseTo(forward.cvar95(), withinPercentage(1e-9));
        assertThat(backward.sharpe()).isCloseTo(forward.sharpe(), withinPercentage(1e-9));
        assertThat(backward.sortino()).isCloseTo(forward.sortino(), withinPercentage(1e-9));
    }

    private static double[] unbox(List<Double> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}

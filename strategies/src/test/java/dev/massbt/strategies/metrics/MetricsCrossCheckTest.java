package dev.massbt.strategies.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.moment.SemiVariance;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sharpe, Sortino, VaR and CVaR against Apache Commons Math 3 on seeded random 1,000-day
 * series: an independent implementation of the mean, the sample standard deviation, the
 * downside semivariance and the empirical quantile.
 */
class MetricsCrossCheckTest {

    /**
     * Agreement to 1e-12 of {@code max(1, |expected|)}. Not purely relative: when the mean is
     * close to the risk-free rate, {@code mean - rf_d} cancels and a relative test would only
     * measure how each library rounded the mean (Commons Math's summation is not compensated);
     * over 200 seeds the largest difference on this scale was 8.4e-14.
     */
    private static Offset<Double> agree(double expected) {
        return within(1e-12 * Math.max(1.0, Math.abs(expected)));
    }

    static Stream<Arguments> series() {
        return Stream.of(
                Arguments.of(1L, new MetricsConfig(365, 0.0), 0.0005, 0.02),
                Arguments.of(2L, new MetricsConfig(252, 0.0), 0.0003, 0.01),
                Arguments.of(3L, new MetricsConfig(252, 0.04), 0.0002, 0.015),
                Arguments.of(4L, new MetricsConfig(365, 0.1), -0.0004, 0.03),
                Arguments.of(5L, new MetricsConfig(365, -0.02), 0.001, 0.05));
    }

    @ParameterizedTest(name = "seed {0}, {1}, drift {2}, vol {3}")
    @MethodSource("series")
    void agreesWithCommonsMath(long seed, MetricsConfig config, double drift, double vol) {
        double[] r = new double[1000];
        Random random = new Random(seed);
        for (int i = 0; i < r.length; i++) {
            r[i] = drift + vol * random.nextGaussian();
        }

        Metrics m = MetricsCalculator.compute(1.0, 1.0, r, r.length, new double[0], 0, 0.0, 0.0,
                config);

        int periods = config.periodsPerYear();
        double riskFreeDaily = Math.pow(1.0 + config.riskFreeRate(), 1.0 / periods) - 1.0;
        DescriptiveStatistics stats = new DescriptiveStatistics(r);
        double excess = stats.getMean() - riskFreeDaily;
        // getStandardDeviation is the bias-corrected (n - 1) sample deviation
        double sharpe = excess / stats.getStandardDeviation() * Math.sqrt(periods);
        // SemiVariance(false): sum over r_i < cutoff of (r_i - cutoff)^2, divided by n
        double downside = Math.sqrt(new SemiVariance(false).evaluate(r, riskFreeDaily));
        double sortino = excess / downside * Math.sqrt(periods);
        // R-1 is the inverse of the empirical CDF: r_(ceil(0.05 n)), here r_(50)
        double quantile = new Percentile(5.0)
                .withEstimationType(Percentile.EstimationType.R_1).evaluate(r);
        double[] sorted = stats.getSortedValues();
        double tailMean = StatUtils.mean(sorted, 0, 50);

        assertThat(m.sharpe()).isCloseTo(sharpe, agree(sharpe));
        assertThat(m.sortino()).isCloseTo(sortino, agree(sortino));
        assertThat(m.var95()).isEqualTo(Math.max(0.0, -quantile));
        assertThat(m.cvar95()).isCloseTo(Math.max(0.0, -tailMean), withinPercentage(1e-10));
        assertThat(quantile).isEqualTo(sorted[49]);
        assertThat(Arrays.stream(r).filter(x -> x <= quantile).count()).isEqualTo(50);
    }
}

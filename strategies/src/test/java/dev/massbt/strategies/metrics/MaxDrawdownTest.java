package dev.massbt.strategies.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class MaxDrawdownTest {

    private static double maxDrawdown(double... equity) {
        return MetricsCalculator.maxDrawdown(equity, equity.length);
    }

    @Test
    void deepestFallFromTheRunningPeak() {
        // peaks 1.0, 1.2, 1.3; falls 1.2 -> 0.9 = 0.3 / 1.2 = 0.25, 1.3 -> 0.65 = 0.65 / 1.3 = 0.5
        assertThat(maxDrawdown(1.0, 1.2, 0.9, 1.1, 1.3, 0.65)).isEqualTo(0.5);
    }

    @Test
    void anEarlierFallCanBeTheDeepest() {
        // 2.0 -> 1.0 = 0.5; later 3.0 -> 2.4 = 0.6 / 3.0 = 0.2
        assertThat(maxDrawdown(1.5, 2.0, 1.0, 3.0, 2.4)).isCloseTo(0.5, withinPercentage(1e-10));
    }

    @Test
    void thePeakIncludesTheStartingEquity() {
        // the path never rises above the initial 1.0: 1.0 -> 0.8 = 0.2
        assertThat(maxDrawdown(0.9, 0.8, 0.95)).isCloseTo(0.2, withinPercentage(1e-10));
    }

    @Test
    void risingPathHasNoDrawdown() {
        assertThat(maxDrawdown(1.0, 1.0, 1.1, 1.5, 1.5, 2.0)).isZero();
    }

    @Test
    void totalLossIsOne() {
        assertThat(maxDrawdown(1.2, 0.0)).isEqualTo(1.0);
    }

    @Test
    void emptyPathHasNoDrawdown() {
        assertThat(maxDrawdown()).isZero();
        assertThat(MetricsCalculator.maxDrawdown(new double[] {0.5, 0.1}, 0)).isZero();
    }

    @Test
    void readsOnlyTheFirstNValues() {
        // the trailing 0.1 is past n = 3
        assertThat(MetricsCalculator.maxDrawdown(new double[] {1.0, 1.2, 1.08, 0.1}, 3))
                .isCloseTo(0.1, withinPercentage(1e-10)); // 0.12 / 1.2
    }

    @Test
    void rejectsNegativeOrNonFiniteEquityNamingTheIndex() {
        assertThatThrownBy(() -> maxDrawdown(1.0, -0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("equity[1] is -0.1")
                .hasMessageContaining("finite and >= 0");
        assertThatThrownBy(() -> maxDrawdown(Double.NaN))
                .hasMessageContaining("equity[0] is NaN");
        assertThatThrownBy(() -> maxDrawdown(1.0, 2.0, Double.POSITIVE_INFINITY))
                .hasMessageContaining("equity[2] is Infinity");
    }

    @Test
    void rejectsACountOutsideTheArray() {
        assertThatThrownBy(() -> MetricsCalculator.maxDrawdown(new double[2], 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n is 3 but must be in 0..2");
    }
}

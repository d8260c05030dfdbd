package dev.massbt.strategies.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetricsConfigTest {

    @Test
    void presetsAreTheTwoCalendarsWithNoRiskFreeRate() {
        assertThat(MetricsConfig.crypto()).isEqualTo(new MetricsConfig(365, 0.0));
        assertThat(MetricsConfig.equities()).isEqualTo(new MetricsConfig(252, 0.0));
    }

    @Test
    void acceptsTheWholeRange() {
        assertThat(new MetricsConfig(1, -0.5).periodsPerYear()).isEqualTo(1);
        assertThat(new MetricsConfig(366, 1.0).riskFreeRate()).isEqualTo(1.0);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 367, Integer.MAX_VALUE})
    void rejectsPeriodsOutsideOneTo366(int periods) {
        assertThatThrownBy(() -> new MetricsConfig(periods, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("periodsPerYear is " + periods)
                .hasMessageContaining("1..366");
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.51, 1.01, 5.0, Double.NaN, Double.POSITIVE_INFINITY})
    void rejectsRiskFreeRatesOutsideTheRange(double rate) {
        assertThatThrownBy(() -> new MetricsConfig(365, rate))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("riskFreeRate is " + rate)
                .hasMessageContaining("[-0.5, 1]");
    }

    @Test
    void dailyRiskFreeRateCompoundsToTheAnnualRate() {
        // rf_d = 1.05^(1/252) - 1 = 0.000193630506544079874... (40-digit decimal reference)
        assertThat(new MetricsConfig(252, 0.05).dailyRiskFreeRate())
                .isCloseTo(0.000193630506544079874, withinPercentage(1e-10));
        // rf_d = 1.05^(1/365) - 1 = 0.000133680617113440350...
        assertThat(new MetricsConfig(365, 0.05).dailyRiskFreeRate())
                .isCloseTo(0.000133680617113440350, withinPercentage(1e-10));
        assertThat(MetricsConfig.crypto().dailyRiskFreeRate()).isZero();
    }
}

package dev.massbt.strategies.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompensatedSumTest {

    @Test
    void keepsSmallTermsThatAPlainSumLoses() {
        // 1 + 10^6 * 1e-16: each 1e-16 is below half an ulp of 1.0, so a plain sum stays at 1.0.
        CompensatedSum sum = new CompensatedSum();
        double plain = 1.0;
        sum.add(1.0);
        for (int i = 0; i < 1_000_000; i++) {
            sum.add(1e-16);
            plain += 1e-16;
        }
        assertThat(plain).isEqualTo(1.0);
        assertThat(sum.value()).isEqualTo(1.0000000001); // 1 + 1e-10, correctly rounded
    }

    @Test
    void handlesTermsLargerThanTheRunningSum() {
        // Neumaier's case where Kahan's algorithm returns 0: 1 + 1e100 + 1 - 1e100 = 2.
        CompensatedSum sum = new CompensatedSum();
        for (double x : new double[] {1.0, 1e100, 1.0, -1e100}) {
            sum.add(x);
        }
        assertThat(sum.value()).isEqualTo(2.0);
    }

    @Test
    void resetStartsOver() {
        CompensatedSum sum = new CompensatedSum();
        sum.add(5.0);
        assertThat(sum.reset().value()).isZero();
        sum.add(0.25);
        assertThat(sum.value()).isEqualTo(0.25);
    }
}

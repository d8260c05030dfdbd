package dev.massbt.datasets.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RunIdTest {

    @Test
    void acceptsPlainIdsAndAirflowStyleIds() {
        assertThat(RunId.of("bt-1").value()).isEqualTo("bt-1");
        assertThat(RunId.of("scheduled__2026-11-21T00:00:00+00:00").value()).contains("__");
        assertThat(RunId.fresh("backtest").value()).matches("backtest-\\d{8}-\\d{6}-[0-9a-f]{4}");
    }

    @Test
    void rejectsAnythingThatCouldEscapeAColumnValue() {
        for (String bad : new String[] {"", "x'; DROP TABLE runs; --", "a b", "../x", "-x", "x".repeat(65)}) {
            assertThatThrownBy(() -> RunId.of(bad)).as(bad).hasMessageContaining("is not valid");
        }
    }
}

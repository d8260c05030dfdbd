package dev.massbt.datasets.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValidatorsTest {

    @Test
    void tradeTolerance_acceptsSmallStepsBack_andObservesThem() {
        TradeValidator v = new TradeValidator(ValidationRules.DEFAULT.withBackwardTolerance(1_000_000));
        assertThat(v.check(10_000_000, 1, 1, -1)).isNull();
        assertThat(v.check(9_500_000, 1, 2, -1)).isNull();
        assertThat(v.check(8_999_999, 1, 3, -1).reason()).isEqualTo(Reason.OUT_OF_ORDER);
        assertThat(v.check(9_000_000, 1, 3, -1)).isNull();
        assertThat(v.observations()).containsEntry(Observation.LATE_WITHIN_TOLERANCE, 2L);
    }

    @Test
    void rejectedRowsDoNotMoveTheState() {
        TradeValidator v = new TradeValidator(ValidationRules.DEFAULT);
        assertThat(v.check(10, 1, 1, -1)).isNull();
        assertThat(v.check(99, -1, 1, -1).reason()).isEqualTo(Reason.INVALID_PRICE);
        assertThat(v.check(20, 1, 1, -1)).isNull(); // not out of order against the rejected 99
    }

    @Test
    void barRules() {
        BarValidator v = new BarValidator(60_000);
        assertThat(v.check(60_000, 1, 2, 1, 2, 0)).isNull();
        assertThat(v.check(60_000, 1, 2, 1, 2, 0).reason()).isEqualTo(Reason.DUPLICATE);
        assertThat(v.check(60_000, 1, 2, 1, 1.5, 0).reason()).isEqualTo(Reason.DUPLICATE_TIMESTAMP);
        assertThat(v.check(0, 1, 2, 1, 2, 0).reason()).isEqualTo(Reason.OUT_OF_ORDER);
        assertThat(v.check(120_000, 1, 1, 2, 1, 0).reason()).isEqualTo(Reason.HIGH_BELOW_LOW);
        assertThat(v.check(120_000, 3, 2, 1, 2, 0).reason()).isEqualTo(Reason.OPEN_CLOSE_OUTSIDE_RANGE);
        assertThat(v.check(120_000, 1, 2, 1, Double.NaN, 0).reason()).isEqualTo(Reason.INVALID_PRICE);
        assertThat(v.check(120_000, 1, 2, 1, 2, -1).reason()).isEqualTo(Reason.NEGATIVE_SIZE);
        assertThat(v.check(300_000, 1, 1, 1, 1, 5)).isNull();
        assertThat(v.observations()).containsEntry(Observation.GAP, 1L).containsEntry(Observation.MISSING_INTERVALS, 3L)
                .containsEntry(Observation.ZERO_RANGE_BAR, 1L).containsEntry(Observation.ZERO_VOLUME_BAR, 1L);
    }

    @Test
    void reportMustReconcile() {
        assertThatThrownBy(() -> new IngestReport("f.csv", 3, 1, java.util.Map.of(Reason.ZERO_SIZE, 1L),
                java.util.Map.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("f.csv: 3 rows read but 1 accepted + 1 rejected");
    }
}

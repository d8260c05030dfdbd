package dev.massbt.datasets.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BarsQueryTest {

    @Test
    void monthsAreThePartitionsTheRangeTouches() {
        BarsQuery q = BarsQuery.minutes("EURUSD", Instant.parse("2018-01-31T23:59:00Z").toEpochMilli(),
                Instant.parse("2018-03-01T00:00:00Z").toEpochMilli());
        assertThat(q.months()).containsExactly("2018-01", "2018-02");
    }

    @Test
    void anUnboundedRangeIsRefusedRatherThanEnumeratedForever() {
        assertThatThrownBy(() -> BarsQuery.minutes("EURUSD", 0, Long.MAX_VALUE))
                .hasMessageContaining("within years 1900..2299");
        assertThatThrownBy(() -> BarsQuery.minutes("EURUSD", 10, 10)).hasMessageContaining("is empty");
    }
}

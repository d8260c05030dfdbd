package dev.massbt.datasets.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.massbt.strategies.timeframe.Timeframe;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PartitionValuesTest {

    @Test
    void datesAndMonthsAreUtc() {
        long micros = Instant.parse("2013-11-25T23:59:59.999999Z").toEpochMilli() * 1000 + 999;
        assertThat(PartitionValues.dateOfMicros(micros)).isEqualTo(LocalDate.of(2013, 11, 25));
        assertThat(PartitionValues.dateOfMicros(micros + 1)).isEqualTo(LocalDate.of(2013, 11, 26));
        assertThat(PartitionValues.dateOfMicros(-1)).isEqualTo(LocalDate.of(1969, 12, 31));
        assertThat(PartitionValues.monthOfMillis(Instant.parse("2018-01-31T23:59:00Z").toEpochMilli()))
                .isEqualTo("2018-01");
        assertThat(PartitionValues.monthOfMillis(Instant.parse("2018-12-01T00:00:00Z").toEpochMilli()))
                .isEqualTo("2018-12");
        assertThat(PartitionValues.monthsBetween(Instant.parse("2018-11-30T00:00:00Z").toEpochMilli(),
                Instant.parse("2019-02-01T00:00:00Z").toEpochMilli()))
                .containsExactly("2018-11", "2018-12", "2019-01", "2019-02");
    }

    @Test
    void sourceKeysAreSafeAndStillDistinct() {
        String k = PartitionValues.sourceKey("HISTDATA_COM_ASCII_EURUSD_M12018.zip!DAT_ASCII_EURUSD_M1_2018.csv");
        assertThat(k).matches("[A-Za-z0-9._-]+").startsWith("HISTDATA_COM_ASCII_EURUSD_M12018.zip_DAT_ASCII_E-")
                .hasSize(48 + 1 + 12);
        assertThat(PartitionValues.sourceKey("a b.csv")).isNotEqualTo(PartitionValues.sourceKey("a_b.csv"))
                .startsWith("a_b.csv-");
        assertThat(PartitionValues.sourceKey("../../etc/passwd")).doesNotContain("/").startsWith(".._.._etc_passwd-");
        assertThat(PartitionValues.sourceKey("x.csv")).isEqualTo(PartitionValues.sourceKey("x.csv"));
    }

    @Test
    void barBucketsHoldThousandsOfRows_monthYearOrAllByTimeframe() {
        long t = Instant.parse("2018-03-15T12:00:00Z").toEpochMilli();
        assertThat(PartitionValues.bucketOf(Timeframe.M1, t))
                .isEqualTo("2018-03");
        assertThat(PartitionValues.bucketOf(Timeframe.H4, t))
                .isEqualTo("2018");
        assertThat(PartitionValues.bucketOf(Timeframe.D1, t))
                .isEqualTo("all");
        long later = Instant.parse("2019-01-02T00:00:00Z").toEpochMilli();
        assertThat(PartitionValues.bucketsBetween(
                Timeframe.H1, t, later)).startsWith("2018", "2019", "2018-03")
                .contains("2019-01").hasSize(2 + 11);
        assertThat(PartitionValues.bucketsBetween(
                Timeframe.D1, t, later)).as("daily reads do not prune").isEmpty();
    }
}

package dev.massbt.datasets.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.massbt.datasets.TestFiles;
import dev.massbt.datasets.validate.IngestReport;
import dev.massbt.datasets.validate.Observation;
import dev.massbt.datasets.validate.Quarantine;
import dev.massbt.datasets.validate.Reason;
import dev.massbt.datasets.validate.RejectedRow;
import dev.massbt.strategies.bars.BarSeries;
import dev.massbt.strategies.timeframe.Timeframe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The whole real HistData EURUSD files. The counts asserted are what exploring the files found:
 * 2018 is clean row by row (no duplicate, no step back) but has 4,729 zero-range bars, no volume
 * at all, 850 gaps (52 weekends, the Christmas break, 797 short holes); 2019 repeats the hour
 * 19:00-19:59 EST of 27 October with other prices (59 rows step back, 1 exact duplicate).
 */
class HistDataRealTest {

    private static final DateTimeFormatter RAW = DateTimeFormatter.ofPattern("yyyyMMdd HHmmss");

    @Test
    void eurusd2018_isReadWhole_withItsRealDefectsObserved() throws IOException {
        Path zip = TestFiles.histData("EURUSD", 2018);
        Quarantine q = Quarantine.keepingFirst(10);
        BarSeries bars;
        IngestReport report;
        try (BarReader r = BarReader.open(zip, BarFormat.HISTDATA_M1, Timeframe.M1, q)) {
            bars = BarReader.collect(r, Timeframe.M1);
            report = r.report();
        }
        assertThat(report.source()).isEqualTo("HISTDATA_COM_ASCII_EURUSD_M12018.zip!DAT_ASCII_EURUSD_M1_2018.csv");
        assertThat(report.rowsRead()).isEqualTo(372_607);
        assertThat(report.accepted()).isEqualTo(372_607);
        assertThat(report.rejectedTotal()).isZero();
        assertThat(q.total()).isZero();
        assertThat(report.observations()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Observation.ZERO_RANGE_BAR, 4_729L,
                Observation.ZERO_VOLUME_BAR, 372_607L,
                Observation.GAP, 850L,
                Observation.GAP_OVER_24H, 52L,
                Observation.MISSING_INTERVALS, 151_553L));
        assertThat(bars.size()).isEqualTo(372_607);
        // 20180101 170000 EST = 22:00 UTC; 20181231 165900 EST = 21:59 UTC
        assertThat(Instant.ofEpochMilli(bars.ts()[0])).isEqualTo(Instant.parse("2018-01-01T22:00:00Z"));
        assertThat(Instant.ofEpochMilli(bars.ts()[bars.size() - 1])).isEqualTo(Instant.parse("2018-12-31T21:59:00Z"));

        // A few bars against the raw text, parsed here independently (java.time, String.split).
        List<String> raw = rawLines(zip);
        assertThat(raw).hasSize(372_607);
        for (int i : new int[] {0, 1, 12_345, 186_000, 300_001, 372_606}) {
            String[] f = raw.get(i).split(";");
            long ts = LocalDateTime.parse(f[0], RAW).toInstant(ZoneOffset.ofHours(-5)).toEpochMilli();
            assertThat(bars.ts()[i]).as("ts of row %d", i).isEqualTo(ts);
            assertThat(bars.open()[i]).isEqualTo(Double.parseDouble(f[1]));
            assertThat(bars.high()[i]).isEqualTo(Double.parseDouble(f[2]));
            assertThat(bars.low()[i]).isEqualTo(Double.parseDouble(f[3]));
            assertThat(bars.close()[i]).isEqualTo(Double.parseDouble(f[4]));
            assertThat(bars.volume()[i]).isZero();
        }
        assertThat(raw.get(0)).isEqualTo("20180101 170000;1.200370;1.201000;1.200370;1.201000;0");
        assertThat(bars.close()[0]).isEqualTo(1.201);

        // Zero-range bars counted independently on the raw text.
        long zeroRange = raw.stream().map(s -> s.split(";")).filter(f -> f[2].equals(f[3])).count();
        assertThat(zeroRange).isEqualTo(4_729);
    }

    @Test
    void eurusd2019_repeatedHourOn27October_isQuarantinedWithReasons() {
        Path zip = TestFiles.histData("EURUSD", 2019);
        Quarantine q = Quarantine.keepingFirst(100);
        IngestReport report;
        BarSeries bars;
        try (BarReader r = BarReader.open(zip, BarFormat.HISTDATA_M1, Timeframe.M1, q)) {
            bars = BarReader.collect(r, Timeframe.M1);
            report = r.report();
        }
        assertThat(report.rowsRead()).isEqualTo(372_530);
        assertThat(report.rejected()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Reason.OUT_OF_ORDER, 59L, Reason.DUPLICATE, 1L));
        assertThat(report.accepted()).isEqualTo(372_470);
        assertThat(bars.size()).isEqualTo(372_470);
        List<RejectedRow> rows = q.kept();
        assertThat(rows).hasSize(60);
        assertThat(rows.get(0).line()).isEqualTo(306_019);
        assertThat(rows.get(0).raw()).startsWith("20191027 190000;");
        assertThat(rows.get(0).reason()).isEqualTo(Reason.OUT_OF_ORDER);
        assertThat(rows.get(0).message()).contains("before the previous accepted bar");
        assertThat(rows.get(59).raw()).startsWith("20191027 195900;");
        assertThat(rows.get(59).reason()).isEqualTo(Reason.DUPLICATE);
        assertThat(rows).allSatisfy(r -> assertThat(r.source()).endsWith("DAT_ASCII_EURUSD_M1_2019.csv"));
        assertThat(report.observed(Observation.GAP)).isEqualTo(260);
        assertThat(report.observed(Observation.ZERO_RANGE_BAR)).isEqualTo(3_293);
    }

    static List<String> rawLines(Path zip) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            var entry = z.entries().nextElement();
            String text = new String(z.getInputStream(entry).readAllBytes(), StandardCharsets.US_ASCII);
            return text.lines().toList();
        }
    }
}

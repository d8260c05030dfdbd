package dev.massbt.datasets.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.massbt.datasets.TestFiles;
import dev.massbt.datasets.validate.IngestReport;
import dev.massbt.datasets.validate.Observation;
import dev.massbt.datasets.validate.Quarantine;
import dev.massbt.datasets.validate.Reason;
import dev.massbt.datasets.validate.RejectedRow;
import dev.massbt.datasets.validate.ValidationRules;
import dev.massbt.datasets.validate.ValidationRules.IdenticalTrades;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real Bitstamp trades of ta4j-examples (25 Nov - 1 Dec 2013): header, CRLF line ends, no
 * final newline, epoch seconds. Its defects, found by exploring it: 18 trades of amount 0, and
 * 1,973 trades identical to the one before (same second, price and amount; 1,510 runs of up to 13).
 * No row steps back in time.
 */
class BitstampRealTest {

    @Test
    void readsAllTrades_quarantinesZeroAmounts_keepsAndCountsIdenticalTrades() throws IOException {
        Path file = TestFiles.bitstampTrades();
        Quarantine q = Quarantine.keepingFirst(100);
        List<TradeRow> trades = new ArrayList<>();
        IngestReport report;
        try (TradeReader r = TradeReader.open(file, TradeFormat.BITSTAMP, ValidationRules.DEFAULT, q)) {
            r.forEachRemaining(trades::add);
            report = r.report();
        }
        assertThat(report.rowsRead()).isEqualTo(100_000);
        assertThat(report.rejected()).containsExactlyEntriesOf(Map.of(Reason.ZERO_SIZE, 18L));
        assertThat(report.accepted()).isEqualTo(99_982).isEqualTo(trades.size());
        assertThat(report.observations()).containsExactlyEntriesOf(Map.of(Observation.IDENTICAL_CONSECUTIVE_TRADE, 1_973L));

        TradeRow first = trades.get(0);
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.tsMicros()).isEqualTo(1_385_337_600_000_000L);
        assertThat(first.price()).isEqualTo(800.01);
        assertThat(first.size()).isEqualTo(0.1);
        assertThat(first.side()).isEqualTo(Side.UNKNOWN);
        assertThat(first.source()).isEqualTo(TestFiles.BITSTAMP_RESOURCE);
        TradeRow last = trades.get(trades.size() - 1);
        assertThat(last.line()).isEqualTo(100_001);
        assertThat(last.tsMicros()).isEqualTo(1_385_913_725_000_000L);
        assertThat(last.size()).isEqualTo(1.2926331);

        RejectedRow zero = q.kept().get(0);
        assertThat(zero.line()).isEqualTo(1_375);
        assertThat(zero.raw()).isEqualTo("1385350068,814.180000000000,0.000000000000");
        assertThat(zero.reason()).isEqualTo(Reason.ZERO_SIZE);

        // Independent count on the raw text: zero amounts, identical consecutive lines among accepted rows.
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo("timestamp,price,amount");
        long zeros = lines.stream().skip(1).filter(l -> Double.parseDouble(l.split(",")[2]) == 0).count();
        assertThat(zeros).isEqualTo(18);
    }

    @Test
    void identicalTradesCanBeRejectedAsDuplicates() {
        Quarantine q = Quarantine.keepingFirst(5);
        IngestReport report;
        try (TradeReader r = TradeReader.open(TestFiles.bitstampTrades(), TradeFormat.BITSTAMP,
                ValidationRules.DEFAULT.withIdenticalTrades(IdenticalTrades.REJECT), q)) {
            r.forEachRemaining(t -> { });
            report = r.report();
        }
        assertThat(report.rejected()).containsExactlyInAnyOrderEntriesOf(Map.of(Reason.ZERO_SIZE, 18L,
                Reason.DUPLICATE, 1_973L));
        assertThat(report.accepted()).isEqualTo(100_000 - 18 - 1_973);
        assertThat(report.rowsRead()).isEqualTo(report.accepted() + report.rejectedTotal());
    }
}

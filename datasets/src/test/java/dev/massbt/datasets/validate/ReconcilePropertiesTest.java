package dev.massbt.datasets.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.massbt.datasets.error.DataFileException;
import dev.massbt.datasets.read.TradeFormat;
import dev.massbt.datasets.read.TradeReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Law: every row read is accepted or quarantined, whatever the mix of good and bad lines. */
class ReconcilePropertiesTest {

    @Provide
    Arbitrary<List<String>> lines() {
        Arbitrary<String> good = Arbitraries.longs().between(1_385_337_600L, 1_385_337_700L)
                .flatMap(ts -> Arbitraries.of("800.5,0.1", "801,2", "799.99,0.5").map(v -> ts + "," + v));
        Arbitrary<String> bad = Arbitraries.of("", "x,y,z", "1385337600,-1,1", "1385337600,1,-1", "1385337600,1,0",
                "1385337600,1", "1385337600,1,1,1", "1385337600,NaN,1", "1385337600,1,Infinity", "  ");
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, good), net.jqwik.api.Tuple.of(1, bad))
                .list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 200)
    void readEqualsAcceptedPlusRejected(@ForAll("lines") List<String> lines) throws IOException {
        Path f = Files.createTempFile("reconcile", ".csv");
        try {
            Files.writeString(f, "timestamp,price,amount\n" + String.join("\n", lines) + "\n");
            Quarantine q = Quarantine.keepingFirst(1000);
            long seen = 0;
            IngestReport report;
            try (TradeReader r = TradeReader.open(f, TradeFormat.BITSTAMP, ValidationRules.DEFAULT, q)) {
                while (r.hasNext()) {
                    r.next();
                    seen++;
                }
                report = r.report();
            } catch (DataFileException e) {
                // only possible when every data line is blank: the file is header-only
                assertThat(lines).allMatch(String::isBlank);
                return;
            }
            assertThat(report.rowsRead()).isEqualTo(lines.size());
            assertThat(report.accepted()).isEqualTo(seen);
            assertThat(report.rowsRead()).isEqualTo(report.accepted() + q.total());
            assertThat(q.kept()).allSatisfy(row -> assertThat(row.line()).isBetween(2L, lines.size() + 1L));
        } finally {
            Files.deleteIfExists(f);
        }
    }
}

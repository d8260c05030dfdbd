package dev.massbt.datasets.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.massbt.datasets.SharedSpark;
import dev.massbt.datasets.read.GenericTrades;
import dev.massbt.datasets.table.Table;
import dev.massbt.datasets.table.Warehouse;
import dev.massbt.datasets.validate.Observation;
import dev.massbt.datasets.validate.Session;
import dev.massbt.datasets.validate.ValidationRules;
import dev.massbt.strategies.timeframe.Timeframe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large plain trades file is read in pieces by several tasks: every table must hold exactly
 * what one reader of the whole file writes — ticks, bars (a bar cut by a piece boundary is one
 * bar), quarantined rows with their line numbers, and the counts — also when the pieces' context
 * is too short to catch up (then the file is read again whole).
 */
class PiecesIngestTest {

    /** Outliers, late trades, and a session that ends half way through the file (14:30Z is 09:30 in New York). */
    private static final ValidationRules RULES = ValidationRules.DEFAULT.withOutlierBps(150)
            .withBackwardTolerance(500_000).withSession(Session.parse("09:30-09:50 America/New_York"));

    private final SparkSession spark = SharedSpark.session();

    @TempDir
    static Path tmp;

    private static Path file;
    private static Ingested whole;

    /** About 3,000 headered ISO trades with every kind of row a reader treats apart, and all three line ends. */
    @BeforeAll
    static void writeFile() throws IOException {
        Random rnd = new Random(7);
        StringBuilder sb = new StringBuilder("ts,price,size,exch,cond,suspicious\n");
        long ms = Instant.parse("2024-03-01T14:30:00Z").toEpochMilli();
        double price = 500;
        for (int i = 1; i <= 3000; i++) {
            ms += 50 + rnd.nextInt(1500);
            price *= 1 + (rnd.nextDouble() - 0.5) * 0.002;
            long ts = i % 113 == 0 ? ms - 600_000 : i % 71 == 0 ? ms - 200 : ms; // out of order; late within tolerance
            String p = i % 131 == 0 ? "abc" : String.format("%.2f", i % 89 == 0 ? price * 1.05 : price); // outliers
            String size = i % 97 == 0 ? "0" : Integer.toString(1 + rnd.nextInt(500));
            String line = Instant.ofEpochMilli(ts) + "," + p + "," + size + ",P,T," + (i % 61 == 0);
            String end = i > 1000 && i < 1500 ? "\r\n" : i % 400 == 0 ? "\r" : "\n";
            sb.append(line).append(end);
            if (i % 53 == 0) {
                sb.append(line).append(end); // an identical trade
            }
            if (i % 150 == 0) {
                sb.append(end); // a blank line
            }
        }
        file = tmp.resolve("spy-trades.csv");
        Files.writeString(file, sb.toString());
    }

    private record Ingested(Warehouse warehouse, IngestResult result) {
    }

    /** One reader of the whole file: what the pieces must equal. */
    private Ingested whole() {
        if (whole == null) {
            whole = ingest("whole", 1L << 30, 0);
        }
        return whole;
    }

    private Ingested ingest(String name, long pieceBytes, long context) {
        Warehouse w = SharedSpark.freshWarehouse(name);
        return new Ingested(w, IngestAction.on(spark).warehouse(w).trades(GenericTrades.csv()).symbol("SPY")
                .timeframe(Timeframe.M1).rules(RULES).input(file).pieces(pieceBytes, context).runId(name).execute());
    }

    @Test
    void theFileIsCutIntoPieces_numberedAsTheWholeFile() throws IOException {
        ParseSpec spec = new ParseSpec(Map.of(file.toString(), "SPY"), GenericTrades.csv(), Timeframe.M1, RULES, "p",
                0);
        List<Piece> pieces = FilePieces.plan(JavaSparkContext.fromSparkContext(spark.sparkContext()),
                List.of(file.toString()), spec, 16_384, 4_096);
        assertThat(pieces).hasSizeGreaterThan(4);
        assertThat(pieces.get(0).window().ownFrom()).isEqualTo(1);
        for (int j = 1; j < pieces.size(); j++) {
            assertThat(pieces.get(j).window().ownFrom()).as("contiguous").isEqualTo(pieces.get(j - 1).window().ownTo());
            assertThat(pieces.get(j).window().ownFrom()).as("with context").isGreaterThan(pieces.get(j).window().firstLine());
        }
        assertThat(pieces.get(pieces.size() - 1).window().ownTo()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void inPieces_everyTableHoldsWhatAWholeReadWrites() {
        assertSame(whole(), ingest("pieces", 16_384, 4_096));
    }

    @Test
    void withoutContext_thePiecesCannotCatchUp_andTheFileIsReadWhole() {
        assertSame(whole(), ingest("cold", 16_384, 0));
    }

    private void assertSame(Ingested whole, Ingested pieces) {
        assertThat(pieces.result().files()).hasSize(1);
        assertThat(pieces.result().files().get(0).summary()).isEqualTo(whole.result().files().get(0).summary());
        assertThat(whole.result().files().get(0).rejectedTotal()).as("the fixture has rejected rows").isGreaterThan(50);
        assertThat(whole.result().files().get(0).observed(Observation.OUT_OF_SESSION)).isBetween(500L, 2500L);
        for (Table t : List.of(Table.TICKS, Table.BARS, Table.QUARANTINE)) {
            List<String> a = rows(whole.warehouse(), t);
            List<String> b = rows(pieces.warehouse(), t);
            assertThat(b).as(t.tableName()).hasSameSizeAs(a).containsExactlyElementsOf(a);
        }
    }

    private List<String> rows(Warehouse w, Table t) {
        String[] cols = switch (t) {
            case TICKS -> new String[] {"ts_us", "price", "size", "side", "line", "in_session"};
            case BARS -> new String[] {"ts", "open", "high", "low", "close", "volume", "vwap", "buy_volume", "sell_volume",
                "trades", "line"};
            default -> new String[] {"line", "reason", "message", "raw"};
        };
        return spark.read().format("delta").load(w.path(t)).selectExpr(cols).orderBy("line").collectAsList().stream()
                .map(Row::toString).toList();
    }
}

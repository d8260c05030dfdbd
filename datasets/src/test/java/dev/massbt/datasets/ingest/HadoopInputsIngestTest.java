package dev.massbt.datasets.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.massbt.datasets.SharedSpark;
import dev.massbt.datasets.TestFiles;
import dev.massbt.datasets.error.IngestException;
import dev.massbt.datasets.read.BarFormat;
import dev.massbt.datasets.read.BarReader;
import dev.massbt.datasets.read.GenericTrades;
import dev.massbt.datasets.read.TradeFormat;
import dev.massbt.datasets.table.Table;
import dev.massbt.datasets.table.Warehouse;
import dev.massbt.datasets.validate.IngestReport;
import dev.massbt.datasets.validate.Quarantine;
import dev.massbt.datasets.validate.Reason;
import dev.massbt.strategies.timeframe.Timeframe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs given as URIs go through Hadoop's file system: each task copies its file to local disk,
 * reads it and deletes it. {@code file:} URIs take exactly that path (as {@code hdfs:} and
 * {@code s3a:} do), so these tests run it for real and compare with the same files read in place.
 */
class HadoopInputsIngestTest {

    private static final TradeFormat TRADES = GenericTrades.csv();

    @TempDir
    static Path tmp;

    private static SparkSession spark;
    private static Path plain;
    private static Path gzip;
    private static Path zip;

    @BeforeAll
    static void files() {
        spark = SharedSpark.session();
        plain = TestFiles.write(tmp, "day-1.csv", """
                timestamp,price,size
                1700000000,100.5,2
                1700000001,100.7,0
                1700000030,100.6,1
                1700000090,101.0,3
                """);
        gzip = TestFiles.write(tmp, "day-2.csv.gz", """
                timestamp,price,size
                1700086400,102.0,1
                1700086401,oops,1
                1700086470,102.5,4
                """);
        zip = TestFiles.write(tmp, "EURUSD_M1.csv.zip", """
                20180101 170000;1.2;1.3;1.1;1.25;0
                20180101 170100;1.2;1.1;1.3;1.25;0
                20180101 170200;1.25;1.3;1.2;1.22;0
                """);
    }

    private static String uri(Path p) {
        return "file:" + p.toAbsolutePath();
    }

    private static Dataset<Row> table(Warehouse w, Table t) {
        return spark.read().format("delta").load(w.path(t));
    }

    /** The rows of a table minus the run's own columns, sorted: what two ingests must agree on. */
    private static List<Row> rows(Warehouse w, Table t) {
        Dataset<Row> d = table(w, t);
        if (t == Table.QUARANTINE) {
            d = d.drop("run_id", "ingested_at");
        }
        return d.orderBy(Arrays.stream(d.columns()).map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new)).collectAsList();
    }

    @Test
    void tradesViaFileUris_equalTheLocalPathIngest_andReIngestingEitherWayAddsNothing() throws IOException {
        Warehouse local = SharedSpark.freshWarehouse("inputs-local");
        Warehouse viaHadoop = SharedSpark.freshWarehouse("inputs-hadoop");
        long copiesBefore = InputFilesTest.tempCopies();

        IngestResult a = IngestAction.on(spark).warehouse(local).trades(TRADES).symbol("XYZ")
                .input(plain).input(gzip).runId("local").execute();
        IngestResult b = IngestAction.on(spark).warehouse(viaHadoop).trades(TRADES).symbol("XYZ")
                .input(uri(plain)).input(uri(gzip)).runId("hadoop").execute();

        assertThat(b.files()).containsExactlyElementsOf(a.files());
        assertThat(b.files()).extracting(r -> r.source()).containsExactly("day-1.csv", "day-2.csv.gz");
        assertThat(b.rowsRead()).isEqualTo(7);
        assertThat(b.accepted()).isEqualTo(5);
        assertThat(b.rejectedByReason()).containsExactlyInAnyOrderEntriesOf(Map.of(Reason.ZERO_SIZE, 1L,
                Reason.UNPARSABLE, 1L));
        assertThat(b.inserted()).containsExactlyInAnyOrderEntriesOf(Map.of(Table.TICKS, 5L, Table.BARS, 4L,
                Table.QUARANTINE, 2L));
        for (Table t : List.of(Table.TICKS, Table.BARS, Table.QUARANTINE)) {
            assertThat(rows(viaHadoop, t)).as("%s via file: URIs", t.tableName()).isEqualTo(rows(local, t))
                    .isNotEmpty();
        }
        assertThat(InputFilesTest.tempCopies()).as("local copies deleted").isEqualTo(copiesBefore);

        // The source is the file name either way: the same files as URIs are already in.
        IngestResult again = IngestAction.on(spark).warehouse(local).trades(TRADES).symbol("XYZ")
                .input(uri(plain)).input(uri(gzip)).execute();
        assertThat(again.inserted()).containsExactlyInAnyOrderEntriesOf(Map.of(Table.TICKS, 0L, Table.BARS, 0L,
                Table.QUARANTINE, 0L));
    }

    @Test
    void aZipViaAFileUri_isCopiedAndReadWhole() {
        Warehouse viaHadoop = SharedSpark.freshWarehouse("inputs-zip");
        IngestResult r = IngestAction.on(spark).warehouse(viaHadoop).bars(BarFormat.HISTDATA_M1).symbol("EURUSD")
                .input(uri(zip)).execute();
        IngestReport plainReport;
        try (BarReader reader = BarReader.open(zip, BarFormat.HISTDATA_M1, Timeframe.M1, Quarantine.keepingFirst(0))) {
            reader.forEachRemaining(b -> { });
            plainReport = reader.report();
        }
        assertThat(r.files()).containsExactly(plainReport);
        assertThat(plainReport.source()).isEqualTo("EURUSD_M1.csv.zip!EURUSD_M1.csv");
        assertThat(r.accepted()).isEqualTo(2);
        assertThat(r.rejectedByReason()).containsExactlyEntriesOf(Map.of(Reason.HIGH_BELOW_LOW, 1L));
        List<Row> bars = rows(viaHadoop, Table.BARS);
        assertThat(bars).hasSize(2);
        assertThat(bars.get(1).<Double>getAs("close")).isEqualTo(1.22);
        assertThat(bars.get(1).<String>getAs("source")).isEqualTo("EURUSD_M1.csv.zip!EURUSD_M1.csv");
    }

    @Test
    void unreadableUrisFailNamingTheUri_andWriteNothing() throws IOException {
        Warehouse w = SharedSpark.freshWarehouse("inputs-fail");
        long copiesBefore = InputFilesTest.tempCopies();

        String missing = uri(tmp.resolve("missing.csv"));
        assertThatThrownBy(() -> IngestAction.on(spark).warehouse(w).trades(TRADES).symbol("XYZ")
                .input(uri(gzip)).input(missing).execute())
                .isInstanceOf(IngestException.class)
                .hasMessageContaining("nothing was written")
                .hasMessageContaining("Cannot read " + missing + ": no such file");

        byte[] bytes = Files.readAllBytes(TestFiles.write(tmp, "big.csv.gz", "timestamp,price,size\n"
                + "1700000000,100.5,2\n".repeat(5_000)));
        Path truncated = Files.write(tmp.resolve("truncated.csv.gz"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> IngestAction.on(spark).warehouse(w).trades(TRADES).symbol("XYZ")
                .input(uri(truncated)).execute())
                .isInstanceOf(IngestException.class)
                .hasMessageContaining("Cannot read " + uri(truncated))
                .hasMessageContaining("corrupt or truncated")
                .hasMessageNotContaining("massbt-ingest-");

        try (Stream<Path> tables = Files.list(Path.of(w.root()))) {
            assertThat(tables).as("no table written").isEmpty();
        }
        assertThat(InputFilesTest.tempCopies()).as("local copies deleted after a failure").isEqualTo(copiesBefore);
    }
}

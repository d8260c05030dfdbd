package dev.massbt.datasets.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.massbt.datasets.SharedSpark;
import dev.massbt.datasets.TestFiles;
import dev.massbt.datasets.catalog.DatasetRef;
import dev.massbt.datasets.error.IngestException;
import dev.massbt.datasets.read.BarFormat;
import dev.massbt.datasets.read.GenericTrades;
import dev.massbt.datasets.table.Table;
import dev.massbt.datasets.table.TableVersion;
import dev.massbt.datasets.table.Warehouse;
import dev.massbt.datasets.validate.Reason;
import dev.massbt.datasets.validate.ValidationRules;
import dev.massbt.strategies.timeframe.Timeframe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dataset name to tables, for a synthetic market and for the user's own files (a directory,
 * local or as a file: URI). The built-in datasets go through it in {@link BitstampIngestTest}
 * and {@link HistDataIngestTest}, which check their tables in depth.
 */
class DatasetIngestTest {

    private final SparkSession spark = SharedSpark.session();

    @TempDir
    Path tmp;

    @Test
    void aSyntheticMarketIsGeneratedIntoBars_once() {
        Warehouse w = SharedSpark.freshWarehouse("dataset-synthetic");
        DatasetIngest.Result r = DatasetIngest.on(spark).warehouse(w).dataset(DatasetRef.parse("synthetic:2x3:7"))
                .execute();

        assertThat(r.dataset()).isEqualTo("synthetic:2x3:7");
        assertThat(r.symbols()).containsExactly("SYN7_001", "SYN7_002");
        assertThat(r.bars()).isEqualTo(2L * 3 * 1440);
        assertThat(r.barsInserted()).isEqualTo(2L * 3 * 1440);
        assertThat(r.rowsRead()).isZero();
        assertThat(r.versions()).containsExactlyEntriesOf(Map.of(Table.BARS,
                TableVersion.latest(spark, w.path(Table.BARS)).version()));
        assertThat(r.files()).isEmpty();
        assertThat(r.synthetic()).hasValueSatisfying(s -> assertThat(s.barsGenerated()).isEqualTo(8_640));
        assertThat(r.summary()).startsWith("synthetic:2x3:7: 8640 bars (8640 new) of 2 symbols in ");
        assertThat(spark.read().format("delta").load(w.path(Table.BARS)).count()).isEqualTo(8_640);

        DatasetIngest.Result again = DatasetIngest.on(spark).warehouse(w).dataset(new DatasetRef.Synthetic(2, 3, 7))
                .timeframe(Timeframe.M1).execute();
        assertThat(again.bars()).isEqualTo(8_640);
        assertThat(again.barsInserted()).isZero();
    }

    @Test
    void aDirectoryOfYourOwnFilesIsEveryVisibleFileInIt_locallyOrAsAUri() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("landing"));
        TestFiles.write(dir, "2023-11-15.csv", """
                timestamp,price,size
                1700006400,36000.5,0.5
                1700006410,36001.0,0
                1700006470,36002.0,1.5
                """);
        TestFiles.write(dir, "2023-11-14.csv.gz", """
                timestamp,price,size
                1699920000,35000.0,1
                1699920030,35010.0,2
                """);
        TestFiles.write(dir, ".~lock.2023-11-15.csv#", "an editor's lock file");
        TestFiles.write(dir, "_SUCCESS", "");
        Warehouse w = SharedSpark.freshWarehouse("dataset-user");

        DatasetIngest.Result r = DatasetIngest.on(spark).warehouse(w).dataset(DatasetRef.parse(dir.toString()))
                .format(GenericTrades.csv()).symbol("BTCUSD").runId("user-1").execute();

        assertThat(r.dataset()).isEqualTo(dir.toString());
        assertThat(r.symbols()).containsExactly("BTCUSD");
        assertThat(r.rowsRead()).isEqualTo(5);
        assertThat(r.accepted()).isEqualTo(4);
        assertThat(r.rejected()).isEqualTo(1);
        assertThat(r.bars()).isEqualTo(3);
        assertThat(r.barsInserted()).isEqualTo(3);
        IngestResult files = r.files().orElseThrow();
        assertThat(files.runId()).isEqualTo("user-1");
        assertThat(files.files()).extracting(f -> f.source()).containsExactly("2023-11-14.csv.gz", "2023-11-15.csv");
        assertThat(files.rejectedByReason()).containsExactlyEntriesOf(Map.of(Reason.ZERO_SIZE, 1L));
        assertThat(r.versions()).containsOnlyKeys(Table.QUARANTINE, Table.TICKS, Table.BARS, Table.INGESTS)
                .isEqualTo(files.versions());
        assertThat(r.synthetic()).isEmpty();
        assertThat(spark.read().format("delta").load(w.path(Table.TICKS)).count()).isEqualTo(4);

        // The same directory as a file: URI is listed through Hadoop: the same files, so nothing new.
        DatasetIngest.Result viaUri = DatasetIngest.on(spark).warehouse(w).dataset(DatasetRef.parse("file:" + dir))
                .format(GenericTrades.csv()).symbol("BTCUSD").execute();
        assertThat(viaUri.rowsRead()).isEqualTo(5);
        assertThat(viaUri.files().orElseThrow().files()).extracting(f -> f.source())
                .containsExactly("2023-11-14.csv.gz", "2023-11-15.csv");
        assertThat(viaUri.files().orElseThrow().inserted()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Table.TICKS, 0L, Table.BARS, 0L, Table.QUARANTINE, 0L));
    }

    @Test
    void optionsADatasetCannotUseFailBeforeAnySparkJob_sayingWhatToPass() {
        Warehouse w = SharedSpark.freshWarehouse("dataset-config");
        Path dir = TestFiles.write(tmp, "t.csv", "timestamp,price,size\n1,2,3\n").getParent();
        DatasetRef user = DatasetRef.parse(dir.toString());

        assertThatThrownBy(() -> DatasetIngest.on(spark).warehouse(w).dataset(user).execute())
                .isInstanceOf(IngestException.class)
                .hasMessageContaining("your own files need their format and symbol, and none was given")
                .hasMessageContaining("Pass the format");
        assertThatThrownBy(() -> DatasetIngest.on(spark).warehouse(w).dataset(user).format(GenericTrades.csv()).execute())
                .hasMessageContaining("need their symbol");
        assertThatThrownBy(() -> DatasetIngest.on(spark).warehouse(w).dataset(user).symbol("X").execute())
                .hasMessageContaining("need their format");
        assertThatThrownBy(() -> DatasetIngest.on(spark).warehouse(w).dataset(DatasetRef.parse(tmp + "/none"))
                .format(GenericTrades.csv()).symbol("X").execute())
                .isInstanceOf(IngestException.class).hasMessageContaining("no such file or directory");
        assertThatThrownBy(() -> DatasetIngest.on(spark).warehouse(w).dataset(new DatasetRef.Bitstamp2013())
                .symbol("ETHUSD").workDir(tmp).execute())
                .hasMessageContaining("a built-in dataset has its own format and symbol. Leave the symbol out");
        assertThatThrownBy(() -> DatasetIngest.on(spark).warehouse(w).dataset(new DatasetRef.Bitstamp2013()).execute())
                .hasMessageContaining("copied to a work directory to be read, and none was given. Call workDir(dir)");
        assertThatThrownBy(() -> DatasetIngest.on(spark).warehouse(w).dataset(new DatasetRef.HistData("EURUSD"))
                .dataDir(tmp).timeframe(Timeframe.H1).execute())
                .hasMessageContaining("HistData M1 files hold one-minute bars");
        assertThatThrownBy(() -> DatasetIngest.on(spark).warehouse(w).dataset(new DatasetRef.HistData("EURUSD"))
                .dataDir(tmp).execute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs HISTDATA_COM_ASCII_EURUSD_M1*.zip in " + tmp);
        assertThatThrownBy(() -> DatasetIngest.on(spark).warehouse(w).dataset(new DatasetRef.Synthetic(1, 1, 1))
                .runId("r").rules(ValidationRules.DEFAULT).format(BarFormat.HISTDATA_M1).execute())
                .hasMessageContaining("Cannot generate synthetic:1x1:1 with format, runId, rules")
                .hasMessageContaining("Leave these options out");
        assertThatThrownBy(() -> DatasetIngest.on(spark).dataset(user).execute())
                .hasMessageContaining("no warehouse given");
        assertThat(Files.exists(Path.of(w.root(), "ticks"))).as("nothing written").isFalse();
    }

    @Test
    void resultsAreValues_fromFilesOrGenerated_neverBoth() {
        assertThatThrownBy(() -> new DatasetIngest.Result("d", List.of("X"), 3, 1, 1, 0, 0, Map.of(), 1,
                java.util.Optional.empty(), java.util.Optional.empty()))
                .hasMessageContaining("exactly one of them");
        IngestResult none = new IngestResult("r", List.of(), List.of(), 0, Map.of(), Map.of(), 1);
        assertThatThrownBy(() -> new DatasetIngest.Result("d", List.of("X"), 3, 1, 1, 0, 0, Map.of(), 1,
                java.util.Optional.of(none), java.util.Optional.empty()))
                .hasMessageContaining("rows read (3) must equal accepted (1) + rejected (1)");
    }
}

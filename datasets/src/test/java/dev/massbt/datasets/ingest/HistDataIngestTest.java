package dev.massbt.datasets.ingest;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.massbt.datasets.SharedSpark;
import dev.massbt.datasets.TestFiles;
import dev.massbt.datasets.catalog.DatasetRef;
import dev.massbt.datasets.read.BarFormat;
import dev.massbt.datasets.read.BarReader;
import dev.massbt.datasets.table.BarsLoader;
import dev.massbt.datasets.table.BarsQuery;
import dev.massbt.datasets.table.DriverBars;
import dev.massbt.datasets.table.Table;
import dev.massbt.datasets.table.TableVersion;
import dev.massbt.datasets.table.Warehouse;
import dev.massbt.datasets.validate.IngestReport;
import dev.massbt.datasets.validate.Quarantine;
import dev.massbt.datasets.validate.Reason;
import dev.massbt.strategies.bars.BarSeries;
import dev.massbt.strategies.timeframe.Timeframe;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The real HistData EURUSD 2018 and 2019 zips, named as the dataset {@code histdata-eurusd-m1}
 * ({@link DatasetIngest}), in one run (one task each) straight into the bars
 * table, partitioned by symbol and month: 2018 has no row defect (372,607 bars), 2019 repeats an
 * hour on 27 October (59 out of order, 1 duplicate, quarantined). Read back by both BarsLoader
 * paths and compared with the plain-Java reader. Skipped when the shared data directory is absent.
 */
class HistDataIngestTest {

    @Test
    void eurusd2018_toBars_countsMatchThePlainReader_andLoadsBackTheSameSeries() {
        Path zip = TestFiles.histData("EURUSD", 2018);
        Path zip2019 = TestFiles.histData("EURUSD", 2019);
        SparkSession spark = SharedSpark.session();
        // As a file: URI, the way a cluster names hdfs: or s3a: roots.
        Warehouse warehouse = Warehouse.at("file:" + SharedSpark.freshWarehouse("histdata").root());

        // By its dataset name, as `massbt ingest histdata-eurusd-m1` does: every EURUSD zip in the directory.
        DatasetIngest.Result dataset = DatasetIngest.on(spark).warehouse(warehouse)
                .dataset(DatasetRef.parse("histdata-eurusd-m1")).dataDir(zip.getParent()).runId("histdata-eurusd")
                .execute();
        IngestResult result = dataset.files().orElseThrow();
        assertThat(dataset.symbols()).containsExactly("EURUSD");
        assertThat(dataset.rowsRead()).isEqualTo(result.rowsRead());
        assertThat(dataset.barsInserted()).isEqualTo(372_607 + 372_470);

        BarSeries plain;
        IngestReport plainReport;
        try (BarReader r = BarReader.open(zip, BarFormat.HISTDATA_M1, Timeframe.M1, Quarantine.keepingFirst(0))) {
            plain = BarReader.collect(r, Timeframe.M1);
            plainReport = r.report();
        }
        IngestReport plain2019;
        try (BarReader r = BarReader.open(zip2019, BarFormat.HISTDATA_M1, Timeframe.M1, Quarantine.keepingFirst(0))) {
            r.forEachRemaining(b -> { });
            plain2019 = r.report();
        }
        assertThat(result.files()).containsExactlyInAnyOrder(plainReport, plain2019);
        assertThat(result.rowsRead()).isEqualTo(372_607 + 372_530).isEqualTo(result.accepted() + result.rejected());
        assertThat(result.rejectedByReason()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Reason.OUT_OF_ORDER, 59L, Reason.DUPLICATE, 1L));
        assertThat(result.bars()).isEqualTo(372_607 + 372_470);
        assertThat(result.inserted()).containsExactlyInAnyOrderEntriesOf(Map.of(Table.BARS, 372_607L + 372_470L,
                Table.QUARANTINE, 60L));
        assertThat(result.versions()).doesNotContainKey(Table.TICKS);

        List<Row> quarantined = spark.read().format("delta").load(warehouse.path(Table.QUARANTINE)).orderBy("line")
                .collectAsList();
        assertThat(quarantined).hasSize(60);
        assertThat(quarantined.get(0).<Long>getAs("line")).isEqualTo(306_019L);
        assertThat(quarantined.get(0).<String>getAs("raw")).startsWith("20191027 190000;");
        assertThat(quarantined.get(0).<String>getAs("reason")).isEqualTo("out_of_order");
        assertThat(quarantined.get(59).<String>getAs("reason")).isEqualTo("duplicate");
        assertThat(quarantined).allSatisfy(q -> assertThat(q.<String>getAs("source"))
                .isEqualTo("HISTDATA_COM_ASCII_EURUSD_M12019.zip!DAT_ASCII_EURUSD_M1_2019.csv"));

        String bars = warehouse.path(Table.BARS);
        var table = spark.read().format("delta").load(bars);
        assertThat(table.count()).isEqualTo(372_607 + 372_470);
        // Month buckets: 24 partitions of ~31,000 bars, not ~620 daily files of ~1,200.
        List<Row> months = table.groupBy("month").count().orderBy("month").collectAsList();
        assertThat(months).hasSize(24);
        assertThat(months.get(0).getString(0)).isEqualTo("2018-01");
        Row first = table.where(col("line").equalTo(1).and(col("source").startsWith("HISTDATA_COM_ASCII_EURUSD_M12018")))
                .first();
        assertThat(first.<java.sql.Timestamp>getAs("ts").toInstant()).isEqualTo(Instant.parse("2018-01-01T22:00:00Z"));
        assertThat(first.<Double>getAs("close")).isEqualTo(1.201);
        assertThat((Object) first.getAs("vwap")).as("HistData has no vwap").isNull();
        assertThat(first.<String>getAs("source")).isEqualTo("HISTDATA_COM_ASCII_EURUSD_M12018.zip!DAT_ASCII_EURUSD_M1_2018.csv");

        // March to May (crosses month partitions), by both loaders, against the plain reader's bars.
        long from = Instant.parse("2018-03-15T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2018-05-02T12:30:00Z").toEpochMilli();
        int i = plain.indexAtOrAfter(from);
        int j = plain.indexAtOrAfter(to);
        BarsQuery query = BarsQuery.minutes("EURUSD", from, to);
        BarSeries expected = new BarSeries(Timeframe.M1, Arrays.copyOfRange(plain.ts(), i, j),
                Arrays.copyOfRange(plain.open(), i, j), Arrays.copyOfRange(plain.high(), i, j),
                Arrays.copyOfRange(plain.low(), i, j), Arrays.copyOfRange(plain.close(), i, j),
                Arrays.copyOfRange(plain.volume(), i, j));
        assertThat(expected.size()).isGreaterThan(30_000);
        BitstampIngestTest.assertSame(DriverBars.load(spark, bars, query), expected);
        BitstampIngestTest.assertSame(BarsLoader.load(TableVersion.latest(spark, bars), query), expected);
        BitstampIngestTest.assertSame(BarsLoader.load(TableVersion.latest(spark, bars),
                BarsQuery.minutes("EURUSD", plain.ts()[0], plain.ts()[plain.size() - 1] + 60_000)), plain);
        assertThat(BarsLoader.load(TableVersion.latest(spark, bars), BarsQuery.minutes("GBPUSD", from, to)).size())
                .as("another symbol").isZero();
    }
}

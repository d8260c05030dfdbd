package dev.massbt.datasets.ingest;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.massbt.datasets.SharedSpark;
import dev.massbt.datasets.TestFiles;
import dev.massbt.datasets.bars.TickAggregator;
import dev.massbt.datasets.bars.TradeBars;
import dev.massbt.datasets.catalog.DatasetRef;
import dev.massbt.datasets.error.IngestException;
import dev.massbt.datasets.read.TradeFormat;
import dev.massbt.datasets.read.TradeReader;
import dev.massbt.datasets.table.BarsLoader;
import dev.massbt.datasets.table.BarsQuery;
import dev.massbt.datasets.table.DriverBars;
import dev.massbt.datasets.table.PartitionValues;
import dev.massbt.datasets.table.Table;
import dev.massbt.datasets.table.TableVersion;
import dev.massbt.datasets.table.Warehouse;
import dev.massbt.datasets.validate.IngestReport;
import dev.massbt.datasets.validate.Quarantine;
import dev.massbt.datasets.validate.Reason;
import dev.massbt.datasets.validate.ValidationRules;
import dev.massbt.strategies.bars.BarSeries;
import dev.massbt.strategies.timeframe.Timeframe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Bitstamp trades (100,000 rows, 18 of amount 0) through Spark into Delta: ticks, one-minute
 * bars and quarantine, checked against the plain-Java reader and aggregator on the same file.
 * One ingest in {@code @BeforeAll}, by the dataset's name ({@link DatasetIngest}); the tests that write again check their own before/after.
 */
class BitstampIngestTest {

    private static SparkSession spark;
    private static Warehouse warehouse;
    private static DatasetIngest.Result dataset;
    private static IngestResult first;
    private static IngestReport plainReport;
    private static TradeBars plainBars;

    @TempDir
    static Path tmp;

    /** The Spark job descriptions of the first ingest, as a user sees them in the UI or the logs. */
    private static final List<String> descriptions = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void ingest() {
        spark = SharedSpark.session();
        warehouse = SharedSpark.freshWarehouse("bitstamp");
        // The resource copied to a file of its own: readers take paths.
        Path file = TestFiles.bitstampTrades();
        SparkListener listener = new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart job) {
                String d = job.properties().getProperty("spark.job.description");
                if (d != null && d.startsWith("massbt ingest bitstamp-1:")) {
                    descriptions.add(d);
                }
            }
        };
        spark.sparkContext().addSparkListener(listener); // kept: events arrive asynchronously
        // By its dataset name, as `massbt ingest bitstamp-btcusd-2013` does: the same file, the same run.
        dataset = DatasetIngest.on(spark).warehouse(warehouse).dataset(DatasetRef.parse("bitstamp-btcusd-2013"))
                .workDir(file.getParent()).runId("bitstamp-1").execute();
        first = dataset.files().orElseThrow();
        try (TradeReader r = TradeReader.open(file, TradeFormat.BITSTAMP, ValidationRules.DEFAULT,
                Quarantine.keepingFirst(0))) {
            plainBars = TickAggregator.aggregate(r, Timeframe.M1);
            plainReport = r.report();
        }
    }

    private static Dataset<Row> table(Table t) {
        return spark.read().format("delta").load(warehouse.path(t));
    }

    private static long version(Table t) {
        return TableVersion.latest(spark, warehouse.path(t)).version();
    }

    @Test
    void countsEqualThePlainJavaReader_andReconcile() {
        assertThat(first.files()).containsExactly(plainReport);
        assertThat(first.rowsRead()).isEqualTo(100_000).isEqualTo(first.accepted() + first.rejected());
        assertThat(first.accepted()).isEqualTo(99_982);
        assertThat(first.rejectedByReason()).containsExactlyEntriesOf(Map.of(Reason.ZERO_SIZE, 18L));
        assertThat(first.bars()).isEqualTo(plainBars.size()).isEqualTo(9_399);
        assertThat(first.inserted()).containsExactlyInAnyOrderEntriesOf(Map.of(Table.TICKS, 99_982L,
                Table.BARS, 9_399L, Table.QUARANTINE, 18L));
        assertThat(first.versions()).containsKeys(Table.TICKS, Table.BARS, Table.QUARANTINE, Table.INGESTS);

        assertThat(table(Table.TICKS).count()).isEqualTo(99_982);
        assertThat(table(Table.BARS).count()).isEqualTo(9_399);
        Row ingest = table(Table.INGESTS).where(col("run_id").equalTo("bitstamp-1")).first();
        assertThat(ingest.<Long>getAs("rows_read")).isEqualTo(100_000L);
        assertThat(ingest.<Long>getAs("rejected")).isEqualTo(18L);
        assertThat(ingest.<String, Long>getJavaMap(ingest.fieldIndex("rejected_by_reason")))
                .containsExactlyEntriesOf(Map.of("zero_size", 18L));
        assertThat(ingest.<String, Long>getJavaMap(ingest.fieldIndex("observations")))
                .containsExactlyEntriesOf(Map.of("identical_consecutive_trade", 1_973L));
        assertThat(ingest.<Long>getAs("ticks_version")).isEqualTo(first.versions().get(Table.TICKS));
    }

    @Test
    void theDatasetResultSumsUpTheRun() {
        assertThat(dataset.dataset()).isEqualTo("bitstamp-btcusd-2013");
        assertThat(dataset.symbols()).containsExactly("BTCUSD");
        assertThat(dataset.rowsRead()).isEqualTo(100_000);
        assertThat(dataset.accepted()).isEqualTo(99_982);
        assertThat(dataset.rejected()).isEqualTo(18);
        assertThat(dataset.bars()).isEqualTo(9_399);
        assertThat(dataset.barsInserted()).isEqualTo(9_399);
        assertThat(dataset.versions()).isEqualTo(first.versions());
        assertThat(dataset.millis()).isGreaterThanOrEqualTo(first.millis());
        assertThat(dataset.synthetic()).isEmpty();
        assertThat(dataset.summary()).startsWith("bitstamp-btcusd-2013: 100000 rows read, 99982 accepted, 18 rejected, "
                + "9399 bars (9399 new) of BTCUSD in ");
    }

    @Test
    void sparkJobsAreLabelledWithTheRunAndTheStep() throws InterruptedException {
        for (int i = 0; i < 100 && descriptions.stream().noneMatch(d -> d.endsWith("ingests")); i++) {
            Thread.sleep(50); // the listener bus delivers job events asynchronously
        }
        assertThat(descriptions).contains(
                "massbt ingest bitstamp-1: read and validate 1 file(s) of BTCUSD",
                "massbt ingest bitstamp-1: quarantine 18 rejected rows",
                "massbt ingest bitstamp-1: write 99982 ticks of BTCUSD (7 days)",
                "massbt ingest bitstamp-1: write 9399 1m bars of BTCUSD (2 months)",
                "massbt ingest bitstamp-1: record the run in ingests");
    }

    @Test
    void ticksCarryLineageAndArePartitionedBySymbolAndUtcDate() {
        Row t = table(Table.TICKS).where(col("line").equalTo(2)).first();
        assertThat(t.<String>getAs("source")).isEqualTo(TestFiles.BITSTAMP_RESOURCE);
        assertThat(t.<Long>getAs("ts_us")).isEqualTo(1_385_337_600_000_000L);
        assertThat(t.<Double>getAs("price")).isEqualTo(800.01);
        assertThat(t.<Double>getAs("size")).isEqualTo(0.1);
        assertThat((Object) t.getAs("side")).isNull();
        assertThat(t.getAs("date").toString()).isEqualTo("2013-11-25");
        // 25 Nov - 1 Dec 2013: seven UTC days, one partition each.
        assertThat(table(Table.TICKS).select("date").distinct().count()).isEqualTo(7);
        assertThat(table(Table.TICKS).where(col("line").equalTo(1_375)).count()).as("a quarantined line").isZero();
    }

    @Test
    void quarantineHoldsTheZeroAmountsWithReasonRawLineAndRun() {
        List<Row> rows = table(Table.QUARANTINE).orderBy("line").collectAsList();
        assertThat(rows).hasSize(18).allSatisfy(r -> {
            assertThat(r.<String>getAs("reason")).isEqualTo("zero_size");
            assertThat(r.<String>getAs("source")).isEqualTo(TestFiles.BITSTAMP_RESOURCE);
            assertThat(r.<String>getAs("source_key")).isEqualTo(PartitionValues.sourceKey(TestFiles.BITSTAMP_RESOURCE));
            assertThat(r.<String>getAs("run_id")).isEqualTo("bitstamp-1");
            assertThat(r.<String>getAs("symbol")).isEqualTo("BTCUSD");
        });
        assertThat(rows.get(0).<Long>getAs("line")).isEqualTo(1_375L);
        assertThat(rows.get(0).<String>getAs("raw")).isEqualTo("1385350068,814.180000000000,0.000000000000");
        assertThat(rows.get(0).<String>getAs("message")).contains("size is 0");
    }

    @Test
    void barsInDeltaEqualThePlainJavaAggregation() {
        List<Row> bars = table(Table.BARS).orderBy("ts").collectAsList();
        assertThat(bars).hasSize(plainBars.size());
        BarSeries p = plainBars.bars();
        for (int i : new int[] {0, 1, 777, 4_000, 9_398}) {
            Row b = bars.get(i);
            assertThat(b.<java.sql.Timestamp>getAs("ts").getTime()).as("ts of bar %d", i).isEqualTo(p.ts()[i]);
            assertThat(b.<Double>getAs("open")).isEqualTo(p.open()[i]);
            assertThat(b.<Double>getAs("high")).isEqualTo(p.high()[i]);
            assertThat(b.<Double>getAs("low")).isEqualTo(p.low()[i]);
            assertThat(b.<Double>getAs("close")).isEqualTo(p.close()[i]);
            assertThat(b.<Double>getAs("volume")).isEqualTo(p.volume()[i]);
            assertThat(b.<Double>getAs("vwap")).isEqualTo(plainBars.vwap()[i]);
            assertThat(b.<Double>getAs("buy_volume")).isEqualTo(plainBars.buyVolume()[i]);
            assertThat(b.<Double>getAs("sell_volume")).isEqualTo(plainBars.sellVolume()[i]);
            assertThat(b.<Long>getAs("trades")).isEqualTo(plainBars.tradeCount()[i]);
            assertThat(b.<String>getAs("timeframe")).isEqualTo("1m");
            assertThat(b.<String>getAs("month")).isIn("2013-11", "2013-12");
        }
        assertThat(bars.get(0).<Long>getAs("line")).as("line of the bar's first trade").isEqualTo(2L);
        assertThat(bars.stream().mapToLong(b -> b.<Long>getAs("trades")).sum()).isEqualTo(99_982);
    }

    @Test
    void reIngestingTheSameFileAddsNothing() {
        long ticks = table(Table.TICKS).count();
        long bars = table(Table.BARS).count();
        long quarantined = table(Table.QUARANTINE).count();
        IngestResult again = IngestAction.on(spark).warehouse(warehouse).trades(TradeFormat.BITSTAMP).symbol("BTCUSD")
                .input(TestFiles.bitstampTrades()).runId("bitstamp-2").execute();
        assertThat(again.files()).containsExactly(plainReport);
        assertThat(again.inserted()).containsExactlyInAnyOrderEntriesOf(Map.of(Table.TICKS, 0L, Table.BARS, 0L,
                Table.QUARANTINE, 0L));
        assertThat(table(Table.TICKS).count()).isEqualTo(ticks).isEqualTo(99_982);
        assertThat(table(Table.BARS).count()).isEqualTo(bars).isEqualTo(9_399);
        assertThat(table(Table.QUARANTINE).count()).isEqualTo(quarantined).isEqualTo(18);
        assertThat(table(Table.INGESTS).where(col("run_id").equalTo("bitstamp-2")).count()).isEqualTo(1);
    }

    @Test
    void aMissingFileFailsNamingIt_andWritesNothing() {
        long[] before = versions();
        Path missing = tmp.resolve("no-such-trades.csv");
        assertThatThrownBy(() -> IngestAction.on(spark).warehouse(warehouse).trades(TradeFormat.BITSTAMP)
                .symbol("BTCUSD").input(TestFiles.bitstampTrades()).input(missing).execute())
                .isInstanceOf(IngestException.class)
                .hasMessageContaining("nothing was written")
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("no such file");
        assertThat(versions()).containsExactly(before);
    }

    @Test
    void aCorruptGzipFailsNamingIt_andWritesNothing() throws IOException {
        long[] before = versions();
        byte[] gz = Files.readAllBytes(TestFiles.write(tmp, "trades.csv.gz",
                "timestamp,price,amount\n" + "1385337600,800.01,0.1\n".repeat(5_000)));
        Path truncated = Files.write(tmp.resolve("truncated.csv.gz"), Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> IngestAction.on(spark).warehouse(warehouse).trades(TradeFormat.BITSTAMP)
                .symbol("BTCUSD").input(truncated).execute())
                .isInstanceOf(IngestException.class)
                .hasMessageContaining(truncated.toString())
                .hasMessageContaining("corrupt or truncated");
        assertThat(versions()).containsExactly(before);
    }

    @Test
    void twoFilesWithTradesInTheSameMinuteFailBeforeWriting() {
        long[] before = versions();
        Path a = TestFiles.write(tmp, "day-a.csv", "timestamp,price,amount\n1385337600,800,1\n1385337659,801,1\n");
        Path b = TestFiles.write(tmp, "day-b.csv", "timestamp,price,amount\n1385337630,802,1\n1385337700,803,1\n");
        assertThatThrownBy(() -> IngestAction.on(spark).warehouse(warehouse).trades(TradeFormat.BITSTAMP)
                .symbol("BTCUSD").input(a).input(b).execute())
                .isInstanceOf(IngestException.class)
                .hasMessageContaining("nothing was written")
                .hasMessageContaining("[day-a.csv, day-b.csv] all hold a 1m bar at 2013-11-25T00:00:00Z");
        assertThat(versions()).containsExactly(before);
    }

    @Test
    void invalidConfigurationFailsBeforeAnySparkJob_withTheFix() {
        IngestAction base = IngestAction.on(spark).warehouse(warehouse).trades(TradeFormat.BITSTAMP);
        assertThatThrownBy(() -> base.input(TestFiles.bitstampTrades()).execute())
                .isInstanceOf(IngestException.class).hasMessageContaining("symbol is missing");
        assertThatThrownBy(() -> IngestAction.on(spark).warehouse(warehouse).trades(TradeFormat.BITSTAMP)
                .symbol("btc usd").input(TestFiles.bitstampTrades()).execute())
                .hasMessageContaining("symbol 'btc usd' is not valid").hasMessageContaining("upper case");
        assertThatThrownBy(() -> IngestAction.on(spark).trades(TradeFormat.BITSTAMP).symbol("BTCUSD")
                .input(TestFiles.bitstampTrades()).execute()).hasMessageContaining("no warehouse");
        assertThatThrownBy(() -> IngestAction.on(spark).warehouse(warehouse).symbol("BTCUSD")
                .input(TestFiles.bitstampTrades()).execute()).hasMessageContaining("no input format");
        assertThatThrownBy(() -> IngestAction.on(spark).warehouse(warehouse).trades(TradeFormat.BITSTAMP)
                .symbol("BTCUSD").execute()).hasMessageContaining("no input files");
        assertThatThrownBy(() -> IngestAction.on(spark).input("gs://bucket/trades.csv"))
                .isInstanceOf(IngestException.class)
                .hasMessageContaining("scheme 'gs:' is not supported")
                .hasMessageContaining("file:, hdfs: or s3a: URI");
        Path sameName = TestFiles.write(tmp.resolve(""), TestFiles.BITSTAMP_RESOURCE, "timestamp,price,amount\n1,2,3\n");
        assertThatThrownBy(() -> IngestAction.on(spark).warehouse(warehouse).trades(TradeFormat.BITSTAMP)
                .symbol("BTCUSD").input(TestFiles.bitstampTrades()).input(sameName).execute())
                .hasMessageContaining("both are named '" + TestFiles.BITSTAMP_RESOURCE + "'");
    }

    @Test
    void barsLoader_driverAndExecutorPaths_equalThePlainJavaBars() {
        BarSeries p = plainBars.bars();
        long from = p.ts()[100];
        long to = p.ts()[5_000];
        BarSeries expected = slice(p, 100, 5_000);
        String path = warehouse.path(Table.BARS);
        BarsQuery query = BarsQuery.minutes("BTCUSD", from, to);

        assertSame(DriverBars.load(spark, path, query), expected);

        // Inside Spark tasks, at a fixed version: Delta Kernel, no SparkSession; cached per executor JVM.
        TableVersion bars = TableVersion.latest(spark, path);
        BarsLoader.clearCache();
        List<Integer> sizes = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(List.of(1, 2, 3, 4), 4)
                .map(i -> BarsLoader.load(bars, query).size())
                .collect();
        assertThat(sizes).containsOnly(expected.size());
        BarSeries loaded = BarsLoader.load(bars, query);
        assertSame(loaded, expected);
        assertThat(BarsLoader.load(bars, query)).as("read once, then cached").isSameAs(loaded);
    }

    private static BarSeries slice(BarSeries s, int from, int to) {
        return new BarSeries(s.timeframe(), Arrays.copyOfRange(s.ts(), from, to), Arrays.copyOfRange(s.open(), from, to),
                Arrays.copyOfRange(s.high(), from, to), Arrays.copyOfRange(s.low(), from, to),
                Arrays.copyOfRange(s.close(), from, to), Arrays.copyOfRange(s.volume(), from, to));
    }

    /** Column by column, exactly (AssertJ only for the message: its diff is slow on 372,607 values). */
    static void assertSame(BarSeries actual, BarSeries expected) {
        assertThat(actual.timeframe()).isEqualTo(expected.timeframe());
        assertThat(actual.size()).isEqualTo(expected.size());
        if (!Arrays.equals(actual.ts(), expected.ts())) {
            assertThat(actual.ts()).containsExactly(expected.ts());
        }
        double[][] a = {actual.open(), actual.high(), actual.low(), actual.close(), actual.volume()};
        double[][] e = {expected.open(), expected.high(), expected.low(), expected.close(), expected.volume()};
        for (int c = 0; c < a.length; c++) {
            if (!Arrays.equals(a[c], e[c])) {
                assertThat(a[c]).as("column %d (open, high, low, close, volume)", c).containsExactly(e[c]);
            }
        }
    }

    private static long[] versions() {
        return new long[] {version(Table.TICKS), version(Table.BARS), version(Table.QUARANTINE), version(Table.INGESTS)};
    }
}

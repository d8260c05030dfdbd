package dev.massbt.datasets.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.apache.spark.sql.functions.col;

import dev.massbt.datasets.SharedSpark;
import dev.massbt.datasets.TestFiles;
import dev.massbt.datasets.catalog.DatasetRef;
import dev.massbt.datasets.error.IngestException;
import dev.massbt.datasets.read.GenericBars;
import dev.massbt.datasets.read.GenericTrades;
import dev.massbt.datasets.table.Table;
import dev.massbt.datasets.table.Warehouse;
import dev.massbt.datasets.validate.Session;
import dev.massbt.datasets.validate.ValidationRules;
import dev.massbt.strategies.timeframe.Timeframe;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingests of the layouts users bring: a universe directory, headered ISO ticks, and files that are not data. */
class RealLayoutsIngestTest {

    private final SparkSession spark = SharedSpark.session();

    @TempDir
    Path tmp;

    private Path fixture(String name, Path dir) throws IOException {
        Path f = dir.resolve(Path.of(name).getFileName().toString());
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("fixtures/" + name)) {
            Files.copy(in, f);
        }
        return f;
    }

    private boolean written(Warehouse w, Table t) {
        return DeltaTable.isDeltaTable(spark, w.path(t));
    }

    @Test
    void aDirectoryOfDailyFiles_isOneRunWithEachFilesSymbolFromItsName() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("universe"));
        for (String f : List.of("universe/AAPL.csv", "universe/msft.csv", "universe/BRK-B.csv.gz")) {
            fixture(f, dir);
        }
        Warehouse w = SharedSpark.freshWarehouse("universe");
        DatasetIngest.Result r = DatasetIngest.on(spark).warehouse(w).dataset(DatasetRef.parse(dir.toString()))
                .format(GenericBars.csv().adjusted()).symbolsFromFileNames().timeframe(Timeframe.D1).runId("u-1")
                .execute();

        assertThat(r.symbols()).containsExactly("AAPL", "BRK-B", "MSFT");
        assertThat(r.rowsRead()).isEqualTo(10);
        assertThat(r.accepted()).isEqualTo(10);
        assertThat(r.barsInserted()).isEqualTo(10);
        assertThat(r.versions().get(Table.BARS)).as("one commit for all files").isEqualTo(1L);
        List<Row> ingests = spark.read().format("delta").load(w.path(Table.INGESTS)).orderBy("source")
                .select("source", "symbol", "accepted", "columns").collectAsList();
        assertThat(ingests).extracting(x -> x.getString(0) + " " + x.getString(1) + " " + x.getLong(2))
                .containsExactly("AAPL.csv AAPL 4", "BRK-B.csv.gz BRK-B 3", "msft.csv MSFT 3");
        assertThat(ingests.get(0).getString(3)).contains("adj_close=Adj Close", "back-adjusted");
        Row msft = spark.read().format("delta").load(w.path(Table.BARS)).where(col("symbol").equalTo("MSFT"))
                .orderBy("ts").first();
        assertThat(msft.<String>getAs("timeframe")).isEqualTo("1d");
        assertThat(msft.<String>getAs("month")).as("one bucket for a symbol's days").isEqualTo("all");
        assertThat(msft.<Double>getAs("close")).isEqualTo(368.7);
        assertThat(msft.<Double>getAs("open")).isEqualTo(373.86 * (368.7 / 370.87));
    }

    @Test
    void headeredIsoTicks_goToTicksAndBars_withTheMappingRecorded() throws IOException {
        Path f = fixture("spy-ticks-iso.csv", tmp);
        Warehouse w = SharedSpark.freshWarehouse("iso-ticks");
        DatasetIngest.Result r = DatasetIngest.on(spark).warehouse(w).dataset(DatasetRef.parse(f.toString()))
                .format(GenericTrades.csv()).symbol("SPY").execute();
        assertThat(r.rowsRead()).isEqualTo(10);
        assertThat(r.accepted()).isEqualTo(8);
        assertThat(r.rejected()).as("the suspicious print and the bad price").isEqualTo(2);
        assertThat(spark.read().format("delta").load(w.path(Table.TICKS)).count()).isEqualTo(8);
        assertThat(spark.read().format("delta").load(w.path(Table.BARS)).count()).as("08:00, 08:01, 13:30, 13:31")
                .isEqualTo(4);
        Row ingest = spark.read().format("delta").load(w.path(Table.INGESTS)).first();
        assertThat(ingest.<String>getAs("columns")).isEqualTo("ts=ts, price=price, size=size, suspicious=suspicious; "
                + "ignored: exch, cond; suspicious prints quarantined");
    }

    @Test
    void aSession_keepsEveryTickFlagged_andBuildsBarsFromItsTradesOnly_inATicksTableOfAnOlderMassbt()
            throws IOException {
        Path f = fixture("spy-ticks-iso.csv", tmp);
        Warehouse w = SharedSpark.freshWarehouse("iso-session");
        StructType before = new StructType(java.util.Arrays.copyOf(Table.TICKS.schema().fields(),
                Table.TICKS.schema().size() - 1));
        DeltaTable.create(spark).location(w.path(Table.TICKS)).addColumns(before).partitionedBy("symbol", "date")
                .execute();
        DatasetIngest.Result r = DatasetIngest.on(spark).warehouse(w).dataset(DatasetRef.parse(f.toString()))
                .format(GenericTrades.csv()).symbol("SPY")
                .rules(ValidationRules.DEFAULT.withSession(Session.parse("09:30-16:00 America/New_York"))).execute();

        assertThat(r.rowsRead()).isEqualTo(r.accepted() + r.rejected()).isEqualTo(10);
        assertThat(r.accepted()).as("out-of-session ticks are accepted").isEqualTo(8);
        assertThat(r.summary()).contains("8 accepted (5 out of session, in no bar)");
        Dataset<Row> ticks = spark.read().format("delta").load(w.path(Table.TICKS));
        assertThat(ticks.schema().fieldNames()).endsWith("in_session");
        assertThat(ticks.groupBy("in_session").count().orderBy("in_session").collectAsList())
                .extracting(x -> x.get(0) + "=" + x.get(1)).as("04:00 New York (EDT) out, 09:30 in")
                .containsExactly("false=5", "true=3");
        List<Row> bars = spark.read().format("delta").load(w.path(Table.BARS)).orderBy("ts")
                .select("ts", "volume", "trades").collectAsList();
        assertThat(bars).extracting(b -> b.getTimestamp(0).toInstant() + " " + b.getDouble(1) + " " + b.getLong(2))
                .containsExactly("2013-10-07T13:30:00Z 1400.0 2", "2013-10-07T13:31:00Z 200.0 1");
        Row ingest = spark.read().format("delta").load(w.path(Table.INGESTS)).first();
        assertThat(ingest.<Long>getAs("bars")).isEqualTo(2);
        assertThat(ingest.getJavaMap(ingest.fieldIndex("observations"))).containsEntry("out_of_session", 5L);
    }

    @Test
    void fileThatIsNotData_failsNamingIt_andNothingIsWritten() throws IOException {
        Path page = fixture("not-data.csv", tmp);
        Warehouse w = SharedSpark.freshWarehouse("not-data");
        assertThatThrownBy(() -> DatasetIngest.on(spark).warehouse(w).dataset(DatasetRef.parse(page.toString()))
                .format(GenericBars.csv()).symbol("SPY").timeframe(Timeframe.D1).execute())
                .isInstanceOf(IngestException.class).hasMessageContaining("nothing was written")
                .hasMessageContaining(page.toString()).hasMessageContaining("line 1");
        assertThat(written(w, Table.BARS) || written(w, Table.QUARANTINE) || written(w, Table.INGESTS)).isFalse();
    }

    @Test
    void fewerAcceptedRowsThanTheLeastShare_failBeforeAnyWrite_unlessTheShareIsLowered() {
        Path f = TestFiles.write(tmp, "mostly-bad.csv", "1704067200,10,1\n1704067201,x,1\n1704067202,y,1\n"
                + "1704067203,11,1\n1704067204,-1,1\n");
        Warehouse w = SharedSpark.freshWarehouse("mostly-bad");
        assertThatThrownBy(() -> DatasetIngest.on(spark).warehouse(w).dataset(DatasetRef.parse(f.toString()))
                .format(GenericTrades.csv()).symbol("X").execute())
                .isInstanceOf(IngestException.class)
                .hasMessageContaining("mostly-bad.csv is not data in this format: 2 of 5 rows accepted, below the "
                        + "least share of 50%")
                .hasMessageContaining("unparsable 2").hasMessageContaining("invalid_price 1")
                .hasMessageContaining("First rejected: line 2").hasMessageContaining("1704067201,x,1")
                .hasMessageContaining("--min-accepted");
        assertThat(written(w, Table.QUARANTINE) || written(w, Table.TICKS)).isFalse();

        DatasetIngest.Result r = DatasetIngest.on(spark).warehouse(w).dataset(DatasetRef.parse(f.toString()))
                .format(GenericTrades.csv()).symbol("X").minAccepted(0.4).execute();
        assertThat(r.accepted()).isEqualTo(2);
        assertThat(r.rejected()).isEqualTo(3);
        assertThat(spark.read().format("delta").load(w.path(Table.QUARANTINE)).count()).isEqualTo(3);
    }

    @Test
    void aFileNameThatIsNoSymbol_isRefusedBeforeReading() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("odd"));
        TestFiles.write(dir, "my prices.csv", "Date,Open,High,Low,Close\n2024-01-02,1,2,1,2\n");
        Warehouse w = SharedSpark.freshWarehouse("odd-names");
        assertThatThrownBy(() -> DatasetIngest.on(spark).warehouse(w).dataset(DatasetRef.parse(dir.toString()))
                .format(GenericBars.csv()).symbolsFromFileNames().timeframe(Timeframe.D1).execute())
                .isInstanceOf(IngestException.class).hasMessageContaining("'my prices.csv'")
                .hasMessageContaining("Rename the file");
    }

    @Test
    void aLongFormatFileOfManySymbols_andTradesOfSeveralSymbols_giveEachSymbolItsBars() throws IOException {
        Path f = fixture("all-stocks-long.csv", tmp);
        Warehouse w = SharedSpark.freshWarehouse("long-format");
        DatasetIngest.Result r = DatasetIngest.on(spark).warehouse(w).dataset(DatasetRef.parse(f.toString()))
                .format(GenericBars.csv().withSymbolColumn("Name")).timeframe(Timeframe.D1).execute();
        assertThat(r.symbols()).containsExactly("AAL", "AAPL", "AMZN");
        assertThat(r.barsInserted()).isEqualTo(11);
        assertThat(spark.read().format("delta").load(w.path(Table.INGESTS)).first().<String>getAs("symbol"))
                .isEqualTo("AAL,AAPL,AMZN");
        assertThat(spark.read().format("delta").load(w.path(Table.QUARANTINE)).first().<String>getAs("symbol"))
                .as("a rejected row's symbol may be what is wrong").isEqualTo("*");

        Path ticks = TestFiles.write(tmp, "two-symbols.csv", "time,sym,price,qty\n"
                + "2024-03-01T09:30:00Z,AAA,10,1\n2024-03-01T09:30:00Z,BBB,20,1\n2024-03-01T09:30:30Z,AAA,11,2\n"
                + "2024-03-01T09:31:05Z,BBB,21,1\n2024-03-01T09:31:10Z,AAA,12,1\n");
        Warehouse tw = SharedSpark.freshWarehouse("long-ticks");
        DatasetIngest.Result t = DatasetIngest.on(spark).warehouse(tw).dataset(DatasetRef.parse(ticks.toString()))
                .format(GenericTrades.csv().withSymbolColumn("sym")).execute();
        assertThat(t.symbols()).containsExactly("AAA", "BBB");
        List<Row> bars = spark.read().format("delta").load(tw.path(Table.BARS)).orderBy("symbol", "ts")
                .select("symbol", "open", "close", "volume").collectAsList();
        assertThat(bars).extracting(b -> b.getString(0) + " " + b.getDouble(1) + " " + b.getDouble(2) + " "
                + b.getDouble(3)).containsExactly("AAA 10.0 11.0 3.0", "AAA 12.0 12.0 1.0", "BBB 20.0 20.0 1.0",
                "BBB 21.0 21.0 1.0");
    }
}

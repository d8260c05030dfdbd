package dev.massbt.datasets.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.massbt.datasets.TestFiles;
import dev.massbt.datasets.error.IngestException;
import dev.massbt.datasets.read.BarFormat;
import dev.massbt.datasets.read.TradeFormat;
import dev.massbt.datasets.table.Table;
import dev.massbt.datasets.validate.ValidationRules;
import dev.massbt.strategies.timeframe.Timeframe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.jdk.javaapi.CollectionConverters;

/** The executor function without Spark: what one file gives, in order, tagged. */
class ParseFilesTest {

    private static final StructType BARS = Table.BARS.schema();
    private static final StructType QUARANTINE = Table.QUARANTINE.schema();
    private static final StructType REPORT = Tagged.REPORT_SCHEMA;

    @TempDir
    Path tmp;

    private static List<Row> parse(ParseSpec spec, Path file) throws Exception {
        List<Row> rows = new ArrayList<>();
        new ParseFiles(spec).call(List.of(Piece.whole(file.toString())).iterator()).forEachRemaining(rows::add);
        return rows;
    }

    private static ParseSpec trades(Path file) {
        return new ParseSpec(Map.of(file.toString(), "BTCUSD"), TradeFormat.BITSTAMP, Timeframe.M1,
                ValidationRules.DEFAULT, "run-1", 0);
    }

    @Test
    void tradesGiveTicksBarsAsTheyCloseRejectedRowsAndOneReport() throws Exception {
        Path file = TestFiles.write(tmp, "t.csv.gz", """
                timestamp,price,amount
                60,10,1
                61,12,0
                62,11,2
                120,13,1
                oops,1,1
                """);
        List<Row> rows = parse(trades(file), file);
        assertThat(rows).extracting(r -> r.getString(0)).as("the ticks in one batch, at the end").containsExactly(
                "rejected", "bar", "rejected", "bar", "tick", "report");
        Row ticks = rows.get(4).getStruct(1);
        assertThat(ticks.<long[]>getAs(TickBatch.SCHEMA.fieldIndex("ts_us"))).containsExactly(60_000_000L, 62_000_000L,
                120_000_000L);
        assertThat(ticks.<long[]>getAs(TickBatch.SCHEMA.fieldIndex("line"))).containsExactly(2L, 4L, 5L);
        assertThat(ticks.<double[]>getAs(TickBatch.SCHEMA.fieldIndex("size"))).containsExactly(1.0, 2.0, 1.0);
        assertThat(ticks.<java.time.LocalDate>getAs(TickBatch.SCHEMA.fieldIndex("date"))).hasToString("1970-01-01");
        Row bar = rows.get(1).getStruct(2);
        assertThat(bar.<Double>getAs(BARS.fieldIndex("open"))).isEqualTo(10.0);
        assertThat(bar.<Double>getAs(BARS.fieldIndex("close"))).isEqualTo(11.0);
        assertThat(bar.<Double>getAs(BARS.fieldIndex("volume"))).isEqualTo(3.0);
        assertThat(bar.<Long>getAs(BARS.fieldIndex("trades"))).isEqualTo(2L);
        assertThat(bar.<Long>getAs(BARS.fieldIndex("line"))).as("line of the bar's first trade").isEqualTo(2L);
        assertThat(rows.get(3).getStruct(2).<Long>getAs(BARS.fieldIndex("line"))).isEqualTo(5L);
        Row rejected = rows.get(0).getStruct(3);
        assertThat(rejected.<String>getAs(QUARANTINE.fieldIndex("reason"))).isEqualTo("zero_size");
        assertThat(rejected.<String>getAs(QUARANTINE.fieldIndex("raw"))).isEqualTo("61,12,0");
        assertThat(rejected.<String>getAs(QUARANTINE.fieldIndex("run_id"))).isEqualTo("run-1");
        Row report = rows.get(5).getStruct(4);
        assertThat(report.<Long>getAs(REPORT.fieldIndex("rows_read"))).isEqualTo(5L);
        assertThat(report.<Long>getAs(REPORT.fieldIndex("accepted"))).isEqualTo(3L);
        assertThat(CollectionConverters.asJava(report.<scala.collection.Map<String, Long>>getAs(
                REPORT.fieldIndex("rejected"))))
                .containsExactlyInAnyOrderEntriesOf(Map.of("zero_size", 1L, "unparsable", 1L));
        assertThat(report.<Long>getAs(REPORT.fieldIndex("bars"))).isEqualTo(2L);
        assertThat(report.getList(REPORT.fieldIndex("dates"))).containsExactly("1970-01-01");
        assertThat(report.getList(REPORT.fieldIndex("months"))).containsExactly("1970-01");
    }

    @Test
    void barFilesGiveBarsAndAReport() throws Exception {
        Path file = TestFiles.write(tmp, "b.csv", """
                20180101 170000;1.2;1.3;1.1;1.25;0
                20180101 170100;1.2;1.1;1.3;1.25;0
                20180131 190100;1.2;1.3;1.1;1.25;0
                """);
        List<Row> rows = parse(new ParseSpec(Map.of(file.toString(), "EURUSD"), BarFormat.HISTDATA_M1, Timeframe.M1, ValidationRules.DEFAULT,
                "r", 0), file);
        assertThat(rows).extracting(r -> r.getString(0)).containsExactly("bar", "rejected", "bar", "report");
        assertThat(rows.get(2).getStruct(2).<String>getAs(BARS.fieldIndex("month"))).isEqualTo("2018-02"); // 19:01 EST = 00:01 UTC
        assertThat(rows.get(3).getStruct(4).getList(REPORT.fieldIndex("months"))).containsExactly("2018-01", "2018-02");
    }

    @Test
    void fileLevelErrorsBecomeIngestExceptionsWithTheReadersMessage() {
        Path headerOnly = TestFiles.write(tmp, "h.csv", "timestamp,price,amount\n");
        assertThatThrownBy(() -> parse(trades(headerOnly), headerOnly)).isInstanceOf(IngestException.class)
                .hasMessageContaining(headerOnly.toString()).hasMessageContaining("header but no data rows");
        Path semicolons = TestFiles.write(tmp, "s.csv", "1;2;3\n4;5;6\n");
        assertThatThrownBy(() -> parse(trades(semicolons), semicolons)).isInstanceOf(IngestException.class)
                .hasMessageContaining(semicolons.toString()).hasMessageContaining("';' (semicolon)");
    }
}

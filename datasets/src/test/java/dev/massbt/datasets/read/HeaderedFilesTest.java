package dev.massbt.datasets.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.massbt.datasets.TestFiles;
import dev.massbt.datasets.error.DataFileException;
import dev.massbt.datasets.validate.IngestReport;
import dev.massbt.datasets.validate.Quarantine;
import dev.massbt.datasets.validate.Reason;
import dev.massbt.datasets.validate.RejectedRow;
import dev.massbt.datasets.validate.ValidationRules;
import dev.massbt.strategies.timeframe.Timeframe;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files in the layouts public sources publish: headers, names, ISO and local times, extra and adjusted columns. */
class HeaderedFilesTest {

    @TempDir
    Path dir;

    private Path fixture(String name) throws IOException {
        Path f = dir.resolve(name.replace('/', '_'));
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("fixtures/" + name)) {
            Files.copy(in, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return f;
    }

    private record Read<R>(List<R> rows, IngestReport report, List<RejectedRow> rejected) {
    }

    private static Read<TradeRow> trades(Path f, TradeFormat format) {
        Quarantine q = Quarantine.keepingFirst(100);
        List<TradeRow> rows = new ArrayList<>();
        try (TradeReader r = TradeReader.open(f, format, ValidationRules.DEFAULT, q)) {
            r.forEachRemaining(rows::add);
            return new Read<>(rows, r.report(), q.kept());
        }
    }

    private static Read<BarRow> bars(Path f, BarFormat format, Timeframe tf) {
        Quarantine q = Quarantine.keepingFirst(100);
        List<BarRow> rows = new ArrayList<>();
        try (BarReader r = BarReader.open(f, format, tf, q)) {
            r.forEachRemaining(rows::add);
            return new Read<>(rows, r.report(), q.kept());
        }
    }

    private static long micros(String instant) {
        Instant i = Instant.parse(instant);
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
    }

    @Test
    void headeredIsoTicksWithExtraColumns_areMappedByName_andTheHeaderIsNoRow() throws IOException {
        Read<TradeRow> r = trades(fixture("spy-ticks-iso.csv"), GenericTrades.csv());
        assertThat(r.report().rowsRead()).as("the header is not a row").isEqualTo(10);
        assertThat(r.report().accepted()).isEqualTo(8);
        assertThat(r.rejected()).hasSize(2);
        assertThat(r.rejected().get(0)).satisfies(x -> {
            assertThat(x.line()).isEqualTo(7);
            assertThat(x.reason()).isEqualTo(Reason.SUSPICIOUS);
            assertThat(x.message()).contains("flags this print as suspicious");
        });
        assertThat(r.rejected().get(1)).satisfies(x -> {
            assertThat(x.line()).isEqualTo(11);
            assertThat(x.reason()).isEqualTo(Reason.UNPARSABLE);
            assertThat(x.message()).contains("price 'not-a-price'");
        });
        assertThat(r.rows().get(0).tsMicros()).isEqualTo(micros("2013-10-07T08:00:00.464Z"));
        assertThat(r.rows().get(0).price()).isEqualTo(169.50);
        assertThat(r.rows().get(0).size()).isEqualTo(100);
        assertThat(r.rows().get(4).tsMicros()).isEqualTo(micros("2013-10-07T08:01:00Z"));
        assertThat(r.rows().get(6).tsMicros()).isEqualTo(micros("2013-10-07T13:30:00.123456Z"));
        assertThat(r.report().columns()).isEqualTo("ts=ts, price=price, size=size, suspicious=suspicious; ignored: "
                + "exch, cond; suspicious prints quarantined");
        assertThat(r.report().summary()).contains("ignored: exch, cond");

        Read<TradeRow> kept = trades(fixture("spy-ticks-iso.csv"),
                GenericTrades.csv().withFilters(PrintFilters.DEFAULT.keepingSuspicious()));
        assertThat(kept.report().accepted()).isEqualTo(9);
        assertThat(kept.rows().get(5).tsMicros()).isEqualTo(micros("2013-10-07T08:01:30.500Z"));
    }

    @Test
    void excludedSaleConditions_areQuarantinedWithTheCode() throws IOException {
        Read<TradeRow> r = trades(fixture("spy-ticks-iso.csv"),
                GenericTrades.csv().withFilters(PrintFilters.DEFAULT.excluding(java.util.Set.of("t"))));
        assertThat(r.report().accepted()).as("the pre-market T prints go").isEqualTo(3);
        assertThat(r.report().rejected(Reason.EXCLUDED_CONDITION)).isEqualTo(5);
        assertThat(r.report().rejected(Reason.SUSPICIOUS)).as("checked first").isEqualTo(1);
        assertThat(r.rejected().get(0).message()).isEqualTo("sale condition T is excluded");
        assertThat(r.report().columns()).contains("condition=cond").contains("conditions T quarantined");
    }

    @Test
    void dailyBarsWithAdjClose_rawByDefault_backAdjustedWithAdjust() throws IOException {
        Path f = fixture("SPY-daily.csv");
        Read<BarRow> raw = bars(f, GenericBars.csv(), Timeframe.D1);
        assertThat(raw.report().accepted()).isEqualTo(10);
        assertThat(raw.rows().get(4).tsMillis()).isEqualTo(Instant.parse("1999-12-31T00:00:00Z").toEpochMilli());
        assertThat(raw.rows().get(4).close()).isEqualTo(146.875);
        assertThat(raw.rows().get(4).volume()).isEqualTo(3_172_700);
        assertThat(raw.report().columns()).endsWith("ignored: Adj Close");

        Read<BarRow> adj = bars(f, GenericBars.csv().adjusted(), Timeframe.D1);
        BarRow b = adj.rows().get(4);
        double ratio = 99.018013 / 146.875;
        assertThat(b.close()).isEqualTo(99.018013);
        assertThat(b.open()).isEqualTo(146.843750 * ratio);
        assertThat(b.high()).isEqualTo(147.5 * ratio);
        assertThat(b.low()).isEqualTo(146.25 * ratio);
        assertThat(b.volume()).as("volume as written").isEqualTo(3_172_700);
        assertThat(adj.report().columns()).contains("adj_close=Adj Close").contains("back-adjusted");
    }

    @Test
    void adjustWithoutAnAdjustedColumn_isRefusedNamingTheFile() {
        Path f = TestFiles.write(dir, "x.csv", "Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,1,2,10\n");
        assertThatThrownBy(() -> bars(f, GenericBars.csv().adjusted(), Timeframe.D1))
                .isInstanceOf(DataFileException.class).hasMessageContaining(f.toString())
                .hasMessageContaining("line 1").hasMessageContaining("adj_close");
    }

    @Test
    void localTimesAcrossBothDaylightSavingChanges_inSplitDateAndTimeColumns() throws IOException {
        Path f = fixture("eurusd-h1-new-york.csv");
        GenericBars format = GenericBars.csv().withTime(TimeSpec.AUTO.withZone("America/New_York"))
                .withColumnNames(ColumnNames.parse("volume=<TICKVOL>"));
        Read<BarRow> r = bars(f, format, Timeframe.H1);
        assertThat(r.rows()).extracting(BarRow::tsMillis).containsExactly(
                Instant.parse("2024-03-10T05:00:00Z").toEpochMilli(),  // 00:00 EST
                Instant.parse("2024-03-10T06:00:00Z").toEpochMilli(),  // 01:00 EST
                Instant.parse("2024-03-10T07:00:00Z").toEpochMilli(),  // 03:00 EDT: 02:00-03:00 did not exist
                Instant.parse("2024-11-03T04:00:00Z").toEpochMilli(),  // 00:00 EDT
                Instant.parse("2024-11-03T05:00:00Z").toEpochMilli(),  // 01:00 EDT, the first pass
                Instant.parse("2024-11-03T06:00:00Z").toEpochMilli(),  // 01:00 EST, the second
                Instant.parse("2024-11-03T07:00:00Z").toEpochMilli()); // 02:00 EST
        assertThat(r.rejected()).singleElement().satisfies(x -> {
            assertThat(x.reason()).isEqualTo(Reason.INVALID_LOCAL_TIME);
            assertThat(x.line()).isEqualTo(4);
            assertThat(x.message()).contains("does not exist in America/New_York");
        });
        assertThat(r.rows().get(0).volume()).as("--columns chose <TICKVOL> over <VOL>").isEqualTo(310);
        assertThat(r.report().columns()).contains("date=<DATE>", "time=<TIME>", "ignored: <VOL>, <SPREAD>");
    }

    @Test
    void timePatternAndZone_forDukascopyStyleLocalTimes() {
        Path f = TestFiles.write(dir, "dk.csv", "Local time,Open,High,Low,Close,Volume\n"
                + "01.03.2024 09:30:00.000 GMT+0100,1.1,1.2,1.0,1.15,12.5\n");
        GenericBars format = GenericBars.csv().withTime(TimeSpec.AUTO.withPattern("dd.MM.yyyy HH:mm:ss.SSS 'GMT'Z"));
        Read<BarRow> r = bars(f, format, Timeframe.M1);
        assertThat(r.rows()).singleElement().extracting(BarRow::tsMillis)
                .isEqualTo(Instant.parse("2024-03-01T08:30:00Z").toEpochMilli());
    }

    @Test
    void semicolonHeaderIsFoundWithoutADelimiterOption_andColumnsCanBeNamed() {
        Path f = TestFiles.write(dir, "s.csv", "Zeit;Kurs;Stueck;Boerse\n2024-03-01 09:00:00;101,5;10;XETRA\n"
                + "2024-03-01 09:00:01;101.25;20;XETRA\n");
        GenericTrades format = GenericTrades.csv().withColumnNames(ColumnNames.parse("ts=Zeit,price=Kurs,size=Stueck"));
        Read<TradeRow> r = trades(f, format);
        assertThat(r.rows()).singleElement().satisfies(t -> {
            assertThat(t.price()).isEqualTo(101.25);
            assertThat(t.tsMicros()).isEqualTo(micros("2024-03-01T09:00:01Z"));
        });
        assertThat(r.rejected()).singleElement().extracting(RejectedRow::message).asString()
                .contains("price '101,5' is not a number");
    }

    @Test
    void aHeaderWithoutTheNeededColumns_failsNamingThemAndTheOption() {
        Path f = TestFiles.write(dir, "q.csv", "symbol,bid,ask\nSPY,1,2\n");
        assertThatThrownBy(() -> trades(f, GenericTrades.csv())).isInstanceOf(DataFileException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("line 1")
                .hasMessageContaining("no ts, price, size column").hasMessageContaining("--columns ts=");
        assertThatThrownBy(() -> trades(f, GenericTrades.csv().withColumnNames(ColumnNames.parse("price=last"))))
                .isInstanceOf(DataFileException.class).hasMessageContaining("no column 'last'");
    }

    @Test
    void anHtmlErrorPageIsNotData() throws IOException {
        Path f = fixture("not-data.csv");
        assertThatThrownBy(() -> bars(f, GenericBars.csv(), Timeframe.D1)).isInstanceOf(DataFileException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("line 1");
    }

    @Test
    void binanceStyleBuyerMakerFlagGivesTheSide() {
        Path f = TestFiles.write(dir, "b.csv", "id,price,qty,quote_qty,time,is_buyer_maker\n"
                + "1,42000.5,0.1,4200.05,1704067200000,true\n2,42001,0.2,8400.2,1704067200001,false\n");
        Read<TradeRow> r = trades(f, GenericTrades.csv());
        assertThat(r.rows()).extracting(TradeRow::side).containsExactly(Side.SELL, Side.BUY);
        assertThat(r.rows().get(1).tsMicros()).isEqualTo(1_704_067_200_001_000L);
    }

    @Test
    void headerlessFilesKeepTheirPositions() {
        Path f = TestFiles.write(dir, "p.csv", "1704067200,10.5,3\n1704067201,10.6,4\n");
        Read<TradeRow> r = trades(f, GenericTrades.csv());
        assertThat(r.rows()).extracting(TradeRow::price).containsExactly(10.5, 10.6);
        assertThat(r.report().columns()).isEmpty();
    }

    @Test
    void aLongFormatFileOfManySymbols_namesEachRowsSymbol_andValidatesEachSymbolInItsOwnOrder() throws IOException {
        Read<BarRow> r = bars(fixture("all-stocks-long.csv"), GenericBars.csv().withSymbolColumn("Name"), Timeframe.D1);
        assertThat(r.report().accepted()).isEqualTo(11);
        assertThat(r.rows()).extracting(BarRow::symbol).startsWith("AAL", "AAPL", "AMZN", "AAL");
        assertThat(r.report().observations()).as("each symbol's own weekend, nothing out of order")
                .containsEntry(dev.massbt.datasets.validate.Observation.GAP, 3L);
        assertThat(r.report().rejected(Reason.OUT_OF_ORDER)).isZero();
        assertThat(r.rejected()).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(13);
            assertThat(x.message()).contains("symbol 'A M Z N' is not a symbol");
        });
        assertThat(r.report().columns()).contains("symbol=Name");
        Path headerless = TestFiles.write(dir, "nohead.csv", "2024-01-02,1,2,1,2,10\n");
        assertThatThrownBy(() -> bars(headerless, GenericBars.csv().withSymbolColumn("Name"), Timeframe.D1))
                .isInstanceOf(DataFileException.class).hasMessageContaining("--symbol-column needs a header");
    }

    @Test
    void theOutlierFilterQuarantinesALateBlockFarFromTheMarket_andCountsReconcile() {
        StringBuilder b = new StringBuilder("ts,price,size\n");
        for (int i = 0; i < 30; i++) {
            double price = i == 12 ? 171.9 : 169.5 + (i % 3) * 0.01; // a block print 141 bps off
            b.append("2013-10-07T13:30:").append(String.format(java.util.Locale.ROOT, "%02d", i)).append("Z,")
                    .append(price).append(",100\n");
        }
        Path f = TestFiles.write(dir, "block.csv", b.toString());
        ValidationRules rules = ValidationRules.DEFAULT.withOutlierBps(50);
        Quarantine q = Quarantine.keepingFirst(10);
        List<TradeRow> rows = new ArrayList<>();
        IngestReport report;
        try (TradeReader r = TradeReader.open(f, GenericTrades.csv(), rules, q)) {
            r.forEachRemaining(rows::add);
            report = r.report();
        }
        assertThat(report.rowsRead()).isEqualTo(30);
        assertThat(report.accepted()).isEqualTo(29);
        assertThat(report.rejected(Reason.OUTLIER)).isEqualTo(1);
        assertThat(rows).extracting(TradeRow::line).isSorted().doesNotContain(14L);
        assertThat(q.kept()).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(14);
            assertThat(x.raw()).isEqualTo("2013-10-07T13:30:12Z,171.9,100");
            assertThat(x.message()).contains("bps from the median");
        });
    }
}

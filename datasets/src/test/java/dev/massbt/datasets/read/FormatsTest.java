package dev.massbt.datasets.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.massbt.datasets.TestFiles;
import dev.massbt.datasets.validate.IngestReport;
import dev.massbt.datasets.validate.Quarantine;
import dev.massbt.datasets.validate.Reason;
import dev.massbt.datasets.validate.ValidationRules;
import dev.massbt.strategies.bars.BarSeries;
import dev.massbt.strategies.timeframe.Timeframe;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatsTest {

    @TempDir
    Path dir;

    private static List<TradeRow> trades(Path f, TradeFormat format, Quarantine q) {
        List<TradeRow> out = new ArrayList<>();
        try (TradeReader r = TradeReader.open(f, format, ValidationRules.DEFAULT, q)) {
            r.forEachRemaining(out::add);
        }
        return out;
    }

    private static List<BarRow> bars(Path f, BarFormat format, Timeframe tf, Quarantine q) {
        List<BarRow> out = new ArrayList<>();
        try (BarReader r = BarReader.open(f, format, tf, q)) {
            r.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void binanceTrades_withAndWithoutHeader_msAndMicros_sideFromBuyerMaker() {
        String rows = "1001,42000.5,0.010,420.005,1704067200000,true,true\n"
                + "1002,42001.0,0.020,840.02,1704067200123,false,true\n"
                + "1002,42001.0,0.020,840.02,1704067200123,false,true\n";
        Path noHeader = TestFiles.write(dir, "BTCUSDT-trades-2024-01-01.csv", rows);
        Quarantine q = Quarantine.keepingFirst(5);
        List<TradeRow> t = trades(noHeader, TradeFormat.BINANCE, q);
        assertThat(t).hasSize(2);
        assertThat(t.get(0).tsMicros()).isEqualTo(1_704_067_200_000_000L);
        assertThat(t.get(0).side()).isEqualTo(Side.SELL);
        assertThat(t.get(0).tradeId()).isEqualTo(1001);
        assertThat(t.get(1).side()).isEqualTo(Side.BUY);
        assertThat(t.get(1).tsMicros()).isEqualTo(1_704_067_200_123_000L);
        assertThat(q.kept()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(Reason.DUPLICATE);
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.message()).contains("trade id 1002");
        });

        Path header = TestFiles.write(dir, "with-header.csv.gz",
                "id,price,qty,quote_qty,time,is_buyer_maker\n7,100.0,1.5,150.0,1735689600000123,False\n");
        List<TradeRow> u = trades(header, TradeFormat.BINANCE, Quarantine.keepingFirst(0));
        assertThat(u).singleElement().satisfies(r -> {
            assertThat(r.tsMicros()).isEqualTo(1_735_689_600_000_123L);
            assertThat(r.side()).isEqualTo(Side.BUY);
            assertThat(r.line()).isEqualTo(2);
        });
    }

    @Test
    void binanceKlines_withAndWithoutHeader() {
        String header = "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,"
                + "taker_buy_quote_volume,ignore\n";
        String data = "1704067200000,42283.58,42298.62,42261.02,42298.61,35.92724,1704067259999,1519032.2,1327,17.9,"
                + "757006.5,0\n"
                + "1704067260000000,42298.62,42320.00,42298.61,42301.99,21.5,1704067319999999,909442.9,1003,10.1,"
                + "427239.3,0\n";
        for (String content : new String[] {data, header + data}) {
            Path f = TestFiles.write(dir, "BTCUSDT-1m.csv", content);
            List<BarRow> b = bars(f, BarFormat.BINANCE_KLINES, Timeframe.M1, Quarantine.keepingFirst(0));
            assertThat(b).extracting(BarRow::tsMillis).containsExactly(1_704_067_200_000L, 1_704_067_260_000L);
            assertThat(b.get(0).open()).isEqualTo(42283.58);
            assertThat(b.get(0).volume()).isEqualTo(35.92724);
            assertThat(b.get(1).close()).isEqualTo(42301.99);
        }
    }

    @Test
    void genericTrades_customColumnsDelimiterSideAndIsoTime() {
        Path f = TestFiles.write(dir, "ticks.tsv",
                "side\ttime\tqty\tpx\nbuy\t2024-03-01T09:30:00.250Z\t100\t187.5\nS\t2024-03-01 09:30:01\t50\t187.4\n"
                        + "\t2024-03-01T04:30:02-05:00\t10\t187.45\nhold\t2024-03-01T09:30:03Z\t1\t187\n");
        GenericTrades format = GenericTrades.csv().withDelimiter('\t').withColumns(4, 1, 3, 2, 0)
                .withTime(TimeSpec.AUTO);
        Quarantine q = Quarantine.keepingFirst(5);
        List<TradeRow> t = trades(f, format, q);
        assertThat(t).extracting(TradeRow::side).containsExactly(Side.BUY, Side.SELL, Side.UNKNOWN);
        assertThat(t.get(0).tsMicros()).isEqualTo(Instant.parse("2024-03-01T09:30:00.250Z").toEpochMilli() * 1000);
        assertThat(t.get(1).tsMicros()).isEqualTo(Instant.parse("2024-03-01T09:30:01Z").toEpochMilli() * 1000);
        assertThat(t.get(2).tsMicros()).isEqualTo(Instant.parse("2024-03-01T09:30:02Z").toEpochMilli() * 1000);
        assertThat(t.get(0).price()).isEqualTo(187.5);
        assertThat(t.get(0).size()).isEqualTo(100);
        assertThat(q.kept()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(Reason.UNPARSABLE);
            assertThat(r.message()).contains("side 'hold'");
        });
    }

    @ParameterizedTest
    @CsvSource({
        "1385337600, 1385337600000000",
        "1385337600.5, 1385337600500000",
        "1385337600123, 1385337600123000",
        "1385337600123456, 1385337600123456",
        "1385337600123456789, 1385337600123456"})
    void epochUnitIsDetectedByMagnitude(String text, long micros) {
        assertThat(TimeSpec.AUTO.parser().parseMicros(text, "ts")).isEqualTo(micros);
    }

    @Test
    void explicitEpochUnits() {
        assertThat(TimeSpec.of(EpochUnit.SECONDS).parser().parseMicros("5", "ts")).isEqualTo(5_000_000L);
        assertThat(TimeSpec.of(EpochUnit.MILLIS).parser().parseMicros("5", "ts")).isEqualTo(5_000L);
        assertThat(TimeSpec.of(EpochUnit.MICROS).parser().parseMicros("5", "ts")).isEqualTo(5L);
        assertThat(TimeSpec.of(EpochUnit.NANOS).parser().parseMicros("5999", "ts")).isEqualTo(5L);
        assertThatThrownBy(() -> TimeSpec.AUTO.parser().parseMicros("2024-13-01", "ts"))
                .isInstanceOf(RowRejected.class).hasMessageContaining("ISO-8601");
    }

    @Test
    void genericDailyBars_realAppleFile() throws IOException {
        Path f = dir.resolve("appleinc_bars_from_20130101_usd.csv");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("appleinc_bars_from_20130101_usd.csv")) {
            Files.copy(in, f);
        }
        Quarantine q = Quarantine.keepingFirst(5);
        BarSeries series;
        IngestReport report;
        try (BarReader r = BarReader.open(f, GenericBars.csv(), Timeframe.D1, q)) {
            series = BarReader.collect(r, Timeframe.D1);
            report = r.report();
        }
        assertThat(report.rowsRead()).isEqualTo(252);
        assertThat(report.accepted()).isEqualTo(252);
        assertThat(series.ts()[0]).isEqualTo(Instant.parse("2013-01-02T00:00:00Z").toEpochMilli());
        assertThat(series.open()[0]).isEqualTo(553.82);
        assertThat(series.volume()[0]).isEqualTo(20_018_500);
    }

    @Test
    void histDataTimestamps_areEstPlusFiveHours_andBadDatesAreUnparsable() {
        Path f = TestFiles.write(dir, "DAT_ASCII_TEST_M1.csv", "20180101 170000;1.2;1.3;1.1;1.25;0\n"
                + "20180230 000000;1.2;1.3;1.1;1.25;0\n20180101 170100;1.2;1.1;1.3;1.15;0\n"
                + "20180101 170200;1.2;1.3;1.1;1.35;0\n20180101 170500;1.2;1.3;1.1;1.25;0\n");
        Quarantine q = Quarantine.keepingFirst(5);
        IngestReport report;
        List<BarRow> b = new ArrayList<>();
        try (BarReader r = BarReader.open(f, BarFormat.HISTDATA_M1, Timeframe.M1, q)) {
            r.forEachRemaining(b::add);
            report = r.report();
        }
        assertThat(b).extracting(BarRow::tsMillis).containsExactly(
                Instant.parse("2018-01-01T22:00:00Z").toEpochMilli(), Instant.parse("2018-01-01T22:05:00Z").toEpochMilli());
        assertThat(report.rejected()).containsExactlyInAnyOrderEntriesOf(Map.of(Reason.UNPARSABLE, 1L,
                Reason.HIGH_BELOW_LOW, 1L, Reason.OPEN_CLOSE_OUTSIDE_RANGE, 1L));
        assertThat(q.kept().get(0).message()).contains("20180230 000000");
    }
}

package dev.massbt.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.massbt.datasets.SharedSpark;
import dev.massbt.datasets.table.Table;
import dev.massbt.datasets.table.Warehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's daily study, as commands: a directory of per-symbol daily files in a common free
 * source's layout (Date,Open,High,Low,Close,Adj Close,Volume) ingested in one run, then
 * generate on 1d, backtest and rank; and the mistakes on the way, each exit 2 with what to do.
 */
class DailyUniverseTest {

    private static final List<String> SYMBOLS = List.of("AAA", "BBB", "CCC", "DDD", "EEE", "FFF");
    private static Warehouse warehouse;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void setUp() {
        warehouse = SharedSpark.freshWarehouse("daily-universe");
    }

    /** Weekday bars of a seeded random walk, the adjusted close a steady 2% below the close. */
    private static void writeDaily(Path dir, String symbol, int days, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\n");
        double close = 50 + r.nextDouble(100);
        LocalDate d = LocalDate.of(2015, 1, 2);
        for (int i = 0; i < days; d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() > 5) {
                continue;
            }
            double open = close * (1 + r.nextGaussian() * 0.005);
            close = open * (1 + r.nextGaussian() * 0.015);
            double high = Math.max(open, close) * (1 + r.nextDouble(0.01));
            double low = Math.min(open, close) * (1 - r.nextDouble(0.01));
            b.append(String.format(Locale.ROOT, "%s,%.4f,%.4f,%.4f,%.4f,%.4f,%d%n", d, open, high, low, close,
                    close * 0.98, 100_000 + r.nextInt(900_000)));
            i++;
        }
        Files.writeString(dir.resolve(symbol.toLowerCase(Locale.ROOT) + ".csv"), b.toString());
    }

    @Test
    void aDirectoryOfDailyFiles_ingestGenerateBacktestRank() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("daily"));
        for (int i = 0; i < SYMBOLS.size(); i++) {
            writeDaily(dir, SYMBOLS.get(i), 400, i);
        }
        String w = warehouse.root();
        CommandLineTest.Outcome ingest = CommandLineTest.run("ingest", dir.toString(), "--format", "bars-csv",
                "--timeframe", "1d", "--symbol-from", "filename", "--adjust", "--run-id", "daily-in", "--warehouse", w);
        assertThat(ingest.code()).as(ingest.err()).isZero();
        assertThat(ingest.out()).contains("2400 rows read, 2400 accepted, 0 rejected, 2400 bars (2400 new) of 6 symbols");
        assertThat(SharedSpark.session().read().format("delta").load(warehouse.path(Table.INGESTS)).count())
                .as("one row per file of the one run").isEqualTo(6);

        CommandLineTest.Outcome minutes = CommandLineTest.run("generate", "--count", "4", "--seed", "5", "--run-id",
                "gen-m", "--warehouse", w);
        assertThat(minutes.code()).as(minutes.err()).isZero();
        CommandLineTest.Outcome wrongTimeframe = CommandLineTest.run("backtest", "--strategies-run", "gen-m",
                "--symbols", "AAA", "--warehouse", w);
        assertThat(wrongTimeframe.code()).isEqualTo(2);
        assertThat(wrongTimeframe.err()).contains("Cannot run strategies on 1m bars").contains("AAA: 1d")
                .contains("--primary 1d");

        CommandLineTest.Outcome gen = CommandLineTest.run("generate", "--count", "30", "--seed", "7", "--primary",
                "1d", "--secondary", "none", "--run-id", "gen-d", "--warehouse", w);
        assertThat(gen.code()).as(gen.err()).isZero();
        CommandLineTest.Outcome bt = CommandLineTest.run("backtest", "--strategies-run", "gen-d", "--symbols",
                String.join(",", SYMBOLS), "--run-id", "bt-d", "--warehouse", w);
        assertThat(bt.code()).as(bt.err()).isZero();
        assertThat(bt.out()).contains("30 strategies x 6 symbols");
        int periods = SharedSpark.session().read().format("delta").load(w + "/results").where("run_id = 'bt-d'")
                .select("periods_per_year").distinct().first().getInt(0);
        assertThat(periods).as("weekdays only: 5/7 of 365.25, counted from the bars").isBetween(258, 264);
        assertThat(CommandLineTest.run("runs", "--run", "bt-d", "--warehouse", w).out())
                .contains("periods_per_year -> " + periods);
        CommandLineTest.Outcome rank = CommandLineTest.run("rank", "--run", "bt-d", "--warehouse", w);
        assertThat(rank.code()).as(rank.err()).isZero();
        assertThat(rank.out()).contains("sharpe");
    }

    @Test
    void filesThatAreNotData_exitTwoNamingTheFile_andWriteNothing() throws IOException {
        Path page = tmp.resolve("spy.csv");
        Files.writeString(page, "<!DOCTYPE html>\n<html><body>Too Many Requests</body></html>\n");
        Warehouse fresh = SharedSpark.freshWarehouse("daily-not-data");
        CommandLineTest.Outcome o = CommandLineTest.run("ingest", page.toString(), "--format", "bars-csv",
                "--timeframe", "1d", "--symbol", "SPY", "--warehouse", fresh.root());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains(page.toString()).contains("line 1").contains("nothing was written");
        assertThat(Files.exists(Path.of(fresh.path(Table.BARS)))).isFalse();

        List<String> wrong = new ArrayList<>();
        wrong.add(CommandLineTest.run("ingest", page.toString(), "--format", "bitstamp", "--timezone", "UTC",
                "--symbol", "SPY", "--warehouse", fresh.root()).err());
        wrong.add(CommandLineTest.run("ingest", page.toString(), "--format", "bars-csv", "--columns", "when=Date",
                "--symbol", "SPY", "--warehouse", fresh.root()).err());
        wrong.add(CommandLineTest.run("ingest", page.toString(), "--format", "bars-csv", "--min-accepted", "150%",
                "--symbol", "SPY", "--warehouse", fresh.root()).err());
        assertThat(wrong.get(0)).contains("--format trades-csv or --format bars-csv (bitstamp has a fixed layout)");
        assertThat(wrong.get(1)).contains("unknown column key 'when'").contains("keys: ts, date, time");
        assertThat(wrong.get(2)).contains("--min-accepted").contains("between 0 and 1");
        assertThat(CommandLineTest.run("ingest", page.toString(), "--format", "bars-csv", "--outlier-bps", "50",
                "--symbol", "SPY", "--warehouse", fresh.root()).err()).contains("--outlier-bps needs a trades format");
        assertThat(CommandLineTest.run("ingest", page.toString(), "--format", "trades-csv", "--outlier-bps", "-5",
                "--symbol", "SPY", "--warehouse", fresh.root()).err()).contains("outlierBps must be a number >= 0");
    }

    @Test
    void sessionMistakes_exitTwoNamingTheOptionAndTheValue() throws IOException {
        Path bars = Files.writeString(tmp.resolve("bars.csv"), "Date,Open,High,Low,Close\n2024-01-02,1,2,1,2\n");
        String root = SharedSpark.freshWarehouse("daily-session").root();
        CommandLineTest.Outcome forBars = CommandLineTest.run("ingest", bars.toString(), "--format", "bars-csv",
                "--session", "09:30-16:00", "America/New_York", "--symbol", "SPY", "--warehouse", root);
        assertThat(forBars.code()).isEqualTo(2);
        assertThat(forBars.err()).as("two arguments are one value").contains("--session needs a trades format");
        CommandLineTest.Outcome badHour = CommandLineTest.run("ingest", bars.toString(), "--format", "trades-csv",
                "--session", "25:00-16:00 America/New_York", "--symbol", "SPY", "--warehouse", root);
        assertThat(badHour.code()).isEqualTo(2);
        assertThat(badHour.err()).contains("--session: '25:00-16:00 America/New_York' is not a session: 25:00 is "
                + "not a time of day").contains("e.g. '09:30-16:00 America/New_York'");
        assertThat(CommandLineTest.run("ingest", bars.toString(), "--format", "trades-csv", "--session",
                "09:30-16:00", "--symbol", "SPY", "--warehouse", root).err()).contains("the zone is missing");

        Path ticks = Files.writeString(tmp.resolve("spy-ticks.csv"), "ts,price,size\n2024-07-01T13:29:59Z,10,1\n"
                + "2024-07-01T13:30:00Z,11,2\n");
        CommandLineTest.Outcome ok = CommandLineTest.run("ingest", ticks.toString(), "--format", "trades-csv",
                "--session", "09:30-16:00 America/New_York", "--symbol", "SPY", "--warehouse", root);
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("2 rows read, 2 accepted (1 out of session, in no bar), 0 rejected, 1 bars");
    }
}

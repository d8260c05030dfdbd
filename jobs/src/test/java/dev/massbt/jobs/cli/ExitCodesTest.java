package dev.massbt.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.massbt.datasets.SharedSpark;
import dev.massbt.datasets.table.Table;
import dev.massbt.datasets.table.Warehouse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The error taxonomy as the user meets it: their mistake exits 2 with one line saying what to do;
 * a failure inside massbt exits 1 and says it is a bug; a system massbt uses failing exits 1
 * without calling it a bug.
 */
class ExitCodesTest {

    /** A command whose work fails with an internal error, as a bug in massbt would. */
    @CommandLine.Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("at least one segment is needed");
        }
    }

    private static CommandLineTest.Outcome run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CommandLineTest.Outcome(code, out.toString(), err.toString());
    }

    @Test
    void anInternalFailureExitsOneAndSaysItIsABug() {
        CommandLine cl = Commands.commandLine();
        cl.addSubcommand("boom", new Boom());
        CommandLineTest.Outcome o = run(cl, "boom");
        assertThat(o.code()).isEqualTo(1);
        assertThat(o.err()).startsWith("massbt boom failed: this is a bug in massbt: at least one segment is needed")
                .contains("MASSBT_STACKTRACE=1");
    }

    private static void writeString(Path f, String text) {
        try {
            java.nio.file.Files.writeString(f, text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theUsersMistakeExitsTwoWithOneLineBeforeSparkStarts() {
        Path nowhere = Path.of("target", "exit-codes-unused");
        CommandLineTest.Outcome split = CommandLineTest.run("backtest", "--all", "--symbols", "X", "--split", "1.5",
                "--warehouse", nowhere.toString());
        assertThat(split.code()).isEqualTo(2);
        assertThat(split.err().strip().lines()).hasSize(1);
        assertThat(split.err()).startsWith("massbt backtest: Split '1.5' is not understood: give none, a date");

        CommandLineTest.Outcome metric = CommandLineTest.run("rank", "--run", "r1", "--metric", "max_drawdown",
                "--warehouse", nowhere.toString());
        assertThat(metric.code()).isEqualTo(2);
        assertThat(metric.err()).contains("Cannot rank by 'max_drawdown': use one of total_return, cagr, sharpe");

        CommandLineTest.Outcome costs = CommandLineTest.run("backtest", "--all", "--symbols", "X",
                "--commission-bps", "-1", "--warehouse", nowhere.toString());
        assertThat(costs.code()).isEqualTo(2);
        assertThat(costs.err()).contains("--commission-bps / --slippage-bps: commission must be 0..1000 basis points");

        Path bad = Path.of("target", "exit-codes-bad-strategy.json");
        writeString(bad, "{\"name\": \"x\", \"entry\": ");
        CommandLineTest.Outcome json = CommandLineTest.run("backtest", "--json", bad.toString(), "--symbols", "X",
                "--warehouse", nowhere.toString());
        assertThat(json.code()).isEqualTo(2);
        assertThat(json.err()).contains("exit-codes-bad-strategy.json");
        assertThat(nowhere).as("refused before Spark started: no warehouse made").doesNotExist();
    }

    @Test
    void aFailureInsideASparkTaskIsABugAndTheRunIsRecordedFailed() {
        SparkSession spark = SharedSpark.session();
        Warehouse w = SharedSpark.freshWarehouse("exit-codes");
        // a bars table holding the same bar twice, which massbt's own writes never produce (its key is
        // symbol, timeframe, ts): the executor's reader finds it and fails
        Timestamp ts = Timestamp.from(Instant.parse("2024-01-01T00:00:00Z"));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            rows.add(RowFactory.create("DUP", "1m", ts, 1.0, 1.0, 1.0, 1.0, 1.0, null, null, null, null, "2024-01",
                    "dup.csv", (long) i + 1));
        }
        rows.add(RowFactory.create("DUP", "1m", Timestamp.from(ts.toInstant().plusSeconds(60)), 1.0, 1.0, 1.0, 1.0,
                1.0, null, null, null, null, "2024-01", "dup.csv", 3L));
        Table.BARS.createIfNotExists(spark, w);
        spark.createDataFrame(rows, Table.BARS.schema()).write().format("delta").mode("append")
                .save(w.path(Table.BARS));

        CommandLineTest.Outcome gen = CommandLineTest.run("generate", "-n", "2", "--run-id", "dup-gen",
                "--primary", "1m", "--secondary", "none", "--warehouse", w.root());
        assertThat(gen.code()).as(gen.err()).isZero();
        CommandLineTest.Outcome bt = CommandLineTest.run("backtest", "--strategies-run", "dup-gen", "--symbols", "DUP",
                "--split", "none", "--run-id", "dup-bt", "--warehouse", w.root());
        assertThat(bt.code()).isEqualTo(1);
        assertThat(bt.err()).startsWith("massbt backtest failed: this is a bug in massbt: ")
                .contains("holds two 1m bars of DUP");
        CommandLineTest.Outcome runs = CommandLineTest.run("runs", "--warehouse", w.root());
        assertThat(runs.out()).containsPattern("dup-bt +backtest +FAILED");
    }
}

package dev.massbt.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.massbt.datasets.SharedSpark;
import dev.massbt.datasets.table.Warehouse;
import dev.massbt.jobs.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Exit codes and messages of the command line: 0 done, 2 bad arguments or input, one line each. */
class CommandLineTest {

    private static Warehouse warehouse;

    record Outcome(int code, String out, String err) {
    }

    @BeforeAll
    static void setUp() {
        SharedSpark.session();
        warehouse = SharedSpark.freshWarehouse("cli");
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void everyCommandHasHelp() {
        CommandLine cl = Commands.commandLine();
        assertThat(cl.getSubcommands().keySet()).contains("ingest", "synth", "datasets", "generate", "backtest", "rank",
                "runs", "evolve", "demo", "bench");
        for (String name : cl.getSubcommands().keySet()) {
            if (name.equals("help")) {
                continue;
            }
            Outcome o = run(name, "--help");
            assertThat(o.code()).as(name).isZero();
            assertThat(o.out()).as(name).contains("Usage: massbt " + name).contains("--help");
        }
    }

    @Test
    void badArgumentsExitTwoWithOneLine() {
        Outcome unknown = run("backtest", "--all", "--symbols", "X", "--bogus");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err().strip().lines()).hasSize(1);
        assertThat(unknown.err()).startsWith("massbt backtest: ").contains("--bogus").contains("--help");

        Outcome noCommand = run();
        assertThat(noCommand.code()).isEqualTo(2);
        assertThat(noCommand.err()).contains("a command is required");

        Outcome badNumber = run("generate", "--count", "many");
        assertThat(badNumber.code()).isEqualTo(2);
        assertThat(badNumber.err()).contains("--count").contains("many");

        Outcome badRunId = run("generate", "--count", "3", "--run-id", "x'; drop", "--warehouse", warehouse.root());
        assertThat(badRunId.code()).isEqualTo(2);
        assertThat(badRunId.err()).contains("Run id 'x'; drop' is not valid");
    }

    @Test
    void badInputFoundWhileRunningExitsTwoWithTheReason() {
        Outcome noStrategies = run("backtest", "--all", "--symbols", "X", "--warehouse", warehouse.root());
        assertThat(noStrategies.code()).isEqualTo(2);
        assertThat(noStrategies.err()).contains("There are no stored strategies");

        Outcome gen = run("generate", "--count", "5", "--seed", "3", "--run-id", "cli-gen", "--warehouse",
                warehouse.root());
        assertThat(gen.code()).as(gen.err()).isZero();
        assertThat(gen.out()).contains("5 strategies (seed 3), 5 distinct, 5 new");

        Outcome noBars = run("backtest", "--strategies-run", "cli-gen", "--symbols", "NOPE", "--warehouse",
                warehouse.root());
        assertThat(noBars.code()).isEqualTo(2);
        assertThat(noBars.err()).contains("there is no bars table");

        Outcome rankUnknown = run("rank", "--run", "nope", "--warehouse", warehouse.root());
        assertThat(rankUnknown.code()).isEqualTo(2);
        assertThat(rankUnknown.err()).contains("Cannot rank run nope");

        Outcome resume = run("evolve", "--symbols", "X", "--resume", "--warehouse", warehouse.root());
        assertThat(resume.code()).isEqualTo(2);
        assertThat(resume.err()).contains("--resume needs --run-id");

        Outcome runs = run("runs", "--warehouse", warehouse.root());
        assertThat(runs.code()).isZero();
        // the failed backtest is recorded as such, the generate run as succeeded
        assertThat(runs.out()).contains("cli-gen").containsPattern("backtest +FAILED");
    }

    @Test
    void unknownDatasetListsTheAcceptedForms() {
        Outcome o = run("ingest", "ftp://x/y.csv", "--warehouse", warehouse.root());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("scheme 'ftp:' is not supported");
    }
}

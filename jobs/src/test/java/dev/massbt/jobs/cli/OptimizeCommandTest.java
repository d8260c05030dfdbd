package dev.massbt.jobs.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.massbt.datasets.SharedSpark;
import dev.massbt.datasets.catalog.DatasetRef;
import dev.massbt.datasets.ingest.SyntheticIngest;
import dev.massbt.datasets.table.Warehouse;
import dev.massbt.jobs.tables.RunTable;
import dev.massbt.strategies.generate.GridTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code massbt optimize} on the command line: help, bad templates (exit 2, one line), a small grid end to end. */
class OptimizeCommandTest {

    private static final DatasetRef.Synthetic MARKET = new DatasetRef.Synthetic(1, 4, 5);
    private static Warehouse warehouse;

    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() {
        warehouse = SharedSpark.freshWarehouse("optimize-cli");
        SyntheticIngest.on(SharedSpark.session()).warehouse(warehouse).dataset(MARKET).execute();
    }

    private static String template(String grid) {
        return """
                {"name": "small-grid", "timeframes": {"primary": "1m"},
                 "entry_rules": {"long": {"conditions": [{"indicator": "sma_cross",
                   "params": {"fast": "${fast}", "slow": "${slow}"}, "comparison": "crosses_above"}]}},
                 "exit_rules": {"long": {"stop_loss": "${stop}", "conditions": [{"indicator": "sma_cross",
                   "params": {"fast": "${fast}", "slow": "${slow}"}, "comparison": "crosses_below"}]}},
                 %s}
                """.formatted(grid);
    }

    private static Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void helpDescribesTheTemplate() {
        CommandLineTest.Outcome o = CommandLineTest.run("optimize", "--help");
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("Usage: massbt optimize").contains("--template=FILE").contains("--symbols")
                .contains("--metric").contains("--split").contains("--commission-bps").contains("--run-id");
    }

    @Test
    void aBadTemplateExitsTwoWithOneLineNamingTheFile() throws Exception {
        Warehouse untouched = SharedSpark.freshWarehouse("optimize-bad");
        Path unknown = write("unknown.json", template("\"grid\": {\"fast\": {\"from\": 5, \"to\": 9}, "
                + "\"slow\": {\"values\": [20, 30]}}"));
        CommandLineTest.Outcome o = CommandLineTest.run("optimize", "--template", unknown.toString(), "--symbols",
                "X", "--warehouse", untouched.root());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().strip().lines()).hasSize(1);
        assertThat(o.err().strip()).isEqualTo("massbt optimize: " + unknown + ": exit_rules.long.stop_loss: the "
                + "placeholder \"${stop}\" has no entry in grid (which has fast, slow); add \"stop\" to grid or "
                + "correct the name");

        Path broken = write("broken.json", "{\"name\": \"x\",");
        o = CommandLineTest.run("optimize", "--template", broken.toString(), "--symbols", "X",
                "--warehouse", untouched.root());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().strip().lines()).hasSize(1);
        assertThat(o.err()).startsWith("massbt optimize: " + broken + ": the JSON is malformed at line 1");

        o = CommandLineTest.run("optimize", "--template", dir.resolve("missing.json").toString(), "--symbols", "X",
                "--warehouse", untouched.root());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("Template file " + dir.resolve("missing.json") + " does not exist");

        o = CommandLineTest.run("optimize", "--template", unknown.toString(), "--symbols", "X", "--metric",
                "max_drawdown", "--warehouse", untouched.root());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("--metric 'max_drawdown' is not a metric to maximise");
        // each was refused before Spark started: no run was recorded, no table created
        assertThat(Path.of(untouched.root())).isEmptyDirectory();
    }

    @Test
    void aSmallGridRunsEndToEndAndRecordsItsCounts() throws Exception {
        // fast 5, 10, 20 x slow 20, 30 x stop 0, 1 = 12 combinations: fast < slow fails for 2, and a stop_loss
        // of 0 is an invalid strategy (the format wants it left out), which skips 5 more
        Path t = write("small.json", template("\"grid\": {\"fast\": {\"values\": [5, 10, 20]}, "
                + "\"slow\": {\"from\": 20, \"to\": 30, \"step\": 10}, \"stop\": {\"values\": [0, 1]}}, "
                + "\"constraints\": [\"fast < slow\"]"));
        CommandLineTest.Outcome o = CommandLineTest.run("optimize", "--template", t.toString(), "--symbols",
                MARKET.symbolNames().get(0), "--split", "0.5", "--min-trades", "0", "--show", "3", "--commission-bps",
                "1", "--run-id", "cli-opt", "--warehouse", warehouse.root());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("optimize cli-opt: template 'small-grid' (" + t + "): 12 combinations, "
                + "5 evaluated, 7 skipped");
        assertThat(o.out()).contains("  skipped 5: invalid strategy at exit_rules.long.stop_loss (first: fast=5 "
                + "slow=20 stop=0: must be a percent in 0.01..100, got 0; to have no stop_loss, leave it out)");
        assertThat(o.out()).contains("  skipped 2: constraint 'fast < slow' fails (first: fast=20 slow=20 stop=0)");
        assertThat(o.out()).contains("Best 3 of 5 parameter sets by in_sample sharpe (at least 0 trades; 5 qualify)");
        assertThat(o.out()).containsPattern("rank +fast +slow +stop +sharpe +return +max_dd +trades \\| +oos_sharpe");
        assertThat(o.out()).containsPattern("best: fast=\\d+ slow=\\d+ stop=1 \\(in_sample sharpe -?\\d");

        var spark = SharedSpark.session();
        Row runs = spark.read().format("delta").load(warehouse.path(RunTable.RUNS.tableName()))
                .where(col("run_id").equalTo(lit("cli-opt"))).first();
        assertThat(runs.getString(runs.fieldIndex("status"))).isEqualTo("SUCCEEDED");
        assertThat(runs.getString(runs.fieldIndex("command"))).isEqualTo("optimize");
        Map<String, Long> counts = runs.getJavaMap(runs.fieldIndex("counts"));
        assertThat(counts).containsEntry("combinations", 12L).containsEntry("evaluated", 5L)
                .containsEntry("skipped", 7L).containsEntry("skipped_constraint", 2L)
                .containsEntry("skipped_invalid", 5L).containsEntry("skipped_duplicate", 0L)
                .containsEntry("ranked", 5L).containsEntry("result_rows", 10L);
        Map<String, Long> outputs = runs.getJavaMap(runs.fieldIndex("output_versions"));
        assertThat(outputs).containsKeys("grid", "results", "returns", "strategies", "strategy_sets");
        assertThat(spark.read().format("delta").load(warehouse.path(RunTable.GRID.tableName()))
                .where(col("run_id").equalTo(lit("cli-opt"))).count()).isEqualTo(5);
    }

    @Test
    void theExampleTemplateIsThe450Grid() throws Exception {
        Path example = Path.of("..", "examples", "sma-cross-grid.json");
        assertThat(Files.readString(example))
                .isEqualTo(Files.readString(Path.of("src/test/resources/templates/sma-cross-grid.json")));
        GridTemplate t = GridTemplate.read(example);
        assertThat(t.combinations()).isEqualTo(450);
        assertThat(t.expand().evaluated()).isEqualTo(450);
    }
}

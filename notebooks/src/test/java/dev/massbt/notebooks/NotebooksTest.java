package dev.massbt.notebooks;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.massbt.datasets.SharedSpark;
import dev.massbt.jobs.Main;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every notebook executed by papermill, as CI runs them, on a small warehouse made with massbt's
 * own commands (a synthetic market, 200 random strategies backtested with a split and ranked, a
 * 64-cell optimize grid, a short evolve run). A cell that fails fails the notebook; every figure
 * asserts it plots data before it is saved (massbt_nb.save) and must exist here as a non-trivial
 * PNG; two numbers are checked against an independent computation in Java.
 */
class NotebooksTest {

    private static final Path REPO = Path.of(System.getProperty("massbt.repo", "..")).toAbsolutePath().normalize();
    private static final Path OUT = Path.of("target", "notebooks").toAbsolutePath();
    private static final Path FIGURES = OUT.resolve("figures");
    private static final String SYMBOLS = "SYN7_001,SYN7_002";

    private static String warehouse;
    private static Path venv;
    private static SparkSession spark;

    @BeforeAll
    static void warehouseAndPython() throws IOException {
        spark = SharedSpark.session();
        warehouse = SharedSpark.freshWarehouse("notebooks").root();
        Files.createDirectories(OUT);
        Path template = OUT.resolve("sma-cross-8x8.json");
        Files.writeString(template, Files.readString(REPO.resolve("examples/sma-cross-grid.json"))
                .replace("\"from\": 5, \"to\": 19, \"step\": 1", "\"from\": 5, \"to\": 19, \"step\": 2")
                .replace("\"from\": 20, \"to\": 49, \"step\": 1", "\"from\": 20, \"to\": 48, \"step\": 4"));
        long t0 = System.nanoTime();
        for (List<String> step : List.of(
                List.of("synth", "--symbols", "2", "--days", "60", "--seed", "7", "--run-id", "synth"),
                List.of("generate", "-n", "200", "--seed", "1", "--run-id", "gen"),
                List.of("backtest", "--strategies-run", "gen", "--symbols", SYMBOLS, "--split", "0.7", "--top", "10",
                        "--run-id", "bt"),
                List.of("rank", "--run", "bt", "--min-trades", "1", "--run-id", "rank"),
                List.of("optimize", "--template", template.toString(), "--symbols", "SYN7_001", "--run-id", "grid"),
                List.of("evolve", "--symbols", "SYN7_001", "--population", "20", "--generations", "4", "--seed", "1",
                        "--run-id", "evo"))) {
            List<String> args = new ArrayList<>(step);
            args.addAll(List.of("--warehouse", warehouse, "--cores", "2"));
            assertThat(Main.execute(args.toArray(String[]::new))).as("massbt %s", step).isZero();
        }
        System.out.printf("notebooks: fixture warehouse in %.1f s%n", (System.nanoTime() - t0) / 1e9);

        long t1 = System.nanoTime();
        Result install = run(List.of(REPO.resolve("notebooks/install.sh").toString()), OUT.resolve("install.out"), 1800);
        assertThat(install.exitCode()).as("notebooks/install.sh:%n%s", install.output()).isZero();
        String[] lines = install.output().trim().split("\n");
        venv = Path.of(lines[lines.length - 1].trim());
        System.out.printf("notebooks: install.sh in %.1f s (%s)%n", (System.nanoTime() - t1) / 1e9, venv);
    }

    @Test
    void leaderboardShowsTheFilteredTopOfTheTableAndItsDistributions() throws IOException {
        execute("01_leaderboard", "-p", "run_id", "bt", "-p", "top_n", "15", "-p", "min_trades", "20",
                "-p", "max_drawdown", "0.25");
        assertFigures("01_leaderboard-top", "01_leaderboard-distributions");

        List<String> expected = spark.read().format("delta").load(warehouse + "/leaderboard")
                .where(col("run_id").equalTo("bt").and(col("is_trades").geq(20)).and(col("is_max_drawdown").leq(0.25)))
                .orderBy("rank").limit(15).select("strategy_id").as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList();
        List<String> shown = new ArrayList<>();
        for (JsonNode row : new ObjectMapper().readTree(FIGURES.resolve("01_leaderboard-top.json").toFile())) {
            shown.add(row.path("strategy_id").asText());
        }
        assertThat(expected).isNotEmpty();
        assertThat(shown).isEqualTo(expected);
    }

    @Test
    void drilldownOfTheLeadersEquityMatchesTheEquityTable() {
        // strategy_id empty: rank 1 of the leaderboard; the notebook asserts its curve from `returns`
        // equals the run's `equity` rows where those exist.
        execute("02_strategy_drilldown", "-p", "run_id", "bt");
        assertFigures("02_strategy_drilldown-equity");
    }

    @Test
    void heatmapOfTheLatestOptimizeRun() {
        execute("03_parameter_heatmap");
        assertFigures("03_parameter_heatmap");
    }

    @Test
    void evolutionOfTheLatestEvolveRun() {
        execute("04_evolution");
        assertFigures("04_evolution");
    }

    @Test
    void overfittingSpearmanEqualsAnIndependentComputation() throws IOException {
        execute("05_overfitting", "-p", "run_id", "bt");
        assertFigures("05_overfitting");

        // (strategy, symbol) pairs with a finite in- and out-of-sample Sharpe, collected in plain Java.
        java.util.Map<String, double[]> pairs = new java.util.TreeMap<>();
        for (Row r : spark.read().format("delta").load(warehouse + "/results").where(col("run_id").equalTo("bt"))
                .select("strategy_id", "symbol", "segment", "sharpe").collectAsList()) {
            int i = r.getString(2).equals("in_sample") ? 0 : r.getString(2).equals("out_of_sample") ? 1 : -1;
            if (i >= 0) {
                pairs.computeIfAbsent(r.getString(0) + "/" + r.getString(1), k -> new double[] {Double.NaN, Double.NaN})[i] =
                        r.getDouble(3);
            }
        }
        List<double[]> finite = pairs.values().stream()
                .filter(p -> Double.isFinite(p[0]) && Double.isFinite(p[1])).toList();
        double[] is = finite.stream().mapToDouble(p -> p[0]).toArray();
        double[] oos = finite.stream().mapToDouble(p -> p[1]).toArray();
        double expected = new SpearmansCorrelation().correlation(is, oos);

        JsonNode shown = new ObjectMapper().readTree(FIGURES.resolve("05_overfitting.json").toFile());
        assertThat(shown.path("pairs").asInt()).isEqualTo(is.length).isGreaterThan(300);
        assertThat(shown.path("spearman").asDouble()).isCloseTo(expected, within(1e-9));
    }

    @Test
    void aFigureWithoutDataIsRefusedBeforeItIsSaved() {
        String script = String.join("\n",
                "import matplotlib; matplotlib.use('Agg')",
                "import matplotlib.pyplot as plt, massbt_nb as nb",
                "fig, (a, b) = plt.subplots(1, 2)",
                "a.plot([1, 2], [3, 4])",
                "b.plot([], []); b.bar([1], [0]); b.plot([1], [float('nan')]); b.set_title('empty')",
                "try:",
                "    nb.save(fig, 'never', '" + OUT.resolve("never") + "')",
                "except AssertionError as e:",
                "    print('refused:', e)",
                "b.plot([1, 2], [1, 2])",
                "nb.save(fig, 'two-panels', '" + OUT.resolve("saved") + "')");
        Result r = run(List.of(venv.resolve("bin/python").toString(), "-c", script), OUT.resolve("empty-figure.out"), 120,
                REPO.resolve("notebooks"));
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("refused: figure '': axes 'empty' shows no data");
        assertThat(OUT.resolve("never")).doesNotExist();
        assertThat(OUT.resolve("saved/two-panels.png")).exists();
    }

    @Test
    void committedNotebooksAreWhatNbstripoutLeaves() throws IOException {
        List<String> cmd = new ArrayList<>(List.of(venv.resolve("bin/nbstripout").toString(), "--verify"));
        NotebookFilesTest.notebooks().forEach(p -> cmd.add(p.toString()));
        Result r = run(cmd, OUT.resolve("nbstripout.out"), 120);
        assertThat(r.exitCode()).as("nbstripout --verify (run notebooks/.venv/bin/nbstripout notebooks/*.ipynb):%n%s",
                r.output()).isZero();
    }

    @Test
    void aRunThatDoesNotExistFailsNamingTheRunAndTheTable() {
        Result r = papermill("01_leaderboard", OUT.resolve("01_missing.ipynb"), "-p", "run_id", "no-such-run");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.output()).contains("NotebookInputError: run 'no-such-run' has no rows in table 'leaderboard'")
                .contains("runs with rows there: bt");
    }

    private static void execute(String notebook, String... params) {
        long t = System.nanoTime();
        Result r = papermill(notebook, OUT.resolve("executed").resolve(notebook + ".ipynb"), params);
        System.out.printf("notebooks: %s executed in %.1f s%n", notebook, (System.nanoTime() - t) / 1e9);
        assertThat(r.exitCode()).as("papermill %s (executed notebook in %s):%n%s", notebook, OUT.resolve("executed"),
                r.output()).isZero();
    }

    private static Result papermill(String notebook, Path output, String... params) {
        List<String> cmd = new ArrayList<>(List.of(venv.resolve("bin/papermill").toString(),
                REPO.resolve("notebooks").resolve(notebook + ".ipynb").toString(), output.toString(),
                "--cwd", REPO.resolve("notebooks").toString(), "--no-progress-bar",
                "-p", "warehouse", warehouse, "-p", "figures_dir", FIGURES.toString()));
        cmd.addAll(List.of(params));
        try {
            Files.createDirectories(output.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return run(cmd, output.resolveSibling(output.getFileName() + ".out"), 900);
    }

    /** Each figure is a PNG of real size with more than a few colours (not a blank canvas). */
    private static void assertFigures(String... names) {
        for (String name : names) {
            Path png = FIGURES.resolve(name + ".png");
            assertThat(png).as("figure %s", name).exists();
            try {
                BufferedImage img = ImageIO.read(png.toFile());
                assertThat(img.getWidth()).as("%s width", png).isGreaterThan(300);
                assertThat(img.getHeight()).as("%s height", png).isGreaterThan(200);
                Set<Integer> colours = new HashSet<>();
                for (int y = 0; y < img.getHeight(); y += 3) {
                    for (int x = 0; x < img.getWidth(); x += 3) {
                        colours.add(img.getRGB(x, y));
                    }
                }
                assertThat(colours.size()).as("distinct colours in %s", png).isGreaterThan(20);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, Path out, long timeoutSeconds) {
        return run(command, out, timeoutSeconds, REPO);
    }

    private static Result run(List<String> command, Path out, long timeoutSeconds, Path dir) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish in " + timeoutSeconds + " s; output in "
                        + out);
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

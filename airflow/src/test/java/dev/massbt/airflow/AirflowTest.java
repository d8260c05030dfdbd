package dev.massbt.airflow;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.massbt.datasets.SharedSpark;
import dev.massbt.jobs.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The DAGs in a real Airflow installed from PyPI by {@code airflow/install.sh}, in order: the
 * DagBag and its task graph; {@code airflow dags test massbt_daily} against local Spark on six days
 * of landed one-minute bars, then the Delta tables and the published leaderboard it left; then a
 * real API server, scheduler and DAG processor ({@code airflow/start.sh}) driven by {@code massbt
 * airflow}: a triggered run followed to success, its status and logs, refused credentials, an
 * unknown DAG. Everything started is stopped in {@link #stopAirflow()}, also after a failure.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AirflowTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DAY = "2026-01-09";

    private static Path repo;
    private static Scripts scripts;
    private static SparkSession spark;
    private static Path work;
    private static String warehouse;
    private static String apiUrl;
    private static Map<String, String> credentials;

    @BeforeAll
    static void install() throws IOException {
        repo = Path.of(System.getProperty("massbt.repo", "..")).toAbsolutePath().normalize();
        assertThat(Path.of(System.getProperty("massbt.jar"))).as("the uber jar (mvn package of jobs)").exists();
        work = Files.createDirectories(Path.of("target", "it-" + System.nanoTime()).toAbsolutePath());
        scripts = new Scripts(repo, work.resolve("run"));
        Scripts.Result installed = scripts.run("install.sh", Map.of(), 1800);
        assertThat(installed.code()).as(installed.output()).isZero();
        report("install.sh (Airflow 3.3.2 + Spark provider + pyspark; idempotent)", installed.seconds());
        spark = SharedSpark.session();
        warehouse = work.resolve("warehouse").toString();
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        credentials = Map.of("MASSBT_AIRFLOW_USER", "massbt", "MASSBT_AIRFLOW_PASSWORD", password);
    }

    @AfterAll
    static void stopAirflow() {
        if (scripts != null) {
            Scripts.Result stopped = scripts.run("stop.sh", Map.of(), 120, "--run-dir", scripts.runDir().resolve("server")
                    .toString());
            assertThat(stopped.code()).as(stopped.output()).isZero();
        }
    }

    @Test
    @Order(1)
    void theDagBagLoadsWithTheExpectedTaskGraphs() throws IOException {
        Path out = work.resolve("dags.json");
        Scripts.Result r = scripts.run("check-dags.sh", Map.of(), 300, "--run-dir", scripts.runDir().resolve("dagbag")
                .toString(), "--out", out.toString());
        assertThat(r.code()).as(r.output()).isZero();
        JsonNode bag = JSON.readTree(out.toFile());
        assertThat(bag.path("import_errors").size()).as(bag.path("import_errors").toString()).isZero();
        assertThat(names(bag.path("dags"))).containsExactly("massbt_catalog", "massbt_daily", "massbt_evolve_weekly");

        JsonNode daily = bag.path("dags").path("massbt_daily");
        assertThat(edges(daily)).containsExactlyInAnyOrder("plan>landed", "plan>ingest", "plan>backtest", "plan>rank",
                "plan>publish", "landed>ingest", "ingest>backtest", "backtest>rank", "rank>publish");
        assertThat(daily.path("operators").path("ingest").asText()).isEqualTo("MappedOperator");
        assertThat(daily.path("operators").path("backtest").asText()).isEqualTo("SparkSubmitOperator");
        assertThat(daily.path("operators").path("rank").asText()).isEqualTo("SparkSubmitOperator");
        assertThat(daily.path("schedule").asText()).isEqualTo("CronDataIntervalTimetable 0 0 * * *");
        assertThat(daily.path("paused_at_creation").asBoolean()).isTrue();
        daily.path("retries").forEach(n -> assertThat(n.asInt()).isEqualTo(2));
        assertThat(names(daily.path("params"))).contains("warehouse", "landing", "publish", "symbols", "strategies",
                "lookback_days");

        JsonNode weekly = bag.path("dags").path("massbt_evolve_weekly");
        assertThat(edges(weekly)).containsExactlyInAnyOrder("plan>evolve", "plan>oos_check", "plan>publish",
                "evolve>oos_check", "oos_check>publish");
        assertThat(weekly.path("operators").path("evolve").asText()).isEqualTo("SparkSubmitOperator");
        assertThat(weekly.path("schedule").asText()).isEqualTo("CronDataIntervalTimetable 0 3 * * 6");

        assertThat(edges(bag.path("dags").path("massbt_catalog"))).containsExactly("plan>datasets");
    }

    @Test
    @Order(2)
    void massbtDailyRunsEveryTaskAgainstLocalSpark() throws IOException {
        Path landing = work.resolve("landing");
        writeBars(landing.resolve("TEST").resolve("bars-2026-01-05.csv"), Instant.parse("2026-01-05T00:00:00Z"), 3, 7);
        writeBars(landing.resolve("TEST").resolve("bars-2026-01-08.csv"), Instant.parse("2026-01-08T00:00:00Z"), 3, 8);
        // The registered strategies: a generate run, as a user registers them.
        assertThat(Main.execute("generate", "-n", "30", "--seed", "1", "--run-id", "gen1", "--warehouse", warehouse,
                "--cores", "2")).isZero();
        Path publish = work.resolve("published");
        String conf = JSON.writeValueAsString(Map.of("warehouse", warehouse, "landing", landing.toString(),
                "publish", publish.toString(), "symbols", "TEST", "strategies", "gen1", "lookback_days", 5,
                "top", 5));

        Scripts.Result r = scripts.run("dags-test.sh", Map.of(), 2400, "--run-dir",
                scripts.runDir().resolve("dags-test").toString(), "massbt_daily", "2026-01-10", "--conf", conf);
        assertThat(r.code()).as(Scripts.tail(r.output())).isZero();
        report("airflow dags test massbt_daily (plan, ingest, backtest, rank, publish on local[2])", r.seconds());

        // ingest: both landed files, every bar, recorded as the run the DAG run derived
        Dataset<Row> bars = table("bars").where(col("symbol").equalTo("TEST"));
        assertThat(bars.count()).isEqualTo(6 * 1440);
        List<Row> runs = table("runs").where(col("run_id").startsWith("daily.")).select("run_id", "status")
                .collectAsList();
        assertThat(runs).extracting(x -> x.getString(0) + "=" + x.getString(1)).containsExactlyInAnyOrder(
                "daily.in.TEST." + DAY + "=SUCCEEDED", "daily.bt." + DAY + "=SUCCEEDED",
                "daily.rank." + DAY + "=SUCCEEDED");

        // backtest: every registered strategy over the 5-day window ending with the run's day (the
        // bars of 2026-01-10 landed too but are after the window)
        Dataset<Row> results = table("results").where(col("run_id").equalTo("daily.bt." + DAY));
        assertThat(results.select("strategy_id").distinct().count()).isEqualTo(30);
        assertThat(results.select("segment").distinct().collectAsList()).extracting(x -> x.getString(0))
                .containsExactlyInAnyOrder("in_sample", "out_of_sample");
        List<Row> barsPerStrategy = results.groupBy("strategy_id").agg(sum("bars").as("bars")).select("bars")
                .distinct().collectAsList();
        assertThat(barsPerStrategy).extracting(x -> x.getLong(0)).containsExactly(5L * 1440);

        // rank and publish: the leaderboard's strategies, copied with a manifest, latest.json pointing at it
        long ranked = table("leaderboard").where(col("run_id").equalTo("daily.bt." + DAY)).count();
        assertThat(ranked).isGreaterThan(0);
        Path published = publish.resolve("daily-" + DAY);
        JsonNode manifest = JSON.readTree(published.resolve("manifest.json").toFile());
        assertThat(manifest.path("leaderboard_run").asText()).isEqualTo("daily.bt." + DAY);
        assertThat(manifest.path("dag_id").asText()).isEqualTo("massbt_daily");
        try (Stream<Path> files = Files.list(published)) {
            List<String> json = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("manifest.json"))
                    .sorted().toList();
            assertThat(json).hasSize((int) Math.min(5, ranked)).allMatch(n -> n.endsWith(".json"));
            assertThat(names(manifest.path("strategies"))).containsExactlyElementsOf(json);
        }
        assertThat(JSON.readTree(publish.resolve("latest.json").toFile())).isEqualTo(manifest);
    }

    @Test
    @Order(3)
    void theRestClientTriggersWatchesAndReadsLogsOfARealAirflow() {
        Path serverDir = scripts.runDir().resolve("server");
        Scripts.Result started = scripts.run("start.sh", credentials, 600, "--run-dir", serverDir.toString());
        assertThat(started.code()).as(started.output()).isZero();
        apiUrl = started.output().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(apiUrl).startsWith("http://127.0.0.1:");
        report("start.sh (API server, scheduler, DAG processor healthy)", started.seconds());
        Map<String, String> env = Map.of("MASSBT_AIRFLOW_URL", apiUrl, "MASSBT_AIRFLOW_USER", "massbt",
                "MASSBT_AIRFLOW_PASSWORD", credentials.get("MASSBT_AIRFLOW_PASSWORD"));

        long start = System.nanoTime();
        Cli trigger = cli(env, "airflow", "trigger", "massbt_catalog", "--conf",
                "{\"warehouse\": \"" + warehouse + "\"}", "--wait", "--poll", "2", "--timeout", "1200");
        assertThat(trigger.code()).as(trigger.out() + trigger.err()).isZero();
        assertThat(trigger.out()).contains("triggered massbt_catalog run manual__").contains("datasets=success")
                .contains(": success in");
        report("massbt airflow trigger massbt_catalog --wait", (System.nanoTime() - start) / 1e9);
        String run = trigger.out().lines().filter(l -> l.startsWith("triggered ")).findFirst().orElseThrow()
                .split(" ")[3];

        Cli status = cli(env, "airflow", "status", "massbt_catalog", run);
        assertThat(status.code()).as(status.err()).isZero();
        assertThat(status.out()).contains("massbt_catalog run " + run + ": success");
        assertThat(status.out().lines().filter(l -> l.startsWith("datasets ")).findFirst().orElseThrow())
                .contains("success");
        Cli list = cli(env, "airflow", "status", "massbt_catalog");
        assertThat(list.out()).contains(run);

        // The task's log holds what massbt datasets printed: the bars the DAG test landed.
        Cli logs = cli(env, "airflow", "logs", "massbt_catalog", run, "datasets");
        assertThat(logs.code()).as(logs.err()).isZero();
        assertThat(logs.out()).contains("Spark-Submit cmd").contains("TEST").contains(String.valueOf(6 * 1440));

        Cli wrong = cli(Map.of("MASSBT_AIRFLOW_URL", apiUrl, "MASSBT_AIRFLOW_USER", "massbt",
                "MASSBT_AIRFLOW_PASSWORD", "not-the-password"), "airflow", "trigger", "massbt_catalog");
        assertThat(wrong.code()).isEqualTo(3);
        assertThat(wrong.err().strip().lines()).hasSize(1);
        assertThat(wrong.err()).contains("refused the credentials of user 'massbt' (HTTP 401)")
                .doesNotContain("not-the-password");

        Cli unknown = cli(env, "airflow", "trigger", "massbt_nope");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err().strip().lines()).hasSize(1);
        assertThat(unknown.err()).contains("Airflow has no DAG 'massbt_nope' (HTTP 404");

        Cli noRun = cli(env, "airflow", "status", "massbt_catalog", "manual__1999-01-01T00:00:00+00:00");
        assertThat(noRun.code()).isEqualTo(2);
        assertThat(noRun.err()).contains("HTTP 404");
        // and nothing printed the password
        assertThat(trigger.out() + trigger.err() + status.out() + logs.out())
                .doesNotContain(credentials.get("MASSBT_AIRFLOW_PASSWORD"));
    }

    // --- helpers ----------------------------------------------------------------------------------

    record Cli(int code, String out, String err) {
    }

    private static Cli cli(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(env, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Cli(code, out.toString(), err.toString());
    }

    private static Dataset<Row> table(String name) {
        return spark.read().format("delta").load(warehouse + "/" + name);
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new java.util.ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else {
            node.fieldNames().forEachRemaining(out::add);
        }
        return out;
    }

    private static List<String> edges(JsonNode dag) {
        List<String> out = new java.util.ArrayList<>();
        dag.path("tasks").fields().forEachRemaining(t -> t.getValue().forEach(d -> out.add(t.getKey() + ">" + d.asText())));
        return out;
    }

    /** {@code days} of one-minute bars from {@code start}: a seeded random walk, bars-csv with a header. */
    private static void writeBars(Path file, Instant start, int days, long seed) throws IOException {
        Files.createDirectories(file.getParent());
        Random random = new Random(seed);
        double price = 100;
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("timestamp,open,high,low,close,volume\n");
            for (int i = 0; i < days * 1440; i++) {
                double open = price;
                double close = open * (1 + random.nextGaussian() * 0.001);
                double high = Math.max(open, close) * (1 + Math.abs(random.nextGaussian()) * 0.0005);
                double low = Math.min(open, close) * (1 - Math.abs(random.nextGaussian()) * 0.0005);
                w.write(String.format(Locale.ROOT, "%s,%.5f,%.5f,%.5f,%.5f,%d%n", start.plus(i, ChronoUnit.MINUTES),
                        open, high, low, close, 1 + random.nextInt(100)));
                price = close;
            }
        }
    }

    private static void report(String what, double seconds) {
        System.out.printf(Locale.ROOT, "airflow test timing: %s: %.1f s%n", what, seconds);
    }
}

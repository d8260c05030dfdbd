package dev.massbt.cluster;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.massbt.datasets.SharedSpark;
import dev.massbt.jobs.Main;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The uber jar on a real Spark standalone cluster (a master and two one-core workers on
 * loopback, started by cluster/start.sh from the Spark distribution of the build's version,
 * spark.authenticate and RPC encryption on): the same commands give the same rows as local
 * mode, and a backtest survives losing an executor with nothing lost or duplicated.
 */
class StandaloneClusterTest {

    private static final Path REPO = Path.of(System.getProperty("massbt.repo", "..")).toAbsolutePath().normalize();
    private static final Path JAR = Path.of(System.getProperty("massbt.jar", REPO
            + "/jobs/target/massbt-jobs-0.1.0-SNAPSHOT-all.jar"));

    private static StandaloneCluster cluster;
    private static SparkSession spark;

    @BeforeAll
    static void startCluster() {
        assertThat(JAR).as("the uber jar (mvn package builds it before this module's tests)").exists();
        Path runDir = Path.of("target", "cluster-run-" + System.nanoTime()).toAbsolutePath();
        cluster = StandaloneCluster.start(REPO, runDir, 2);
        spark = SharedSpark.session();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void ingestGenerateBacktestRankOnTwoWorkersGiveTheRowsOfLocalMode() {
        String onCluster = SharedSpark.freshWarehouse("cluster").root();
        String local = SharedSpark.freshWarehouse("local").root();
        List<List<String>> steps = List.of(
                List.of("ingest", "synthetic:2x10:5", "--run-id", "ingest"),
                List.of("generate", "-n", "200", "--seed", "3", "--run-id", "gen"),
                List.of("backtest", "--strategies-run", "gen", "--symbols", "SYN5_001,SYN5_002", "--chunk-size", "25",
                        "--run-id", "bt"),
                List.of("rank", "--run", "bt", "--min-trades", "0", "--run-id", "rank"));
        for (List<String> step : steps) {
            StandaloneCluster.Submitted s = cluster.submit(List.of(), with(step, "--warehouse", onCluster));
            assertThat(s.exitCode()).as("spark-submit %s; output:%n%s", step, s.output()).isZero();
            assertThat(Main.execute(with(step, "--warehouse", local, "--cores", "2").toArray(String[]::new)))
                    .as("local %s", step).isZero();
        }

        assertSameRows("bars", onCluster, local, null, Set.of());
        assertSameRows("strategies", onCluster, local, null, Set.of("created_at"));
        assertThat(assertSameRows("results", onCluster, local, "bt", Set.of())).isEqualTo(200 * 2 * 2);
        assertSameRows("returns", onCluster, local, "bt", Set.of());
        assertThat(assertSameRows("leaderboard", onCluster, local, "bt", Set.of("json_path", "ranked_at"))).isEqualTo(200);
        assertNoDuplicates(table(onCluster, "results").where(col("run_id").equalTo(lit("bt"))),
                "run_id", "strategy_id", "symbol", "segment");
        assertThat(table(onCluster, "runs").where(col("status").notEqual(lit("SUCCEEDED"))).count()).isZero();
        assertThat(table(onCluster, "runs").count()).isEqualTo(4);

        // Both workers ran executors of the jobs, and every process authenticated its connections.
        for (int w = 1; w <= 2; w++) {
            List<Path> executorLogs = executorLogs(cluster.runDir().resolve("worker-" + w));
            assertThat(executorLogs).as("executors of worker %d", w).isNotEmpty();
            assertThat(cluster.read(executorLogs.get(0))).contains("authentication enabled");
        }
        assertThat(cluster.read(cluster.runDir().resolve("master.log"))).contains("authentication enabled")
                .contains("Registering app massbt");
    }

    @Test
    void aBacktestSurvivesAnExecutorKilledMidJobWithTheRowsOfACleanRun() throws Exception {
        String w = SharedSpark.freshWarehouse("fault").root();
        // The market, the strategies and the clean run in local mode (the same warehouse).
        assertThat(Main.execute("ingest", "synthetic:1x60:9", "--warehouse", w, "--run-id", "ingest")).isZero();
        assertThat(Main.execute("generate", "-n", "2000", "--seed", "4", "--warehouse", w, "--run-id", "gen")).isZero();
        List<String> backtest = List.of("backtest", "--strategies-run", "gen", "--symbols", "SYN9_001",
                "--chunk-size", "10", "--warehouse", w);
        assertThat(Main.execute(with(backtest, "--cores", "2", "--run-id", "clean").toArray(String[]::new))).isZero();

        // The same backtest on the cluster; its UI (free port) tells when its tasks are running.
        int ui = freePort();
        Path out = cluster.runDir().resolve("faulty-backtest.out");
        Process submit = cluster.submitAsync(List.of("--conf", "spark.ui.enabled=true", "--conf", "spark.ui.port=" + ui),
                with(backtest, "--run-id", "faulty"), out);
        JsonNode job = awaitRunningJob(submit, ui, "faulty-backtest", Duration.ofMinutes(8));
        List<Long> killed = cluster.killExecutor(1);
        assertThat(killed).isNotEmpty();
        assertThat(submit.waitFor(10, TimeUnit.MINUTES)).as("the backtest finishes").isTrue();
        String log = cluster.read(out);
        assertThat(submit.exitValue()).as("spark-submit output:%n%s", log).isZero();
        assertThat(job.get("numCompletedTasks").asInt()).isLessThan(job.get("numTasks").asInt());
        assertThat(log).as("the driver saw the executor go").containsPattern("(?i)lost executor|ExecutorLostFailure");
        killed.forEach(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse());

        Dataset<Row> results = table(w, "results");
        Dataset<Row> clean = results.where(col("run_id").equalTo(lit("clean"))).drop("run_id");
        Dataset<Row> faulty = results.where(col("run_id").equalTo(lit("faulty"))).drop("run_id");
        assertThat(faulty.count()).isEqualTo(clean.count()).isEqualTo(2000L * 2);
        assertThat(faulty.exceptAll(clean).count()).as("rows only the faulty run has").isZero();
        assertThat(clean.exceptAll(faulty).count()).as("rows only the clean run has").isZero();
        assertNoDuplicates(results.where(col("run_id").equalTo(lit("faulty"))), "strategy_id", "symbol", "segment");
        Dataset<Row> returns = table(w, "returns");
        Dataset<Row> cleanReturns = returns.where(col("run_id").equalTo(lit("clean"))).drop("run_id");
        Dataset<Row> faultyReturns = returns.where(col("run_id").equalTo(lit("faulty"))).drop("run_id");
        assertThat(faultyReturns.count()).isEqualTo(cleanReturns.count());
        assertThat(faultyReturns.exceptAll(cleanReturns).count()).isZero();
    }

    @Test
    void aDriverWithoutTheClusterSecretIsRefusedAndWritesNothing() throws Exception {
        String w = SharedSpark.freshWarehouse("refused").root();
        Path out = cluster.runDir().resolve("wrong-secret.out");
        int registered = registeredApps();
        Process submit = cluster.submitAsync("not-the-cluster-secret", List.of(),
                List.of("synth", "--symbols", "1", "--days", "2", "--seed", "3", "--warehouse", w, "--run-id", "refused"),
                out);
        // The master drops every connection that fails the handshake; the driver gives up after
        // Spark's registration retries (3 x 20 s) and massbt says why.
        assertThat(submit.waitFor(4, TimeUnit.MINUTES)).as("the refused driver gives up").isTrue();
        String log = cluster.read(out);
        assertThat(submit.exitValue()).as("spark-submit output:%n%s", log).isEqualTo(1);
        assertThat(log).contains("Failed to connect to master 127.0.0.1")
                .contains("massbt synth failed: the Spark master spark://127.0.0.1:")
                .contains("MASSBT_SPARK_SECRET holds the cluster's spark.authenticate secret");
        assertThat(registeredApps()).as("applications the master registered").isEqualTo(registered);
        assertThat(Path.of(w).resolve("bars")).doesNotExist();
        assertThat(Path.of(w).resolve("runs").resolve("_delta_log").resolve("00000000000000000000.json"))
                .doesNotExist();
    }

    /** Active plus completed applications on the master's status page. */
    private static int registeredApps() throws IOException {
        JsonNode state = new ObjectMapper().readTree(cluster.masterState());
        return state.path("activeapps").size() + state.path("completedapps").size();
    }

    /**
     * Polls the driver's REST API until a job of {@code group} runs with some but not all of its
     * tasks done; returns that job's JSON.
     */
    private static JsonNode awaitRunningJob(Process submit, int uiPort, String group, Duration timeout)
            throws InterruptedException {
        ObjectMapper json = new ObjectMapper();
        long deadline = System.nanoTime() + timeout.toNanos();
        String base = "http://127.0.0.1:" + uiPort + "/api/v1/applications";
        while (System.nanoTime() < deadline) {
            if (!submit.isAlive()) {
                throw new AssertionError("spark-submit ended (exit " + submit.exitValue() + ") before its backtest ran");
            }
            try {
                JsonNode apps = json.readTree(StandaloneCluster.get(base));
                if (apps.size() > 0) {
                    String app = apps.get(0).get("id").asText();
                    for (JsonNode job : json.readTree(StandaloneCluster.get(base + "/" + app + "/jobs?status=running"))) {
                        if (group.equals(job.path("jobGroup").asText()) && job.get("numCompletedTasks").asInt() > 0
                                && job.get("numCompletedTasks").asInt() < job.get("numTasks").asInt()) {
                            return job;
                        }
                    }
                }
            } catch (IOException notYet) {
                // the driver's UI is not up yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no running job of group " + group + " within " + timeout);
    }

    /**
     * Asserts that a table holds the same rows in both warehouses (of run {@code run}, or all),
     * ignoring the named columns where present; returns the row count.
     */
    private static long assertSameRows(String name, String left, String right, String run, Set<String> ignored) {
        Dataset<Row> a = rowsOf(table(left, name), run, ignored);
        Dataset<Row> b = rowsOf(table(right, name), run, ignored);
        long n = a.count();
        assertThat(n).as("%s rows", name).isPositive().isEqualTo(b.count());
        assertThat(a.exceptAll(b).count()).as("%s rows only on the cluster", name).isZero();
        assertThat(b.exceptAll(a).count()).as("%s rows only in local mode", name).isZero();
        return n;
    }

    private static Dataset<Row> rowsOf(Dataset<Row> t, String run, Set<String> ignored) {
        Dataset<Row> d = run == null ? t : t.where(col("run_id").equalTo(lit(run)));
        Column[] kept = Arrays.stream(d.columns()).filter(c -> !ignored.contains(c)).map(org.apache.spark.sql.functions::col)
                .toArray(Column[]::new);
        return d.select(kept);
    }

    private static void assertNoDuplicates(Dataset<Row> d, String... key) {
        assertThat(d.groupBy(Arrays.stream(key).map(org.apache.spark.sql.functions::col).toArray(Column[]::new))
                .count().where(col("count").gt(1)).count()).as("duplicate keys").isZero();
    }

    private static Dataset<Row> table(String warehouse, String name) {
        return spark.read().format("delta").load(warehouse + "/" + name);
    }

    private static List<Path> executorLogs(Path workerDir) {
        try (Stream<Path> s = Files.walk(workerDir)) {
            return s.filter(p -> p.getFileName().toString().equals("stderr")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> with(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}

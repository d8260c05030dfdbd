package dev.massbt.jobs.airflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.massbt.jobs.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The requests the client builds and how it reads the answers, against a stand-in for Airflow 3's
 * API on loopback that checks what a real one checks (token, paths, body) and answers as it does.
 * The client against a real Airflow is tested in the airflow module.
 */
class AirflowClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "jwt-for-alice";

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger polls = new AtomicInteger();
    private volatile JsonNode triggered;
    private volatile boolean expireNextToken;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private Map<String, String> env(String user, String password) {
        return Map.of(AirflowSettings.URL, url() + "/", AirflowSettings.USER, user, AirflowSettings.PASSWORD, password);
    }

    private void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        String query = ex.getRequestURI().getRawQuery();
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(method + " " + path + (query == null ? "" : "?" + query));
        if (path.equals("/auth/token")) {
            JsonNode creds = JSON.readTree(body);
            if (creds.path("username").asText().equals("alice") && creds.path("password").asText().equals("s3cret")) {
                reply(ex, 201, "{\"access_token\": \"" + TOKEN + "\"}");
            } else {
                reply(ex, 401, "{\"detail\": \"Invalid credentials\"}");
            }
            return;
        }
        if (!("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization")) || expireNextToken) {
            expireNextToken = false;
            reply(ex, 401, "{\"detail\": \"Not authenticated\"}");
            return;
        }
        String run = "{\"dag_id\": \"massbt_catalog\", \"dag_run_id\": \"manual__2026-11-21T10:00:00+00:00\", "
                + "\"run_type\": \"manual\", \"logical_date\": null, \"start_date\": \"2026-11-21T10:00:01.5Z\", "
                + "\"end_date\": %s, \"state\": \"%s\"}";
        switch (method + " " + path) {
            case "GET /api/v2/dags/massbt_catalog" -> reply(ex, 200, "{\"dag_id\": \"massbt_catalog\", \"is_paused\": true}");
            case "POST /api/v2/dags/massbt_catalog/dagRuns" -> {
                triggered = JSON.readTree(body);
                reply(ex, 200, String.format(run, "null", "queued"));
            }
            case "GET /api/v2/dags/massbt_catalog/dagRuns/manual__2026-11-21T10%3A00%3A00%2B00%3A00" -> {
                int n = polls.incrementAndGet();
                reply(ex, 200, n < 3 ? String.format(run, "null", n == 1 ? "queued" : "running")
                        : String.format(run, "\"2026-11-21T10:00:42+00:00\"", "success"));
            }
            case "GET /api/v2/dags/massbt_catalog/dagRuns/manual__2026-11-21T10%3A00%3A00%2B00%3A00/taskInstances" ->
                    reply(ex, 200, "{\"task_instances\": [{\"task_id\": \"plan\", \"map_index\": -1, \"state\": \""
                            + (polls.get() < 2 ? "queued" : "success") + "\", \"try_number\": 1, \"duration\": 1.5},"
                            + " {\"task_id\": \"datasets\", \"map_index\": -1, \"state\": null, \"try_number\": 0}],"
                            + " \"total_entries\": 2}");
            case "GET /api/v2/dags/massbt_catalog/dagRuns/manual__2026-11-21T10%3A00%3A00%2B00%3A00/taskInstances/"
                    + "datasets/logs/2" -> reply(ex, 200, "{\"content\": [{\"timestamp\": \"2026-11-21T10:00:05Z\", "
                    + "\"level\": \"info\", \"event\": \"Spark-Submit cmd: spark-submit\", \"logger\": \"hook\", \"task_id\": \"datasets\", "
                    + "\"error_detail\": \"boom\"}, "
                    + "\"a plain line\"], \"continuation_token\": null}");
            case "GET /api/v2/dags/massbt_catalog/dagRuns" ->
                    reply(ex, 200, "{\"dag_runs\": [" + String.format(run, "null", "running") + "], \"total_entries\": 1}");
            default -> reply(ex, 404, "{\"detail\": \"The Dag with dag_id: `" + path.replaceAll(".*/dags/([^/]+).*", "$1")
                    + "` was not found\"}");
        }
    }

    private static void reply(HttpExchange ex, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    @Test
    void triggersWithATokenFromTheCredentialsAndWaits() throws InterruptedException {
        AirflowClient c = new AirflowClient(AirflowSettings.fromEnv(env("alice", "s3cret")));
        assertThat(c.paused("massbt_catalog")).isTrue();
        DagRun r = c.trigger("massbt_catalog", Map.of("warehouse", "/data/wh"), null);
        assertThat(r.runId()).isEqualTo("manual__2026-11-21T10:00:00+00:00");
        assertThat(r.state()).isEqualTo("queued");
        assertThat(r.startDate()).isEqualTo(Instant.parse("2026-11-21T10:00:01.5Z"));
        assertThat(triggered.has("logical_date")).isTrue();
        assertThat(triggered.get("logical_date").isNull()).isTrue();
        assertThat(triggered.path("conf").path("warehouse").asText()).isEqualTo("/data/wh");

        List<String> progress = new CopyOnWriteArrayList<>();
        DagRun done = c.await("massbt_catalog", r.runId(), Duration.ofSeconds(30), Duration.ofMillis(10),
                tasks -> progress.add(tasks.toString()));
        assertThat(done.succeeded()).isTrue();
        assertThat(done.endDate()).isEqualTo(Instant.parse("2026-11-21T10:00:42Z"));
        assertThat(progress).hasSize(2); // queued, then success: printed only when states change
        // one token for every call; the run id percent-encoded in the path
        assertThat(requests.stream().filter(q -> q.startsWith("POST /auth/token")).count()).isEqualTo(1);
    }

    @Test
    void aLogicalDateAndAnExpiredTokenAreHandled() {
        AirflowClient c = new AirflowClient(AirflowSettings.fromEnv(env("alice", "s3cret")));
        c.paused("massbt_catalog");
        expireNextToken = true;
        c.trigger("massbt_catalog", Map.of(), Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(triggered.get("logical_date").asText()).isEqualTo("2026-11-20T00:00:00Z");
        assertThat(requests.stream().filter(q -> q.startsWith("POST /auth/token")).count()).isEqualTo(2);
    }

    @Test
    void wrongCredentialsAreAnAuthErrorThatNeverShowsThePassword() {
        AirflowClient c = new AirflowClient(AirflowSettings.fromEnv(env("alice", "wrong-pw")));
        assertThatThrownBy(() -> c.paused("massbt_catalog")).isInstanceOf(AirflowException.class)
                .hasMessageContaining("refused the credentials of user 'alice' (HTTP 401)")
                .hasMessageContaining("MASSBT_AIRFLOW_PASSWORD").hasMessageNotContaining("wrong-pw")
                .satisfies(e -> assertThat(((AirflowException) e).exitCode()).isEqualTo(3));
    }

    @Test
    void anUnknownDagIsABadRequestWithAirflowsDetail() {
        AirflowClient c = new AirflowClient(AirflowSettings.fromEnv(env("alice", "s3cret")));
        assertThatThrownBy(() -> c.trigger("no_such_dag", Map.of(), null)).isInstanceOf(AirflowException.class)
                .hasMessage("Airflow has no DAG 'no_such_dag' (HTTP 404: The Dag with dag_id: `no_such_dag` was not "
                        + "found).")
                .satisfies(e -> assertThat(((AirflowException) e).exitCode()).isEqualTo(2));
        assertThatThrownBy(() -> c.dagRun("bad id/..", "x")).isInstanceOf(AirflowException.class)
                .hasMessageContaining("DAG id 'bad id/..' is not valid");
        assertThat(requests).noneMatch(q -> q.contains(".."));
    }

    @Test
    void logsAreOneLinePerEvent() {
        AirflowClient c = new AirflowClient(AirflowSettings.fromEnv(env("alice", "s3cret")));
        assertThat(c.log("massbt_catalog", "manual__2026-11-21T10:00:00+00:00", "datasets", 2, -1))
                .isEqualTo("2026-11-21T10:00:05Z INFO Spark-Submit cmd: spark-submit error_detail=boom\na plain line\n");
        assertThat(requests).anyMatch(q -> q.endsWith("/logs/2?full_content=true&map_index=-1"));
    }

    @Test
    void settingsComeFromTheEnvironmentAndHideSecrets() {
        assertThatThrownBy(() -> AirflowSettings.fromEnv(Map.of())).hasMessageContaining("MASSBT_AIRFLOW_URL is not set");
        assertThatThrownBy(() -> AirflowSettings.fromEnv(Map.of(AirflowSettings.URL, "http://127.0.0.1:1")))
                .hasMessageContaining("No Airflow credentials");
        assertThatThrownBy(() -> AirflowSettings.fromEnv(Map.of(AirflowSettings.URL, "ftp://x", AirflowSettings.TOKEN,
                "t"))).hasMessageContaining("http:// or https://");
        AirflowSettings s = AirflowSettings.fromEnv(env("alice", "s3cret"));
        assertThat(s.url().toString()).isEqualTo(url());
        assertThat(s.toString()).contains("alice").doesNotContain("s3cret");
        assertThat(AirflowSettings.fromEnv(Map.of(AirflowSettings.URL, url(), AirflowSettings.TOKEN, "tok")).toString())
                .doesNotContain("tok,").contains("token=***");
    }

    @Test
    void validationErrorsOfFastApiAreReadable() {
        assertThat(AirflowClient.detail("{\"detail\": [{\"loc\": [\"body\", \"conf\", \"symbols\"], \"msg\": "
                + "\"not a string\"}]}")).isEqualTo("body.conf.symbols: not a string");
        assertThat(AirflowClient.detail("<html>gateway   timeout</html>")).isEqualTo("<html>gateway timeout</html>");
        assertThat(AirflowClient.seg("manual__2026-11-21T10:00:00+00:00"))
                .isEqualTo("manual__2026-11-21T10%3A00%3A00%2B00%3A00");
    }

    // --- the command line over the same stand-in -------------------------------------------------

    record Outcome(int code, String out, String err) {
    }

    private Outcome cli(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(env, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void commandLineTriggerWaitStatusLogs() {
        Outcome t = cli(env("alice", "s3cret"), "airflow", "trigger", "massbt_catalog", "--conf",
                "{\"warehouse\": \"/data/wh\"}", "--wait", "--poll", "1");
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).contains("triggered massbt_catalog run manual__2026-11-21T10:00:00+00:00 (queued)")
                .contains("is paused").contains("plan=success datasets=none")
                .contains("massbt_catalog run manual__2026-11-21T10:00:00+00:00: success in");

        Outcome s = cli(env("alice", "s3cret"), "airflow", "status", "massbt_catalog");
        assertThat(s.code()).isZero();
        assertThat(s.out()).contains("running").contains("manual__2026-11-21T10:00:00+00:00");
        assertThat(requests).anyMatch(q -> q.endsWith("/dagRuns?order_by=-run_after&limit=10"));

        Outcome l = cli(env("alice", "s3cret"), "airflow", "logs", "massbt_catalog",
                "manual__2026-11-21T10:00:00+00:00", "datasets", "--try", "2");
        assertThat(l.code()).isZero();
        assertThat(l.out()).contains("Spark-Submit cmd");

        Outcome notRun = cli(env("alice", "s3cret"), "airflow", "logs", "massbt_catalog",
                "manual__2026-11-21T10:00:00+00:00", "datasets");
        assertThat(notRun.code()).isEqualTo(2);
        assertThat(notRun.err()).contains("has not run yet");
    }

    @Test
    void commandLineErrorsAreOneLineWithTheirExitCode() {
        Outcome auth = cli(env("alice", "wrong-pw"), "airflow", "status", "massbt_catalog");
        assertThat(auth.code()).isEqualTo(3);
        assertThat(auth.err().strip().lines()).hasSize(1);
        assertThat(auth.err()).startsWith("massbt airflow status: Airflow at " + url()).doesNotContain("wrong-pw");

        Outcome unknown = cli(env("alice", "s3cret"), "airflow", "trigger", "no_such_dag");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("no_such_dag").contains("404");

        Outcome badConf = cli(env("alice", "s3cret"), "airflow", "trigger", "massbt_catalog", "--conf", "[1]");
        assertThat(badConf.code()).isEqualTo(2);
        assertThat(badConf.err()).contains("--conf must be a JSON object");

        Outcome noUrl = cli(Map.of(), "airflow", "status", "massbt_catalog");
        assertThat(noUrl.code()).isEqualTo(2);
        assertThat(noUrl.err()).contains("MASSBT_AIRFLOW_URL is not set");

        Outcome down = cli(Map.of(AirflowSettings.URL, "http://127.0.0.1:1", AirflowSettings.TOKEN, "t"), "airflow",
                "status", "massbt_catalog");
        assertThat(down.code()).isEqualTo(1);
        assertThat(down.err()).contains("Cannot reach Airflow at http://127.0.0.1:1");
    }
}

package dev.massbt.jobs.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.massbt.jobs.airflow.AirflowException.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of Airflow 3's stable REST API ({@code /api/v2}) with its token authentication: a JWT
 * from {@code POST /auth/token} for a user and password (fetched once, fetched again when it
 * expires), or a JWT given as is. Ids are validated before they go into a URL path, where they are
 * percent-encoded; credentials never appear in logs or messages.
 */
public final class AirflowClient {

    private static final Logger LOG = LoggerFactory.getLogger(AirflowClient.class);
    /** Airflow's key grammar for DAG and task ids (task ids in a group carry dots). */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,250}");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Keys of a structured log event that repeat the task's identity or the source line: not shown. */
    private static final java.util.Set<String> CONTEXT_KEYS = java.util.Set.of("timestamp", "level", "event", "task_id",
            "map_index", "run_id", "ti_id", "try_number", "dag_id", "logger", "filename", "lineno", "loc");

    private final AirflowSettings settings;
    private final HttpClient http;
    private final Duration requestTimeout;
    private String token;

    public AirflowClient(AirflowSettings settings) {
        // HTTP/1.1: the default h2c upgrade attempt loses POST bodies on uvicorn, Airflow's server.
        this(settings, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build(), Duration.ofSeconds(60));
    }

    AirflowClient(AirflowSettings settings, HttpClient http, Duration requestTimeout) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.token = settings.token();
    }

    /** Whether the DAG is paused (a run triggered then waits until it is unpaused). */
    public boolean paused(String dagId) {
        JsonNode dag = get("/api/v2/dags/" + seg(dagId(dagId)), "DAG '" + dagId + "'");
        return dag.path("is_paused").asBoolean(false);
    }

    /**
     * Triggers a run of {@code dagId} with {@code conf} (the DAG's params), at {@code logicalDate}
     * or, when null, without one (Airflow 3's manual runs).
     */
    public DagRun trigger(String dagId, Map<String, Object> conf, Instant logicalDate) {
        ObjectNode body = JSON.createObjectNode();
        body.put("logical_date", logicalDate == null ? null : logicalDate.toString());
        body.set("conf", JSON.valueToTree(conf == null ? Map.of() : conf));
        JsonNode run = send("POST", "/api/v2/dags/" + seg(dagId(dagId)) + "/dagRuns", body, "DAG '" + dagId + "'");
        DagRun r = dagRun(run);
        LOG.debug("triggered {} run {}", r.dagId(), r.runId());
        return r;
    }

    public DagRun dagRun(String dagId, String runId) {
        return dagRun(get(runPath(dagId, runId), "run '" + runId + "' of DAG '" + dagId + "'"));
    }

    /** The latest {@code limit} runs of a DAG, newest first. */
    public List<DagRun> dagRuns(String dagId, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1..1000, was " + limit);
        }
        JsonNode page = get("/api/v2/dags/" + seg(dagId(dagId)) + "/dagRuns?order_by=-run_after&limit=" + limit,
                "DAG '" + dagId + "'");
        List<DagRun> out = new ArrayList<>();
        page.path("dag_runs").forEach(n -> out.add(dagRun(n)));
        return out;
    }

    /** The task instances of a run, in Airflow's order. */
    public List<TaskRun> taskRuns(String dagId, String runId) {
        JsonNode page = get(runPath(dagId, runId) + "/taskInstances?limit=1000",
                "run '" + runId + "' of DAG '" + dagId + "'");
        List<TaskRun> out = new ArrayList<>();
        for (JsonNode n : page.path("task_instances")) {
            out.add(new TaskRun(n.path("task_id").asText(), n.path("map_index").asInt(-1), text(n, "state"),
                    n.path("try_number").asInt(0), text(n, "operator"), instant(n, "start_date"),
                    instant(n, "end_date"), n.hasNonNull("duration") ? n.get("duration").asDouble() : null));
        }
        return out;
    }

    /** The full log of one try of a task ({@code mapIndex} -1 for an unmapped task), one line per event. */
    public String log(String dagId, String runId, String taskId, int tryNumber, int mapIndex) {
        if (tryNumber < 1) {
            throw new IllegalArgumentException("try number must be 1 or more, was " + tryNumber);
        }
        String path = runPath(dagId, runId) + "/taskInstances/" + seg(taskId(taskId)) + "/logs/" + tryNumber
                + "?full_content=true&map_index=" + mapIndex;
        String what = "try " + tryNumber + " of task '" + taskId + "' in run '" + runId + "' of DAG '" + dagId + "'";
        StringBuilder out = new StringBuilder();
        JsonNode page = get(path, what);
        for (int pages = 0; ; pages++) {
            for (JsonNode line : page.path("content")) {
                out.append(logLine(line)).append('\n');
            }
            String next = text(page, "continuation_token");
            if (next == null || page.path("content").isEmpty() || pages >= 100) {
                return out.toString();
            }
            page = get(path + "&token=" + URLEncoder.encode(next, StandardCharsets.UTF_8), what);
        }
    }

    /**
     * Polls the run every {@code every} until it has finished or {@code timeout} has passed, telling
     * {@code progress} the task instances whenever their states change; returns the finished run.
     */
    public DagRun await(String dagId, String runId, Duration timeout, Duration every, Consumer<List<TaskRun>> progress)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> seen = List.of();
        while (true) {
            DagRun run = dagRun(dagId, runId);
            List<TaskRun> tasks = taskRuns(dagId, runId);
            List<String> states = tasks.stream().map(t -> t.taskId() + "[" + t.mapIndex() + "]=" + t.state()).toList();
            if (!states.equals(seen)) {
                progress.accept(tasks);
                seen = states;
            }
            if (run.finished()) {
                return run;
            }
            if (System.nanoTime() > deadline) {
                throw new AirflowException(Kind.UNAVAILABLE, 0, "Run '" + runId + "' of DAG '" + dagId + "' is still "
                        + run.state() + " after " + timeout.toSeconds() + " s; it goes on in Airflow (see massbt "
                        + "airflow status " + dagId + " " + runId + ").");
            }
            Thread.sleep(every.toMillis());
        }
    }

    // --- ids ------------------------------------------------------------------------------------

    static String dagId(String id) {
        if (id == null || !KEY.matcher(id).matches()) {
            throw new AirflowException(Kind.BAD_REQUEST, 0, "DAG id '" + id + "' is not valid: letters, digits, "
                    + "'_', '.' or '-', up to 250 characters.");
        }
        return id;
    }

    static String taskId(String id) {
        if (id == null || !KEY.matcher(id).matches()) {
            throw new AirflowException(Kind.BAD_REQUEST, 0, "Task id '" + id + "' is not valid: letters, digits, "
                    + "'_', '.' or '-', up to 250 characters.");
        }
        return id;
    }

    static String runId(String id) {
        if (id == null || id.isBlank() || id.length() > 250 || id.chars().anyMatch(c -> c < 32 || c == 127)) {
            throw new AirflowException(Kind.BAD_REQUEST, 0, "Run id '" + id + "' is not valid: 1 to 250 printable "
                    + "characters, e.g. manual__2026-11-21T10:00:00+00:00.");
        }
        return id;
    }

    private static String runPath(String dagId, String runId) {
        return "/api/v2/dags/" + seg(dagId(dagId)) + "/dagRuns/" + seg(runId(runId));
    }

    /** A path segment, percent-encoded (a run id holds ':' and '+'). */
    static String seg(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // --- HTTP -----------------------------------------------------------------------------------

    private JsonNode get(String path, String what) {
        return send("GET", path, null, what);
    }

    private JsonNode send(String method, String path, JsonNode body, String what) {
        boolean fresh = token == null;
        HttpResponse<String> r = exchange(method, path, body, bearer());
        if (r.statusCode() == 401 && !fresh && settings.token() == null) {
            token = null; // the password's token expired: one new one
            r = exchange(method, path, body, bearer());
        }
        return parse(r, what);
    }

    private String bearer() {
        if (token == null) {
            token = fetchToken();
        }
        return token;
    }

    /** {@code POST /auth/token} with the user and password; the answer's {@code access_token}. */
    private String fetchToken() {
        ObjectNode body = JSON.createObjectNode().put("username", settings.user()).put("password", settings.password());
        HttpResponse<String> r = exchange("POST", "/auth/token", body, null);
        int s = r.statusCode();
        if (s == 401 || s == 403) {
            throw new AirflowException(Kind.AUTH, s, "Airflow at " + settings.url() + " refused the credentials of "
                    + "user '" + settings.user() + "' (HTTP " + s + "): check $" + AirflowSettings.USER + " and $"
                    + AirflowSettings.PASSWORD + ".");
        }
        JsonNode answer = parse(r, "a token for user '" + settings.user() + "'");
        String t = text(answer, "access_token");
        if (t == null) {
            throw new AirflowException(Kind.UNAVAILABLE, s, "Airflow at " + settings.url() + " answered POST /auth/token "
                    + "without an access_token: is this Airflow 3 with an auth manager that issues tokens?");
        }
        return t;
    }

    private HttpResponse<String> exchange(String method, String path, JsonNode body, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(settings.url() + path)).timeout(requestTimeout)
                .header("Accept", "application/json");
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            LOG.debug("{} {} -> {}", method, path, r.statusCode());
            return r;
        } catch (IOException e) {
            throw new AirflowException(Kind.UNAVAILABLE, "Cannot reach Airflow at " + settings.url() + ": "
                    + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName())
                    + " (is the API server running? check $" + AirflowSettings.URL + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AirflowException(Kind.UNAVAILABLE, "Interrupted while calling Airflow at " + settings.url(), e);
        }
    }

    /** The JSON answer of a 2xx response; any other status as an {@link AirflowException} about {@code what}. */
    private JsonNode parse(HttpResponse<String> r, String what) {
        int s = r.statusCode();
        if (s >= 200 && s < 300) {
            try {
                return r.body() == null || r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
            } catch (IOException e) {
                throw new AirflowException(Kind.UNAVAILABLE, "Airflow answered " + what + " with JSON it cannot "
                        + "read: " + e.getMessage(), e);
            }
        }
        String detail = detail(r.body());
        String says = " (HTTP " + s + (detail.isEmpty() ? "" : ": " + detail) + ")";
        if (s == 401) {
            throw new AirflowException(Kind.AUTH, s, "Airflow at " + settings.url() + " refused the "
                    + (settings.token() != null ? "token in $" + AirflowSettings.TOKEN + " (expired?)"
                    : "token of user '" + settings.user() + "'") + says + ".");
        }
        if (s == 403) {
            throw new AirflowException(Kind.AUTH, s, "Airflow does not allow "
                    + (settings.token() != null ? "this token" : "user '" + settings.user() + "'") + " to access "
                    + what + says + ".");
        }
        if (s == 404) {
            throw new AirflowException(Kind.BAD_REQUEST, s, "Airflow has no " + what + says + ".");
        }
        if (s >= 400 && s < 500) {
            throw new AirflowException(Kind.BAD_REQUEST, s, "Airflow refused the request for " + what + says + ".");
        }
        throw new AirflowException(Kind.UNAVAILABLE, s, "Airflow failed on the request for " + what + says + ".");
    }

    /** FastAPI's {@code detail}: a string, or validation errors as {@code loc: msg}. */
    static String detail(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode d = JSON.readTree(body).path("detail");
            if (d.isTextual()) {
                return d.asText();
            }
            if (d.isArray()) {
                List<String> parts = new ArrayList<>();
                for (JsonNode e : d) {
                    List<String> loc = new ArrayList<>();
                    e.path("loc").forEach(l -> loc.add(l.asText()));
                    parts.add(String.join(".", loc) + ": " + e.path("msg").asText());
                }
                return String.join("; ", parts);
            }
            return d.isMissingNode() ? abbreviate(body) : d.toString();
        } catch (IOException e) {
            return abbreviate(body);
        }
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= 200 ? one : one.substring(0, 200) + "...";
    }

    static DagRun dagRun(JsonNode n) {
        return new DagRun(n.path("dag_id").asText(), n.path("dag_run_id").asText(), n.path("state").asText("unknown"),
                text(n, "run_type"), instant(n, "logical_date"), instant(n, "start_date"), instant(n, "end_date"));
    }

    /** A structured log event as {@code timestamp level event key=value...}, or a plain line as is. */
    static String logLine(JsonNode line) {
        if (!line.isObject()) {
            return line.asText();
        }
        StringBuilder b = new StringBuilder();
        if (line.hasNonNull("timestamp")) {
            b.append(line.get("timestamp").asText()).append(' ');
        }
        if (line.hasNonNull("level")) {
            b.append(line.get("level").asText().toUpperCase(java.util.Locale.ROOT)).append(' ');
        }
        b.append(line.path("event").asText(""));
        line.fields().forEachRemaining(f -> {
            if (!CONTEXT_KEYS.contains(f.getKey()) && !f.getValue().isNull()) {
                b.append(' ').append(f.getKey()).append('=')
                        .append(f.getValue().isTextual() ? f.getValue().asText() : f.getValue().toString());
            }
        });
        return b.toString();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Instant instant(JsonNode n, String field) {
        String s = text(n, field);
        return s == null ? null : OffsetDateTime.parse(s).toInstant();
    }
}

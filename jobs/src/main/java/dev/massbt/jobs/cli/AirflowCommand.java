package dev.massbt.jobs.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.massbt.jobs.airflow.AirflowClient;
import dev.massbt.jobs.airflow.AirflowException;
import dev.massbt.jobs.airflow.AirflowSettings;
import dev.massbt.jobs.airflow.DagRun;
import dev.massbt.jobs.airflow.TaskRun;
import dev.massbt.jobs.error.JobErrors;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code massbt airflow trigger|status|logs}: the massbt DAGs through Airflow's REST API. Needs no
 * Spark. Settings come from the environment ({@link AirflowSettings}), read through the map the
 * command line was built with, so tests give their own.
 */
@Command(name = "airflow", mixinStandardHelpOptions = true,
        description = "Trigger and watch the massbt DAGs through Airflow 3's REST API. Environment: "
                + "MASSBT_AIRFLOW_URL (the API server), MASSBT_AIRFLOW_TOKEN or MASSBT_AIRFLOW_USER + "
                + "MASSBT_AIRFLOW_PASSWORD. Exit codes: 0 done, 1 the run failed or Airflow is unavailable, 2 bad "
                + "arguments or an unknown DAG/run/task, 3 credentials refused.",
        subcommands = {AirflowCommand.Trigger.class, AirflowCommand.Status.class, AirflowCommand.Logs.class})
final class AirflowCommand implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> env;

    @Spec
    CommandSpec spec;

    AirflowCommand(Map<String, String> env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "a sub-command is required: trigger, status or logs");
    }

    AirflowClient client() {
        return new AirflowClient(AirflowSettings.fromEnv(env));
    }

    /** What every sub-command has: the parent's environment, its own spec and output. */
    abstract static class Sub implements Callable<Integer> {
        @ParentCommand
        AirflowCommand parent;
        @Spec
        CommandSpec spec;

        AirflowClient client() {
            return parent.client();
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @Command(name = "trigger", mixinStandardHelpOptions = true,
            description = "Trigger a run of a DAG; with --wait, follow its tasks until it finishes (exit 1 if it "
                    + "failed).")
    static final class Trigger extends Sub {

        @Parameters(paramLabel = "DAG", description = "e.g. massbt_daily")
        String dagId;

        @Option(names = "--conf", paramLabel = "JSON", description = "The run's DAG params as a JSON object, e.g. "
                + "'{\"symbols\": \"BTCUSD\"}'.")
        String conf;

        @Option(names = "--logical-date", paramLabel = "INSTANT", description = "The run's logical date "
                + "(ISO-8601, e.g. 2026-11-20T00:00:00Z); default none, as for Airflow 3's manual runs.")
        String logicalDate;

        @Option(names = "--wait", description = "Wait until the run has finished.")
        boolean await;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "3600", description = "With --wait: "
                + "give up after this long (default ${DEFAULT-VALUE}); the run goes on in Airflow.")
        long timeoutSeconds;

        @Option(names = "--poll", paramLabel = "SECONDS", defaultValue = "5", description = "With --wait: seconds "
                + "between polls (default ${DEFAULT-VALUE}).")
        long pollSeconds;

        @Override
        public Integer call() throws InterruptedException {
            Map<String, Object> params = conf(conf);
            Instant at = logicalDate(logicalDate);
            if (timeoutSeconds < 1 || pollSeconds < 1) {
                throw JobErrors.option("--timeout and --poll must be at least 1 second.");
            }
            AirflowClient client = client();
            PrintWriter out = out();
            boolean paused = client.paused(dagId);
            DagRun run = client.trigger(dagId, params, at);
            out.println("triggered " + run.dagId() + " run " + run.runId() + " (" + run.state() + ")");
            if (paused) {
                out.println("note: DAG " + dagId + " is paused: the run waits until it is unpaused (airflow dags "
                        + "unpause " + dagId + ", or the UI)");
            }
            out.flush();
            if (!await) {
                return 0;
            }
            long started = System.nanoTime();
            DagRun done = client.await(dagId, run.runId(), Duration.ofSeconds(timeoutSeconds),
                    Duration.ofSeconds(pollSeconds), tasks -> {
                        out.println(progress(tasks));
                        out.flush();
                    });
            out.println(String.format(Locale.ROOT, "%s run %s: %s in %.0f s", dagId, done.runId(), done.state(),
                    (System.nanoTime() - started) / 1e9));
            out.flush();
            if (!done.succeeded()) {
                spec.commandLine().getErr().println("massbt airflow trigger: run " + done.runId() + " of " + dagId
                        + " " + done.state() + " (see massbt airflow status " + dagId + " " + done.runId() + ")");
                spec.commandLine().getErr().flush();
                return Commands.FAILED;
            }
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "The latest runs of a DAG, or one run with its tasks.")
    static final class Status extends Sub {

        @Parameters(index = "0", paramLabel = "DAG")
        String dagId;

        @Parameters(index = "1", paramLabel = "RUN", arity = "0..1", description = "A run id; default: the "
                + "latest runs.")
        String runId;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Runs to list (default "
                + "${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            AirflowClient client = client();
            PrintWriter out = out();
            if (runId == null) {
                List<DagRun> runs = client.dagRuns(dagId, limit);
                out.println(String.format(Locale.ROOT, "%-10s %-22s %-22s %s", "state", "started", "ended", "run"));
                for (DagRun r : runs) {
                    out.println(String.format(Locale.ROOT, "%-10s %-22s %-22s %s", r.state(), time(r.startDate()),
                            time(r.endDate()), r.runId()));
                }
                if (runs.isEmpty()) {
                    out.println("(no runs of " + dagId + ")");
                }
            } else {
                DagRun r = client.dagRun(dagId, runId);
                out.println(r.dagId() + " run " + r.runId() + ": " + r.state() + " (started " + time(r.startDate())
                        + ", ended " + time(r.endDate()) + ")");
                out.println(String.format(Locale.ROOT, "%-24s %-16s %5s %9s", "task", "state", "try", "seconds"));
                for (TaskRun t : client.taskRuns(dagId, runId)) {
                    out.println(String.format(Locale.ROOT, "%-24s %-16s %5d %9s", label(t),
                            t.state() == null ? "none" : t.state(), t.tryNumber(),
                            t.duration() == null ? "" : String.format(Locale.ROOT, "%.1f", t.duration())));
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "logs", mixinStandardHelpOptions = true, description = "The log of a task of a run.")
    static final class Logs extends Sub {

        @Parameters(index = "0", paramLabel = "DAG")
        String dagId;

        @Parameters(index = "1", paramLabel = "RUN")
        String runId;

        @Parameters(index = "2", paramLabel = "TASK")
        String taskId;

        @Option(names = "--try", paramLabel = "N", description = "Which try (default: the latest).")
        Integer tryNumber;

        @Option(names = "--map-index", paramLabel = "I", defaultValue = "-1", description = "For a mapped task "
                + "(e.g. massbt_daily's ingest, one per symbol): its index.")
        int mapIndex;

        @Override
        public Integer call() {
            AirflowClient client = client();
            int attempt = tryNumber != null ? tryNumber : client.taskRuns(dagId, runId).stream()
                    .filter(t -> t.taskId().equals(taskId) && t.mapIndex() == mapIndex)
                    .mapToInt(TaskRun::tryNumber).max()
                    .orElseThrow(() -> new AirflowException(AirflowException.Kind.BAD_REQUEST, 404, "Run '" + runId
                            + "' of DAG '" + dagId + "' has no task '" + taskId + "'"
                            + (mapIndex >= 0 ? " with map index " + mapIndex : "") + "."));
            if (attempt < 1) {
                throw new AirflowException(AirflowException.Kind.BAD_REQUEST, 0, "Task '" + taskId + "' of run '"
                        + runId + "' has not run yet: no log.");
            }
            PrintWriter out = out();
            out.print(client.log(dagId, runId, taskId, attempt, mapIndex));
            out.flush();
            return 0;
        }
    }

    /** The --conf JSON as a map; anything but a JSON object is bad input. */
    static Map<String, Object> conf(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw JobErrors.badConf(e.getOriginalMessage());
        }
    }

    static Instant logicalDate(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw JobErrors.badLogicalDate(s);
        }
    }

    /** One line: each task's state, e.g. {@code plan=success ingest[0]=running backtest=none}. */
    static String progress(List<TaskRun> tasks) {
        StringBuilder b = new StringBuilder(" ");
        for (TaskRun t : tasks) {
            b.append(' ').append(label(t)).append('=').append(t.state() == null ? "none" : t.state());
        }
        return b.toString();
    }

    private static String label(TaskRun t) {
        return t.mapIndex() >= 0 ? t.taskId() + "[" + t.mapIndex() + "]" : t.taskId();
    }

    private static String time(Instant t) {
        return t == null ? "-" : t.toString().replaceFirst("\\.\\d+Z$", "Z");
    }
}

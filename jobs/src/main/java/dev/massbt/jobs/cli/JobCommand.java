package dev.massbt.jobs.cli;

import dev.massbt.datasets.run.RunId;
import dev.massbt.datasets.run.Steps;
import dev.massbt.datasets.table.Warehouse;
import dev.massbt.jobs.error.ExternalFailure;
import dev.massbt.jobs.runs.RunRecorder;
import dev.massbt.jobs.tables.RunWrites;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every command shares: the warehouse, the local core count and the session; for
 * {@link RecordedCommand}s, the run id and the {@code runs} row that records the run
 * (RUNNING, then SUCCEEDED or FAILED).
 */
abstract class JobCommand implements Callable<Integer> {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JobCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--warehouse", paramLabel = "DIR|URI",
            description = "Where the Delta tables live: a local directory or a file:, hdfs: or s3a: URI. "
                    + "Default: $MASSBT_WAREHOUSE, else ./warehouse.")
    String warehouse;

    @Option(names = "--cores", paramLabel = "N", description = "Cores of the embedded local Spark (ignored under "
            + "spark-submit). Default: all.")
    int cores;

    /** The run id the user gave, or null for a new one. */
    String runIdOption() {
        return null;
    }

    /** The command's seeds, recorded with the run. */
    Map<String, Long> seeds() {
        return Map.of();
    }

    /**
     * Checks and parses the options before Spark starts, so that bad input is refused in a moment
     * and costs no session and no run; throws a user error. Default: nothing to check.
     */
    void check() {
    }

    /** The work; returns the counts and table versions to record. */
    abstract Outcome run(SparkSession spark, RunWrites writes, RunId run);

    /** Whether the command records a row in {@code runs} ({@link RecordedCommand}s do). */
    boolean recorded() {
        return false;
    }

    record Outcome(Map<String, Long> inputs, Map<String, Long> outputs, Map<String, Long> counts) {
    }

    /** When the command started, before the SparkSession: benchmarks count Spark's start. */
    long startedNanos;

    @Override
    public Integer call() {
        startedNanos = System.nanoTime();
        Warehouse w = warehouse();
        RunId run = runIdOption() == null ? RunId.fresh(spec.name()) : RunId.of(runIdOption());
        check();
        SparkSession spark = Sessions.open(w, cores);
        LOG.info("{} {}: Spark {} ready in {} ms, warehouse {}", spec.name(), run, spark.sparkContext().master(),
                (System.nanoTime() - startedNanos) / 1_000_000L, w);
        RunWrites writes = new RunWrites(spark, w);
        // every Spark job of the command is labelled with it; the actions' own steps label theirs more precisely
        Steps steps = Steps.of(spark.sparkContext(), spec.name(), run.value());
        try {
            steps.run("command", String.join(" ", args()), () -> recorded()
                    ? recordedStep(spark, writes, run, spec.name(), args(), seeds(), () -> run(spark, writes, run))
                    : run(spark, writes, run));
            return 0;
        } catch (Exception e) {
            if (interrupted) {
                throw e instanceof RunInterrupted ri ? ri : new RunInterrupted(e);
            }
            ExternalFailure stopped = spark.sparkContext().isStopped()
                    ? Sessions.stoppedByMaster(spark.sparkContext().master(), e) : null;
            if (stopped != null) {
                throw stopped;
            }
            throw e;
        }
    }

    /**
     * Runs {@code body} as run {@code run} of {@code command}, recorded in the runs table. If the
     * process is stopped meanwhile (SIGTERM, SIGINT), a shutdown hook that runs before Spark's own
     * (the executor's and the context's) cancels the work's jobs, records the run FAILED as
     * interrupted and says so in one line; the failure the stopped
     * session then causes in {@code body} is not reported again.
     */
    Outcome recordedStep(SparkSession spark, RunWrites writes, RunId run, String command, List<String> args,
                         Map<String, Long> seeds, java.util.function.Supplier<Outcome> body) {
        RunRecorder recorder = RunRecorder.start(spark, writes, run, command, args, seeds);
        Object hook = org.apache.spark.util.ShutdownHookManager.addShutdownHook(
                org.apache.spark.util.ShutdownHookManager.DEFAULT_SHUTDOWN_PRIORITY() + 10, () -> {
                    interrupted = true;
                    quietShutdown(); // what Spark logs about the jobs it cancels now is noise
                    // the work is being stopped anyway: its tasks must not hold the slots the runs write needs
                    spark.sparkContext().cancelAllJobs();
                    boolean recorded = recorder.interrupted();
                    spec.commandLine().getErr().println("massbt " + command + ": interrupted; run " + run + (recorded
                            ? " is recorded FAILED (interrupted) in the runs table"
                            : " was not recorded as interrupted (see massbt runs)"));
                    spec.commandLine().getErr().flush();
                    return scala.runtime.BoxedUnit.UNIT;
                });
        try {
            Outcome o = body.get();
            recorder.succeeded(o.inputs(), o.outputs(), o.counts());
            return o;
        } catch (Exception e) { // Spark's job failures are checked SparkExceptions, thrown unchecked
            if (interrupted) {
                throw new RunInterrupted(e);
            }
            recorder.failed(e);
            throw e;
        } finally {
            org.apache.spark.util.ShutdownHookManager.removeShutdownHook(hook);
        }
    }

    /**
     * Once the process is being stopped, what Spark logs while it cancels the work and stops (jobs
     * aborted, with stack traces) is noise: logging is switched off, unless stack traces were asked
     * for ({@code MASSBT_STACKTRACE=1}); the interruption is said in one line instead.
     */
    private static void quietShutdown() {
        if (!Boolean.getBoolean("massbt.stacktrace") && !"1".equals(System.getenv("MASSBT_STACKTRACE"))) {
            org.apache.logging.log4j.core.config.Configurator.setAllLevels(
                    org.apache.logging.log4j.LogManager.ROOT_LOGGER_NAME, org.apache.logging.log4j.Level.OFF);
        }
    }

    /** Set by the shutdown hook: the process is being stopped. */
    private volatile boolean interrupted;

    /** What a run stopped by a signal fails with: already said and recorded, so reported by nothing else. */
    static final class RunInterrupted extends RuntimeException {
        RunInterrupted(Throwable cause) {
            super("interrupted", cause);
        }
    }

    Warehouse warehouse() {
        String w = warehouse;
        if (w == null) {
            String env = System.getenv("MASSBT_WAREHOUSE");
            w = env == null || env.isBlank() ? "warehouse" : env;
        }
        return Warehouse.at(w);
    }

    private List<String> args() {
        return spec.commandLine().getParseResult().originalArgs();
    }

    void out(String text) {
        spec.commandLine().getOut().println(text);
        spec.commandLine().getOut().flush();
    }
}

package dev.massbt.jobs.runs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.massbt.datasets.run.RunId;
import dev.massbt.jobs.tables.RunTable;
import dev.massbt.jobs.tables.RunWrites;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.jdk.javaapi.CollectionConverters;

/**
 * One row of the {@code runs} table per job run: written {@code RUNNING} when the run starts
 * and replaced by {@code SUCCEEDED} (with the input and output table versions and the counts)
 * or {@code FAILED} (with the error) when it ends. Re-running a run id replaces its row.
 */
public final class RunRecorder {

    public static final String RUNNING = "RUNNING";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";
    private static final Logger LOG = LoggerFactory.getLogger(RunRecorder.class);

    private final SparkSession spark;
    private final RunWrites writes;
    private final RunId run;
    private final String command;
    private final List<String> args;
    private final Map<String, Long> seeds;
    private final Instant startedAt = Instant.now();
    private final java.util.concurrent.CompletableFuture<Void> started = new java.util.concurrent.CompletableFuture<>();
    private final long startNanos = System.nanoTime();
    /** Set by the first final write (succeeded, failed or interrupted): only one is made. */
    private final java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
    /** Seconds the shutdown waits for the RUNNING row before recording the interruption. */
    private static final long INTERRUPT_WAIT_SECONDS = 20;
    /** The error of a run stopped by a signal. */
    public static final String INTERRUPTED = "interrupted: the process was stopped (SIGTERM or SIGINT) while the run "
            + "was in progress";

    private RunRecorder(SparkSession spark, RunWrites writes, RunId run, String command, List<String> args,
                        Map<String, Long> seeds) {
        this.spark = Objects.requireNonNull(spark, "spark");
        this.writes = Objects.requireNonNull(writes, "writes");
        this.run = Objects.requireNonNull(run, "run");
        this.command = Objects.requireNonNull(command, "command");
        this.args = List.copyOf(args);
        this.seeds = Map.copyOf(seeds);
    }

    /**
     * Records that {@code run} started. The write runs on a background thread, beside the
     * command's own first steps (in a fresh JVM the first Delta commit costs seconds of class
     * loading and JIT); {@link #succeeded} and {@link #failed} wait for it.
     */
    public static RunRecorder start(SparkSession spark, RunWrites writes, RunId run, String command, List<String> args,
                                    Map<String, Long> seeds) {
        RunRecorder r = new RunRecorder(spark, writes, run, command, args, seeds);
        Thread t = new Thread(() -> {
            try {
                r.write(RUNNING, Map.of(), Map.of(), Map.of(), null, false);
                r.started.complete(null);
            } catch (Throwable e) { // Spark's checked exceptions too: none may escape the thread as a stack trace
                r.started.completeExceptionally(e);
            }
        }, "massbt-run-recorder");
        t.setDaemon(true);
        t.start();
        return r;
    }

    /** Waits for the RUNNING row; rethrows its failure. */
    private void awaitStarted() {
        try {
            started.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    public RunId run() {
        return run;
    }

    public void succeeded(Map<String, Long> inputVersions, Map<String, Long> outputVersions, Map<String, Long> counts) {
        awaitStarted();
        synchronized (this) {
            if (ended.compareAndSet(false, true)) {
                write(SUCCEEDED, inputVersions, outputVersions, counts, null, true);
            }
        }
    }

    /** Records the failure; never throws (the original error matters more). */
    public void failed(Throwable error) {
        try {
            started.exceptionally(e -> null).join();
            String message = error.getMessage() == null ? error.toString() : error.getMessage();
            synchronized (this) {
                if (ended.compareAndSet(false, true)) {
                    write(FAILED, Map.of(), Map.of(), Map.of(),
                            message.length() > 4000 ? message.substring(0, 4000) : message, true);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("could not record the failure of run {} in the runs table: {}", run, e.toString());
        }
    }

    /**
     * The process is being stopped (a shutdown hook that runs before Spark's): a run still in
     * progress is recorded FAILED ({@value #INTERRUPTED}), after its RUNNING row if that is being
     * written; a final write under way is waited for. Returns whether this call recorded it; never
     * throws.
     */
    public boolean interrupted() {
        try {
            started.exceptionally(e -> null).get(INTERRUPT_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
            synchronized (this) {
                if (!ended.compareAndSet(false, true)) {
                    return false;
                }
                write(FAILED, Map.of(), Map.of(), Map.of(), INTERRUPTED, true);
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("could not record the interruption of run {} in the runs table: {}", run, e.toString());
            return false;
        }
    }

    private void write(String status, Map<String, Long> inputs, Map<String, Long> outputs, Map<String, Long> counts,
                       String error, boolean finished) {
        Instant now = Instant.now();
        Row row = RowFactory.create(run.value(), command, CollectionConverters.asScala(args).toSeq(),
                scalaMap(seeds), codeVersion(), spark.sparkContext().master(), scalaMap(inputs), scalaMap(outputs),
                scalaMap(counts), status, error, Timestamp.from(startedAt), finished ? Timestamp.from(now) : null,
                finished ? (System.nanoTime() - startNanos) / 1_000_000L : null);
        writes.replaceRun(RunTable.RUNS, run, List.of(row));
    }

    private static scala.collection.Map<String, Long> scalaMap(Map<String, Long> m) {
        return CollectionConverters.asScala(new LinkedHashMap<>(m));
    }

    /** The build's version and commit, e.g. {@code 0.1.0-SNAPSHOT+3f2a9c1}, from the jar. */
    public static String codeVersion() {
        Properties p = new Properties();
        try (InputStream in = RunRecorder.class.getClassLoader().getResourceAsStream("massbt-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = p.getProperty("version", "unknown");
        String commit = p.getProperty("commit", "");
        boolean dirty = "true".equals(p.getProperty("dirty"));
        return commit.isEmpty() || commit.startsWith("$") ? version
                : version + "+" + commit + (dirty ? ".dirty" : "");
    }

    /** The recorded row of {@code run}, or null. */
    public static Row find(SparkSession spark, RunWrites writes, RunId run) {
        if (!writes.exists(RunTable.RUNS)) {
            return null;
        }
        List<Row> rows = spark.read().format("delta").load(writes.path(RunTable.RUNS))
                .where(col("run_id").equalTo(lit(run.value()))).collectAsList();
        return rows.isEmpty() ? null : rows.get(0);
    }
}

package dev.massbt.jobs.action;

import dev.massbt.datasets.run.RunId;
import dev.massbt.datasets.run.Steps;
import dev.massbt.jobs.tables.RunWrites;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * The one shape of a job: a run ({@link RunId}) of a command on a session, writing its tables
 * through {@link RunWrites}, its work cut into steps whose Spark jobs are labelled
 * {@code massbt <command> <run>: <what>} and whose progress (done/total tasks, ETA) is logged
 * ({@link Steps}, which ingest uses too). Subclasses add fluent configuration and an
 * {@code execute()} that returns an immutable result.
 *
 * <pre>{@code
 * BacktestResult r = BacktestAction.on(spark, writes, RunId.of("bt-1")).strategies(set)
 *         .symbols(List.of("BTCUSD")).execute();
 * }</pre>
 */
public abstract class JobAction {

    protected final SparkSession spark;
    protected final RunWrites writes;
    protected final RunId run;
    private final Steps steps;

    protected JobAction(String command, SparkSession spark, RunWrites writes, RunId run) {
        this.spark = Objects.requireNonNull(spark, "spark");
        this.writes = Objects.requireNonNull(writes, "writes");
        this.run = Objects.requireNonNull(run, "run");
        this.steps = Steps.of(spark.sparkContext(), Objects.requireNonNull(command, "command"), run.value());
    }

    /** The run this action writes. */
    public final RunId run() {
        return run;
    }

    /**
     * Runs {@code body} as step {@code key} of the run (Spark job group {@code <run>-<key>}),
     * described as {@code what}: its Spark jobs labelled, its progress logged.
     */
    protected final <T> T step(String key, String what, Supplier<T> body) {
        return steps.run(key, what, body);
    }

    /** Runs {@code body} as step {@code key}, described as {@code what}. */
    protected final void step(String key, String what, Runnable body) {
        steps.run(key, what, body);
    }

    /** The steps of this run, for the helpers an action hands work to. */
    protected final Steps steps() {
        return steps;
    }

    /** The cores the session's tasks run on (at least 1): what the plans cut work for. */
    protected final int cores() {
        return Math.max(1, spark.sparkContext().defaultParallelism());
    }

    protected static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }
}

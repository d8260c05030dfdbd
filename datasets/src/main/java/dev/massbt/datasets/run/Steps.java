package dev.massbt.datasets.run;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.spark.SparkContext;

/**
 * The steps of one run as Spark and the log show them: every Spark job a step starts is labelled
 * {@code massbt <command> <run>: <what>} (the Spark UI, the history server), and while a step
 * runs its done/total tasks and an ETA are logged every few seconds ({@link Progress}). The one
 * progress mechanism of every job and ingest; steps may nest (an optimize's backtest), each
 * restoring the label it found. A step's Spark job group is {@code <run>-<key>}
 * ({@code bt-1-backtest}): stable names to find a run's jobs by in the Spark UI, its REST API
 * and the history server.
 *
 * <pre>{@code
 * Steps steps = Steps.of(spark.sparkContext(), "backtest", run);
 * long rows = steps.run("backtest", "1000 strategies x 4 symbols in 16 tasks", () -> rows.count());
 * }</pre>
 */
public final class Steps {

    /** How often a running step logs its progress. */
    static final Duration EVERY = Duration.ofSeconds(10);

    private final SparkContext sc;
    private final String command;
    private final String run;

    private Steps(SparkContext sc, String command, String run) {
        this.sc = Objects.requireNonNull(sc, "sc");
        this.command = Objects.requireNonNull(command, "command");
        this.run = Objects.requireNonNull(run, "run");
    }

    /** The steps of run {@code run} of {@code command} ({@code backtest}, {@code ingest}, ...). */
    public static Steps of(SparkContext sc, String command, String run) {
        return new Steps(sc, command, run);
    }

    /**
     * Runs {@code body} as the step {@code key} ({@code [a-z]+}), described as {@code what}: its
     * Spark jobs labelled, its progress logged.
     */
    public <T> T run(String key, String what, Supplier<T> body) {
        Objects.requireNonNull(body, "body");
        try (Progress p = Progress.start(sc, group(key), label(what), EVERY)) {
            return body.get();
        }
    }

    /** Runs {@code body} as the step {@code key}, described as {@code what}. */
    public void run(String key, String what, Runnable body) {
        Objects.requireNonNull(body, "body");
        run(key, what, () -> {
            body.run();
            return null;
        });
    }

    /** {@code massbt backtest bt-1: evaluate ...}: how a step's Spark jobs are labelled. */
    public String label(String what) {
        return "massbt " + command + " " + run + ": " + Objects.requireNonNull(what, "what");
    }

    /** The Spark job group of step {@code key}: {@code <run>-<key>}. */
    public String group(String key) {
        if (!KEY.matcher(Objects.requireNonNull(key, "key")).matches()) {
            throw new IllegalArgumentException("a step key is [a-z]+, got '" + key + "'");
        }
        return run + "-" + key;
    }

    private static final Pattern KEY = Pattern.compile("[a-z]+");
}

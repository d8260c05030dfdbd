package dev.massbt.datasets.run;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.JavaSparkStatusTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Labels the Spark jobs of one step with a readable description (seen in the Spark UI and the
 * history server) and, while the step runs, logs done/total tasks and an ETA every few
 * seconds from Spark's status tracker. Use with try-with-resources around the step.
 */
public final class Progress implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);

    private final SparkContext sc;
    private final String group;
    private final String label;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService timer;
    private final String previousDescription;
    private final String previousGroup;

    private Progress(SparkContext sc, String group, String label, Duration every) {
        this.sc = sc;
        this.group = group;
        this.label = label;
        this.previousDescription = sc.getLocalProperty("spark.job.description");
        this.previousGroup = sc.getLocalProperty("spark.jobGroup.id");
        sc.setJobGroup(group, label, false);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "massbt-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::report, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Starts labelling the calling thread's Spark jobs {@code label} (group {@code group}) and
     * reporting their progress every {@code every}.
     */
    public static Progress start(SparkContext sc, String group, String label, Duration every) {
        Objects.requireNonNull(sc, "sc");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(label, "label");
        return new Progress(sc, group, label, every);
    }

    /** Done and total tasks of the group's jobs so far. */
    public long[] tasks() {
        JavaSparkStatusTracker tracker = JavaSparkContext.fromSparkContext(sc).statusTracker();
        long done = 0;
        long total = 0;
        for (int jobId : tracker.getJobIdsForGroup(group)) {
            SparkJobInfo job = tracker.getJobInfo(jobId);
            if (job == null) {
                continue;
            }
            for (int stageId : job.stageIds()) {
                SparkStageInfo stage = tracker.getStageInfo(stageId);
                if (stage != null) {
                    done += stage.numCompletedTasks();
                    total += stage.numTasks();
                }
            }
        }
        return new long[] {done, total};
    }

    private void report() {
        try {
            long[] t = tasks();
            if (t[1] == 0) {
                return;
            }
            double elapsed = (System.nanoTime() - startNanos) / 1e9;
            String eta = t[0] == 0 ? "?" : String.format("%.0f s", elapsed * (t[1] - t[0]) / t[0]);
            LOG.info("{}: {}/{} tasks ({}%), {} s elapsed, ETA {}", label, t[0], t[1], 100 * t[0] / t[1],
                    Math.round(elapsed), eta);
        } catch (RuntimeException e) {
            LOG.debug("progress report failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        sc.clearJobGroup();
        if (previousGroup != null) {
            sc.setLocalProperty("spark.jobGroup.id", previousGroup);
        }
        sc.setJobDescription(previousDescription);
    }
}

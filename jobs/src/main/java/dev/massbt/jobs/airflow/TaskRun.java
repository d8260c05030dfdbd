package dev.massbt.jobs.airflow;

import java.time.Instant;
import java.util.Objects;

/** One task instance of a DAG run: its state (null before it was scheduled), latest try, times. */
public record TaskRun(String taskId, int mapIndex, String state, int tryNumber, String operator, Instant startDate,
                      Instant endDate, Double duration) {

    public TaskRun {
        Objects.requireNonNull(taskId, "taskId");
    }
}

package dev.massbt.jobs.airflow;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** One DAG run as the API reports it; times are null until they happened. */
public record DagRun(String dagId, String runId, String state, String runType, Instant logicalDate,
                     Instant startDate, Instant endDate) {

    private static final Set<String> FINISHED = Set.of("success", "failed");

    public DagRun {
        Objects.requireNonNull(dagId, "dagId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(state, "state");
    }

    /** Whether the run has finished, successfully or not. */
    public boolean finished() {
        return FINISHED.contains(state);
    }

    public boolean succeeded() {
        return "success".equals(state);
    }
}

package dev.massbt.jobs.cli;

import dev.massbt.strategies.metrics.Metric;
import java.util.Iterator;
import java.util.List;

/**
 * The metric names the command line accepts, from {@link Metric}: picocli lists them in the help
 * ({@code ${COMPLETION-CANDIDATES}}) and completes them in shells.
 */
final class MetricNames {

    private MetricNames() {
    }

    /** Metrics to rank by: {@code rank --metric}, {@code optimize --metric}, {@code backtest --top-metric}. */
    static final class Rankable implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return names(Metric.rankableMetrics());
        }
    }

    /** Metrics to evolve for: {@code evolve --fitness}. */
    static final class Fitness implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return names(Metric.fitnessMetrics());
        }
    }

    private static Iterator<String> names(List<Metric> metrics) {
        return metrics.stream().map(Metric::column).iterator();
    }
}

package dev.massbt.jobs.evolve;

import dev.massbt.jobs.error.JobErrors;
import dev.massbt.strategies.metrics.Metric;
import java.io.Serializable;

/**
 * How an evolve run scores a strategy on the in-sample segment: a metric (averaged over
 * symbols weighted by their bars), minus {@code complexityPenalty} per point of the strategy's
 * complexity score; a strategy with fewer than {@code minTrades} trades gets {@link #UNFIT}.
 */
public record FitnessSpec(String metric, double complexityPenalty, long minTrades) implements Serializable {

    /** Fitness of a strategy that trades too little: below any real score. */
    public static final double UNFIT = -1e6;

    public FitnessSpec {
        String given = metric;
        metric = Metric.byColumn(given).filter(Metric::fitness)
                .orElseThrow(() -> JobErrors.metric("Fitness metric", given, Metric.fitnessMetrics())).column();
        if (!(complexityPenalty >= 0) || Double.isInfinite(complexityPenalty)) {
            throw JobErrors.option("complexity penalty must be >= 0, got " + complexityPenalty);
        }
        if (minTrades < 0) {
            throw JobErrors.option("minimum trades must be >= 0, got " + minTrades);
        }
    }

    /** The metric scored, one of {@link Metric#fitnessMetrics()}. */
    public Metric scoreMetric() {
        return Metric.byColumn(metric).orElseThrow();
    }

    public static FitnessSpec sharpe() {
        return new FitnessSpec("sharpe", 0.0, 1);
    }

    public double fitness(double metricValue, long trades, int complexity) {
        if (trades < minTrades) {
            return UNFIT;
        }
        return metricValue - complexityPenalty * complexity;
    }

    @Override
    public String toString() {
        return metric + (complexityPenalty > 0 ? " - " + complexityPenalty + " x complexity" : "")
                + ", at least " + minTrades + " trades";
    }
}

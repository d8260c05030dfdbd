package dev.massbt.jobs.evolve;

import java.io.Serializable;
import java.util.Set;
import java.util.TreeSet;

/**
 * How an evolve run scores a strategy on the in-sample segment: a metric (averaged over
 * symbols weighted by their bars), minus {@code complexityPenalty} per point of the strategy's
 * complexity score; a strategy with fewer than {@code minTrades} trades gets {@link #UNFIT}.
 */
public record FitnessSpec(String metric, double complexityPenalty, long minTrades) implements Serializable {

    /** Fitness of a strategy that trades too little: below any real score. */
    public static final double UNFIT = -1e6;
    public static final Set<String> METRICS = Set.of("total_return", "cagr", "sharpe", "sortino", "calmar",
            "win_rate", "profit_factor", "avg_trade");

    public FitnessSpec {
        if (!METRICS.contains(metric)) {
            throw new IllegalArgumentException("Fitness metric '" + metric + "' is not supported: use one of "
                    + new TreeSet<>(METRICS) + ".");
        }
        if (!(complexityPenalty >= 0) || Double.isInfinite(complexityPenalty)) {
            throw new IllegalArgumentException("complexity penalty must be >= 0, got " + complexityPenalty);
        }
        if (minTrades < 0) {
            throw new IllegalArgumentException("minimum trades must be >= 0, got " + minTrades);
        }
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

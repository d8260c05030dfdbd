package dev.massbt.strategies.metrics;

/** TEMPORARY stub until the metrics branch lands. */
public final class MetricsCalculator {
    private MetricsCalculator() {
    }

    public static Metrics compute(double finalEquity, double years, double[] dailyReturns, int days,
                                  double[] tradeReturns, int trades, double maxDrawdown, double exposure,
                                  MetricsConfig config) {
        return new Metrics(finalEquity - 1, 0, 0, 0, maxDrawdown, 0, 0, 0, 0, 0, 0, trades, exposure, 0, 0);
    }
}

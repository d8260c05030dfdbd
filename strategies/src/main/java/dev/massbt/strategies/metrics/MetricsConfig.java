package dev.massbt.strategies.metrics;

/** TEMPORARY stub until the metrics branch lands. */
public record MetricsConfig(int periodsPerYear, double riskFreeRate) {
    public static MetricsConfig crypto() {
        return new MetricsConfig(365, 0);
    }

    public static MetricsConfig equities() {
        return new MetricsConfig(252, 0);
    }
}

package dev.massbt.strategies.metrics;

/**
 * How daily numbers are annualised and what a riskless investment would have earned.
 *
 * @param periodsPerYear daily periods in a year, {@code P}: 365 for crypto (it trades every
 *     calendar day), 252 for equities (trading days); any value in {@code 1..366} is accepted.
 *     Sharpe and Sortino are multiplied by {@code sqrt(P)}.
 * @param riskFreeRate annual risk-free rate {@code rf} as a fraction (0.05 = 5% a year), finite,
 *     in {@code [-0.5, 1]}. Its daily equivalent is {@link #dailyRiskFreeRate()}.
 */
public record MetricsConfig(int periodsPerYear, double riskFreeRate) implements java.io.Serializable {

    public MetricsConfig {
        if (periodsPerYear < 1 || periodsPerYear > 366) {
            throw MetricsErrors.periodsPerYear(periodsPerYear);
        }
        if (!(riskFreeRate >= -0.5 && riskFreeRate <= 1.0)) { // also rejects NaN
            throw MetricsErrors.riskFreeRate(riskFreeRate);
        }
    }

    /** 365 periods a year, risk-free rate 0: the default for crypto datasets. */
    public static MetricsConfig crypto() {
        return new MetricsConfig(365, 0.0);
    }

    /** 252 periods a year, risk-free rate 0: the default for equity datasets. */
    public static MetricsConfig equities() {
        return new MetricsConfig(252, 0.0);
    }

    /**
     * The daily rate that compounds to {@link #riskFreeRate()} over {@link #periodsPerYear()}
     * periods: {@code rf_d = (1 + rf)^(1/P) - 1}, computed as {@code expm1(log1p(rf) / P)} so
     * that small rates keep their precision. 0 when {@code rf} is 0.
     */
    public double dailyRiskFreeRate() {
        return Math.expm1(Math.log1p(riskFreeRate) / periodsPerYear);
    }
}

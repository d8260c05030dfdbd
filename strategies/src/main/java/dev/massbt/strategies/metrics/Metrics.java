package dev.massbt.strategies.metrics;

/**
 * The performance of one strategy over one evaluated segment (in-sample, out-of-sample or a
 * fold). This Javadoc is the product's definition of each number.
 *
 * <h2>Inputs</h2>
 * Computed by {@link MetricsCalculator#compute} from:
 * <ul>
 *   <li>{@code E}: the equity at the end of the segment, the equity starting at 1.0;</li>
 *   <li>{@code Y}: the length of the segment in years;</li>
 *   <li>{@code r_1..r_n}: the simple daily returns of the mark-to-market equity, one per calendar
 *       day that had bars ({@code n} days);</li>
 *   <li>{@code t_1..t_m}: the net simple return of each closed trade, after costs ({@code m}
 *       trades);</li>
 *   <li>{@code P} = {@link MetricsConfig#periodsPerYear()}, {@code rf} =
 *       {@link MetricsConfig#riskFreeRate()} and the daily risk-free rate
 *       {@code rf_d = (1 + rf)^(1/P) - 1}.</li>
 * </ul>
 * Means, variances and sums are computed with compensated (Neumaier) summation.
 *
 * <h2>Always finite</h2>
 * No field is ever NaN or infinite: the constructor rejects them, and every edge case below
 * (no days, one day, zero variance, no trades, no losing trade, a total loss, a zero-length
 * segment) has a defined value. A value whose magnitude would exceed {@link #MAX_MAGNITUDE}
 * (possible only from degenerate inputs: a many-fold gain over a few days, a variance or a
 * drawdown at the limit of floating-point resolution) is reported as {@code ±MAX_MAGNITUDE};
 * this applies to {@code cagr}, {@code sharpe}, {@code sortino} and {@code calmar}.
 * A ratio that is undefined is reported as 0, never as infinity: a strategy should not rank
 * first because it has a zero denominator.
 *
 * @param totalReturn {@code E - 1}.
 * @param cagr compound annual growth rate {@code E^(1/Y) - 1}, computed as
 *     {@code expm1(log1p(E - 1) / Y)}. {@code -1} when {@code E == 0} (a total loss, whatever the
 *     length); otherwise 0 when {@code Y < 1/365} (a segment shorter than a day is too short to
 *     annualise). Capped at {@link #MAX_MAGNITUDE}.
 * @param sharpe annualised Sharpe ratio {@code (mean(r) - rf_d) / sd(r) * sqrt(P)}, where
 *     {@code mean(r) = sum(r_i) / n} and {@code sd} is the sample standard deviation
 *     {@code sqrt(sum((r_i - mean)^2) / (n - 1))}. 0 when {@code n < 2} (no spread can be
 *     estimated) or {@code sd == 0}, which is decided exactly: all returns equal.
 * @param sortino annualised Sortino ratio {@code (mean(r) - rf_d) / DD * sqrt(P)} with the
 *     downside deviation {@code DD = sqrt(sum(min(0, r_i - rf_d)^2) / n)} taken over ALL
 *     {@code n} days (days above the target count as zero shortfall), target {@code rf_d}.
 *     0 when {@code n < 2} or {@code DD == 0}: with no day below the target the ratio is
 *     undefined (a division by zero), and reporting infinity would rank a short lucky run above
 *     every real strategy.
 * @param maxDrawdown the largest peak-to-trough fall of the equity path as a fraction in
 *     {@code [0, 1]}, the peak including the starting equity 1.0 (see
 *     {@link MetricsCalculator#maxDrawdown}); passed in by the caller, which has the path.
 * @param calmar {@code cagr / maxDrawdown}; 0 when {@code maxDrawdown == 0} (undefined).
 *     Clamped to {@code ±MAX_MAGNITUDE}.
 * @param winRate {@code wins / m}, a win being a trade with {@code t_i > 0}; 0 when
 *     {@code m == 0}. Trades with a return of exactly 0 count in {@code m} but not as wins.
 * @param profitFactor {@code sum(t_i > 0) / |sum(t_i < 0)|}. 0 when there is no trade or no
 *     winning trade. When there are winning trades but no losing one, the ratio is undefined
 *     and is reported as {@link #PROFIT_FACTOR_NO_LOSS}; any larger value is capped at it, so
 *     that "never lost" and "almost never lost" rank together at the top.
 * @param avgTrade {@code sum(t_i) / m}, every trade including those returning exactly 0; 0 when
 *     {@code m == 0}.
 * @param avgWin mean of the trade returns {@code > 0}; 0 when there is none.
 * @param avgLoss mean of the trade returns {@code < 0}, so negative, or 0 when there is none.
 *     Trades returning exactly 0 are neither wins nor losses (for avgWin, avgLoss and
 *     profitFactor).
 * @param tradeCount {@code m}, closed trades, {@code >= 0}.
 * @param exposure fraction of the segment's bars spent in the market, {@code [0, 1]}; passed in
 *     by the caller.
 * @param var95 historical one-day Value at Risk at 95%, as a positive loss fraction: with the
 *     daily returns sorted ascending {@code r_(1) <= ... <= r_(n)} and
 *     {@code k = max(1, ceil(0.05 * n))}, {@code var95 = max(0, -r_(k))}. 0 when {@code n == 0}.
 *     (This is the R-1 / inverse-empirical-CDF quantile: {@code r_(k)} is the smallest return at
 *     or below which at least 5% of the days fall.)
 * @param cvar95 historical Conditional VaR (expected shortfall) at 95%:
 *     {@code max(0, -mean(r_(1), ..., r_(k)))}, the mean loss over the worst {@code k} days,
 *     same {@code k}; 0 when {@code n == 0}. Always {@code >= var95}.
 */
public record Metrics(double totalReturn, double cagr, double sharpe, double sortino,
                      double maxDrawdown, double calmar, double winRate, double profitFactor,
                      double avgTrade, double avgWin, double avgLoss, int tradeCount,
                      double exposure, double var95, double cvar95) {

    /**
     * The profit factor reported when there are winning trades and no losing trade (where the
     * ratio would divide by zero), and the cap on every other profit factor.
     */
    public static final double PROFIT_FACTOR_NO_LOSS = 1000.0;

    /**
     * The largest magnitude reported for {@code cagr}, {@code sharpe}, {@code sortino} and
     * {@code calmar}; larger values are clamped to {@code ±MAX_MAGNITUDE} so that no result is
     * infinite and results still sort in the right order.
     */
    public static final double MAX_MAGNITUDE = 1e9;

    /** Every metric zero: a strategy that never traded, over an empty range. */
    public static final Metrics EMPTY = new Metrics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public Metrics {
        requireFinite("totalReturn", totalReturn);
        requireFinite("cagr", cagr);
        requireFinite("sharpe", sharpe);
        requireFinite("sortino", sortino);
        requireFinite("maxDrawdown", maxDrawdown);
        requireFinite("calmar", calmar);
        requireFinite("winRate", winRate);
        requireFinite("profitFactor", profitFactor);
        requireFinite("avgTrade", avgTrade);
        requireFinite("avgWin", avgWin);
        requireFinite("avgLoss", avgLoss);
        requireFinite("exposure", exposure);
        requireFinite("var95", var95);
        requireFinite("cvar95", cvar95);
        if (tradeCount < 0) {
            throw MetricsErrors.negativeTradeCount(tradeCount);
        }
    }

    private static void requireFinite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw MetricsErrors.nonFiniteMetric(field, value);
        }
    }
}

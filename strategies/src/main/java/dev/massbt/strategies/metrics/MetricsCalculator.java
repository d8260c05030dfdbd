package dev.massbt.strategies.metrics;

import java.util.Objects;

/**
 * Computes {@link Metrics} from the primitive arrays the backtest kernel fills. The definition
 * of every number, and its value in every edge case, is in the Javadoc of {@link Metrics}; the
 * summary:
 * <pre>
 * totalReturn  = E - 1
 * cagr         = E^(1/Y) - 1          (-1 if E == 0; else 0 if Y &lt; 1/365)
 * sharpe       = (mean(r) - rf_d) / sd(r) * sqrt(P)     sd: sample (n-1); 0 if n &lt; 2 or sd == 0
 * sortino      = (mean(r) - rf_d) / DD * sqrt(P)        DD = sqrt(sum(min(0, r_i - rf_d)^2) / n);
 *                                                       0 if n &lt; 2 or DD == 0
 * calmar       = cagr / maxDrawdown                     0 if maxDrawdown == 0
 * winRate      = #(t &gt; 0) / m                          0 if m == 0
 * profitFactor = sum(t &gt; 0) / |sum(t &lt; 0)|              0 if no win; 1000 if wins but no loss; cap 1000
 * avgTrade     = mean(t);  avgWin = mean(t &gt; 0);  avgLoss = mean(t &lt; 0)   (0 when empty)
 * var95        = max(0, -r_(k)),  cvar95 = max(0, -mean(r_(1..k))),  k = max(1, ceil(n/20));  0 if n == 0
 * </pre>
 * with {@code rf_d = (1 + rf)^(1/P) - 1} ({@link MetricsConfig#dailyRiskFreeRate()}).
 *
 * <h2>Cost</h2>
 * One call reads the daily returns three times and the trade returns twice, takes
 * {@code O(n log k)} time and allocates only the returned {@link Metrics} (plus, the first time
 * a longer series is seen, a larger scratch buffer). VaR needs the {@code k} smallest daily
 * returns; rather than sorting a copy of all {@code n}, they are selected with a bounded
 * max-heap of size {@code k} kept in the scratch buffer. The caller's arrays are never
 * modified, and values beyond {@code days} / {@code trades} are never read, so the kernel may
 * reuse oversized buffers.
 *
 * <p>An instance holds that scratch buffer and is not thread-safe: give each task (thread) its
 * own and call {@link #calculate}. The static {@link #compute} uses a fresh instance per call
 * (convenient, allocates its scratch each time).
 */
public final class MetricsCalculator {

    /** Shortest segment, in years, whose growth is annualised: one day. */
    private static final double MIN_YEARS_TO_ANNUALISE = 1.0 / 365.0;

    private final CompensatedSum sum = new CompensatedSum();
    private final CompensatedSum sumSquares = new CompensatedSum();
    private final CompensatedSum sumShortfallSquares = new CompensatedSum();
    private final CompensatedSum tradeTotal = new CompensatedSum();
    private final CompensatedSum tradeGains = new CompensatedSum();
    private final CompensatedSum tradeLosses = new CompensatedSum();
    /** Counts of winning ({@code > 0}) and losing ({@code < 0}) trades, set by {@link #tradeSums}. */
    private int tradeWins;
    private int tradeLossCount;
    /** Max-heap of the k smallest daily returns seen so far, in {@code tail[0..k)}. */
    private double[] tail = new double[64];

    public MetricsCalculator() {
    }

    /**
     * The metrics of one segment, using a calculator private to the calling thread.
     *
     * @param finalEquity equity at the end of the segment, starting from 1.0; finite, {@code >= 0}
     * @param years length of the evaluated segment in years; finite, {@code >= 0}
     * @param dailyReturns simple daily returns of the mark-to-market equity in
     *     {@code [0, days)}, one per calendar day that had bars; each finite
     * @param days number of daily returns, {@code 0..dailyReturns.length}
     * @param tradeReturns net simple return of each closed trade (after costs) in
     *     {@code [0, trades)}; each finite
     * @param trades number of closed trades, {@code 0..tradeReturns.length}
     * @param maxDrawdown largest peak-to-trough fall of the equity path, in {@code [0, 1]}, as
     *     computed by {@link #maxDrawdown(double[], int)}
     * @param exposure fraction of bars in the market, in {@code [0, 1]}
     * @param config annualisation calendar and risk-free rate
     * @throws IllegalArgumentException naming the input (and the index for an array element) when
     *     an input is outside the ranges above
     * @throws NullPointerException naming the argument when an array or the config is null
     */
    public static Metrics compute(double finalEquity, double years, double[] dailyReturns, int days,
                                  double[] tradeReturns, int trades, double maxDrawdown,
                                  double exposure, MetricsConfig config) {
        return new MetricsCalculator().calculate(finalEquity, years, dailyReturns, days, tradeReturns,
                trades, maxDrawdown, exposure, config);
    }

    /** {@link #compute}, with this instance's scratch buffer. Same arguments, same result. */
    public Metrics calculate(double finalEquity, double years, double[] dailyReturns, int days,
                             double[] tradeReturns, int trades, double maxDrawdown,
                             double exposure, MetricsConfig config) {
        requireInRange("finalEquity", finalEquity, 0.0, Double.MAX_VALUE, ">= 0 and finite",
                "the equity at the end of the segment, starting from 1.0");
        requireInRange("years", years, 0.0, Double.MAX_VALUE, ">= 0 and finite",
                "the length of the segment in years");
        requireInRange("maxDrawdown", maxDrawdown, 0.0, 1.0, "in [0, 1]",
                "the largest peak-to-trough fall as a fraction of the peak");
        requireInRange("exposure", exposure, 0.0, 1.0, "in [0, 1]",
                "the fraction of bars in the market");
        Objects.requireNonNull(config, "config");
        requireFiniteElements("dailyReturns", dailyReturns, "days", days);
        requireFiniteElements("tradeReturns", tradeReturns, "trades", trades);

        double cagr = cagr(finalEquity, years);
        double calmar = maxDrawdown == 0.0 ? 0.0 : bounded(cagr / maxDrawdown);

        double sharpe = 0.0;
        double sortino = 0.0;
        double var95 = 0.0;
        double cvar95 = 0.0;
        if (days > 0) {
            double riskFreeDaily = config.dailyRiskFreeRate();
            double annualise = Math.sqrt(config.periodsPerYear());
            double mean = dailySpreadAndTail(dailyReturns, days, riskFreeDaily);
            if (days >= 2) {
                sharpe = sharpe(mean, days, riskFreeDaily, annualise);
                sortino = sortino(mean, days, riskFreeDaily, annualise);
            }
            int k = tailSize(days);
            var95 = Math.max(0.0, -tail[0]); // the heap's root is r_(k)
            cvar95 = Math.max(var95, -meanOfTail(k));
        }

        tradeSums(tradeReturns, trades);
        double winRate = trades == 0 ? 0.0 : (double) tradeWins / trades;
        double profitFactor = profitFactor(tradeGains.value(), tradeLosses.value());

        return new Metrics(finalEquity - 1.0, cagr, sharpe, sortino, maxDrawdown, calmar,
                winRate, profitFactor, mean(tradeTotal, trades), mean(tradeGains, tradeWins),
                mean(tradeLosses, tradeLossCount), trades, exposure, var95, cvar95);
    }

    /**
     * Largest peak-to-trough fall of {@code equity[0..n)} as a fraction of the peak, in
     * {@code [0, 1]}: {@code max over t of (peak_t - equity_t) / peak_t} with
     * {@code peak_t = max(1.0, equity_0..equity_t)} (the peak includes the starting equity
     * 1.0). 0 for {@code n == 0} or a path that never falls below its running peak; 1 for a
     * path that reaches 0.
     *
     * @throws IllegalArgumentException when {@code n} is outside {@code 0..equity.length} or an
     *     equity value is negative or not finite (naming its index)
     */
    public static double maxDrawdown(double[] equity, int n) {
        Objects.requireNonNull(equity, "equity");
        if (n < 0 || n > equity.length) {
            throw MetricsErrors.count("n", n, "equity", equity.length);
        }
        double peak = 1.0;
        double worst = 0.0;
        for (int i = 0; i < n; i++) {
            double e = equity[i];
            if (!(e >= 0.0 && e <= Double.MAX_VALUE)) { // negative, NaN or infinite
                throw MetricsErrors.equity(i, e);
            }
            if (e > peak) {
                peak = e;
            } else {
                double drawdown = (peak - e) / peak;
                if (drawdown > worst) {
                    worst = drawdown;
                }
            }
        }
        return worst;
    }

    // ---- annual growth ----------------------------------------------------------------------

    private static double cagr(double finalEquity, double years) {
        if (finalEquity == 0.0) {
            return -1.0;
        }
        if (years < MIN_YEARS_TO_ANNUALISE) {
            return 0.0;
        }
        // E^(1/Y) - 1 without losing the digits of a growth close to 0; +Infinity on overflow.
        return bounded(Math.expm1(Math.log1p(finalEquity - 1.0) / years));
    }

    // ---- daily returns ----------------------------------------------------------------------

    /**
     * Two passes over the daily returns. The first takes the mean (and whether all returns are
     * equal). The second accumulates, around that mean, the sum of deviations and of squared
     * deviations (for the variance), the squared shortfalls below the daily risk-free rate (for
     * the downside deviation), and selects the {@code k} smallest returns into {@link #tail}.
     *
     * @return the mean daily return; {@link #sumSquares} holds the corrected sum of squared
     *     deviations (0 exactly when all returns are equal), {@link #sumShortfallSquares} the
     *     sum of squared shortfalls
     */
    private double dailySpreadAndTail(double[] r, int n, double riskFreeDaily) {
        CompensatedSum total = sum.reset();
        double min = r[0];
        double max = r[0];
        for (int i = 0; i < n; i++) {
            double x = r[i];
            total.add(x);
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        boolean constant = min == max;
        // A constant series has its own value as mean, exactly: even the correctly rounded sum
        // divided by n can miss x in the last bit (0.1 * 3 = 0.30000000000000004, / 3 =
        // 0.10000000000000002), and the tiny deviations left would give a Sharpe of ~1e17.
        double mean = constant ? min : total.value() / n;

        int k = tailSize(n);
        ensureTailCapacity(k);
        double[] heap = tail;
        CompensatedSum deviations = sum.reset();
        CompensatedSum squares = sumSquares.reset();
        CompensatedSum shortfalls = sumShortfallSquares.reset();
        for (int i = 0; i < n; i++) {
            double x = r[i];
            double d = x - mean;
            deviations.add(d);
            squares.add(d * d);
            double shortfall = x - riskFreeDaily;
            if (shortfall < 0.0) {
                shortfalls.add(shortfall * shortfall);
            }
            if (i < k) {
                heapPush(heap, i, x);
            } else if (x < heap[0]) {
                heapReplaceRoot(heap, k, x);
            }
        }
        // The corrected two-pass algorithm (Chan, Golub & LeVeque 1983): subtracting
        // (sum of deviations)^2 / n removes the effect of the rounding error in the mean.
        // For a constant series every deviation, hence this sum, is exactly 0.
        double s = deviations.value();
        squares.add(-(s * s) / n);
        return mean;
    }

    private double sharpe(double mean, int n, double riskFreeDaily, double annualise) {
        double variance = sumSquares.value() / (n - 1);
        if (!(variance > 0.0)) { // zero variance: the ratio is undefined
            return 0.0;
        }
        return bounded((mean - riskFreeDaily) / Math.sqrt(variance) * annualise);
    }

    private double sortino(double mean, int n, double riskFreeDaily, double annualise) {
        double downsideDeviation = Math.sqrt(sumShortfallSquares.value() / n);
        if (downsideDeviation == 0.0) { // no day below the target: the ratio is undefined
            return 0.0;
        }
        return bounded((mean - riskFreeDaily) / downsideDeviation * annualise);
    }

    /** {@code k = max(1, ceil(0.05 * n))}, in integers so that no rounding can shift it. */
    private static int tailSize(int n) {
        return (int) Math.max(1L, (n + 19L) / 20L);
    }

    private double meanOfTail(int k) {
        CompensatedSum total = sum.reset();
        for (int i = 0; i < k; i++) {
            total.add(tail[i]);
        }
        return total.value() / k;
    }

    private void ensureTailCapacity(int k) {
        if (tail.length < k) {
            tail = new double[Math.max(k, 2 * tail.length)];
        }
    }

    /** Adds {@code x} to the max-heap {@code heap[0..size)}, making it {@code heap[0..size]}. */
    private static void heapPush(double[] heap, int size, double x) {
        int child = size;
        while (child > 0) {
            int parent = (child - 1) >>> 1;
            if (heap[parent] >= x) {
                break;
            }
            heap[child] = heap[parent];
            child = parent;
        }
        heap[child] = x;
    }

    /** Replaces the largest element of the max-heap {@code heap[0..size)} with a smaller {@code x}. */
    private static void heapReplaceRoot(double[] heap, int size, double x) {
        int parent = 0;
        while (true) {
            int child = 2 * parent + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && heap[child + 1] > heap[child]) {
                child++;
            }
            if (heap[child] <= x) {
                break;
            }
            heap[parent] = heap[child];
            parent = child;
        }
        heap[parent] = x;
    }

    // ---- trades -----------------------------------------------------------------------------

    /** One pass over the trades: total, wins and losses (returns of exactly 0 are neither). */
    private void tradeSums(double[] t, int m) {
        CompensatedSum total = tradeTotal.reset();
        CompensatedSum gains = tradeGains.reset();
        CompensatedSum losses = tradeLosses.reset();
        int w = 0;
        int l = 0;
        for (int i = 0; i < m; i++) {
            double x = t[i];
            total.add(x);
            if (x > 0.0) {
                w++;
                gains.add(x);
            } else if (x < 0.0) {
                l++;
                losses.add(x);
            }
        }
        tradeWins = w;
        tradeLossCount = l;
    }

    private static double mean(CompensatedSum total, int count) {
        return count == 0 ? 0.0 : total.value() / count;
    }

    private static double profitFactor(double gains, double losses) {
        if (gains == 0.0) { // no trade, or no winning trade
            return 0.0;
        }
        if (losses == 0.0) { // wins but no loss: undefined, reported as the cap
            return Metrics.PROFIT_FACTOR_NO_LOSS;
        }
        return Math.min(gains / -losses, Metrics.PROFIT_FACTOR_NO_LOSS);
    }

    // ---- checks -----------------------------------------------------------------------------

    /** Clamps a finite-or-infinite result to {@code ±Metrics.MAX_MAGNITUDE}. */
    private static double bounded(double x) {
        return Math.max(-Metrics.MAX_MAGNITUDE, Math.min(Metrics.MAX_MAGNITUDE, x));
    }

    private static void requireInRange(String name, double value, double min, double max,
                                       String range, String meaning) {
        if (!(value >= min && value <= max)) { // also rejects NaN
            throw MetricsErrors.outOfRange(name, value, range, meaning);
        }
    }

    private static void requireFiniteElements(String arrayName, double[] values, String countName,
                                              int count) {
        Objects.requireNonNull(values, arrayName);
        if (count < 0 || count > values.length) {
            throw MetricsErrors.count(countName, count, arrayName, values.length);
        }
        for (int i = 0; i < count; i++) {
            if (!Double.isFinite(values[i])) {
                throw MetricsErrors.nonFiniteElement(arrayName, i, values[i]);
            }
        }
    }
}

package dev.massbt.strategies.indicator;

/**
 * Indicator arithmetic over primitive columns.
 *
 * <p>Contract shared by every method:
 * <ul>
 *   <li>Inputs are the first {@code n} values of each input array; outputs are caller-owned
 *       arrays of length >= {@code n} of which exactly {@code [0, n)} is written.</li>
 *   <li>Warm-up values are NaN; the first finite index of every output is
 *       {@link IndicatorType#lookback}. A series shorter than that is all NaN.</li>
 *   <li>The value at index {@code i} depends on inputs at indices {@code <= i} only.</li>
 *   <li>No allocation per bar (a method allocates at most a couple of small helpers per
 *       call), no boxing, no exceptions inside the loops. Arguments are checked on entry and
 *       a bad one raises {@link IllegalArgumentException} naming it. An output may not be the
 *       same array as an input or another output, since inputs are read after outputs are
 *       written; inputs may share arrays with each other.</li>
 *   <li>Rolling window sums are re-anchored (recomputed from the window) every
 *       {@code period} bars, see {@link RollingSum}, so they do not drift over millions of
 *       bars; the cumulative OBV uses compensated summation.</li>
 *   <li>Inputs are expected finite, prices positive and volumes non-negative (the dataset
 *       layer rejects other bars); values computed from other inputs are unspecified.</li>
 * </ul>
 * Indicators that share a definition share arithmetic: {@link #smaCross} and
 * {@link #bollinger}'s middle band are bit-identical to {@link #sma}, {@link #emaCross} and
 * the MACD line to {@link #ema}, so a rule on {@code sma_cross} and one comparing the two
 * SMAs never disagree.
 */
public final class Indicators {

    private static final double NaN = Double.NaN;

    private Indicators() {
    }

    /**
     * Computes {@code type} with {@code p} (in {@link IndicatorType#params()} order) over the
     * first {@code n} bars into {@code out}, one array per output in
     * {@link IndicatorType#outputs()} order. The one dispatch from the registry to the
     * arithmetic below.
     */
    public static void compute(IndicatorType type, double[] p, double[] high, double[] low, double[] close,
                               double[] volume, int n, double[][] out) {
        switch (type) {
            case SMA -> sma(close, n, (int) p[0], out[0]);
            case EMA -> ema(close, n, (int) p[0], out[0]);
            case WMA -> wma(close, n, (int) p[0], out[0]);
            case RSI -> rsi(close, n, (int) p[0], out[0]);
            case MACD -> macd(close, n, (int) p[0], (int) p[1], (int) p[2], out[0], out[1], out[2]);
            case BOLLINGER -> bollinger(close, n, (int) p[0], p[1], out[0], out[1], out[2], out[3]);
            case ATR -> atr(high, low, close, n, (int) p[0], out[0]);
            case STOCHASTIC -> stochastic(high, low, close, n, (int) p[0], (int) p[1], out[0], out[1]);
            case ROC -> roc(close, n, (int) p[0], out[0]);
            case DONCHIAN -> donchian(high, low, n, (int) p[0], out[0], out[1]);
            case CCI -> cci(high, low, close, n, (int) p[0], out[0]);
            case ADX -> adx(high, low, close, n, (int) p[0], out[0], out[1], out[2]);
            case OBV -> obv(close, volume, n, out[0]);
            case VWAP -> vwap(high, low, close, volume, n, (int) p[0], out[0]);
            case SMA_CROSS -> smaCross(close, n, (int) p[0], (int) p[1], out[0]);
            case EMA_CROSS -> emaCross(close, n, (int) p[0], (int) p[1], out[0]);
        }
    }

    // ---------------------------------------------------------------- moving averages

    /**
     * Simple moving average: the mean of the last {@code period} values,
     * {@code out[i] = (in[i-period+1] + ... + in[i]) / period}. NaN for {@code i < period - 1}.
     */
    public static void sma(double[] in, int n, int period, double[] out) {
        checkInput("in", in, n);
        checkPeriod("period", period);
        checkOutput("out", out, n);
        checkDistinct("out", out, in);
        RollingSum sum = new RollingSum(in, 0, period);
        for (int i = 0; i < n; i++) {
            double s = sum.advance(i);
            out[i] = i >= period - 1 ? s / period : NaN;
        }
    }

    /**
     * Exponential moving average with {@code alpha = 2 / (period + 1)}, TA-Lib convention:
     * the first value, at {@code i = period - 1}, is the SMA of the first {@code period}
     * values; after that {@code ema[i] = ema[i-1] + alpha * (in[i] - ema[i-1])}. NaN before.
     */
    public static void ema(double[] in, int n, int period, double[] out) {
        checkInput("in", in, n);
        checkPeriod("period", period);
        checkOutput("out", out, n);
        checkDistinct("out", out, in);
        emaFrom(in, 0, n, period, out);
    }

    /**
     * Linearly weighted moving average with weights {@code 1..period}, the newest value
     * heaviest: {@code out[i] = sum_{j=0}^{period-1} (period - j) * in[i-j] / (period * (period + 1) / 2)}.
     * NaN for {@code i < period - 1}. Computed in O(1) per bar from a rolling weighted sum
     * and a rolling plain sum, both re-anchored every {@code period} bars.
     */
    public static void wma(double[] in, int n, int period, double[] out) {
        checkInput("in", in, n);
        checkPeriod("period", period);
        checkOutput("out", out, n);
        checkDistinct("out", out, in);
        fillNaN(out, 0, Math.min(n, period - 1));
        if (n < period) {
            return;
        }
        double denominator = period * (period + 1.0) / 2;
        double weighted = weightedSum(in, period - 1, period);
        double plain = RollingSum.sum(in, 0, period);
        out[period - 1] = weighted / denominator;
        int sinceAnchor = 0;
        for (int i = period; i < n; i++) {
            if (++sinceAnchor == period) {
                sinceAnchor = 0;
                weighted = weightedSum(in, i, period);
                plain = RollingSum.sum(in, i - period + 1, i + 1);
            } else {
                // Every old value loses one unit of weight (the previous plain sum);
                // the new one enters at full weight.
                weighted += period * in[i] - plain;
                plain += in[i] - in[i - period];
            }
            out[i] = weighted / denominator;
        }
    }

    // ---------------------------------------------------------------- oscillators

    /**
     * Relative Strength Index, Wilder's smoothing. With changes {@code d_i = c_i - c_{i-1}},
     * gains {@code max(d, 0)} and losses {@code max(-d, 0)}: at {@code i = period} the average
     * gain and loss are the simple means over {@code d_1..d_period}; after that
     * {@code avg = (avg_prev * (period - 1) + x) / period}.
     * {@code RSI = 100 - 100 / (1 + avgGain / avgLoss)}; 100 when {@code avgLoss == 0}, and 50
     * when both averages are 0 (a flat market). NaN for {@code i < period}.
     */
    public static void rsi(double[] close, int n, int period, double[] out) {
        checkInput("close", close, n);
        checkPeriod("period", period);
        checkOutput("out", out, n);
        checkDistinct("out", out, close);
        fillNaN(out, 0, Math.min(n, period));
        if (n <= period) {
            return;
        }
        double gain = 0;
        double loss = 0;
        for (int j = 1; j <= period; j++) {
            double d = close[j] - close[j - 1];
            if (d > 0) {
                gain += d;
            } else {
                loss -= d;
            }
        }
        double avgGain = gain / period;
        double avgLoss = loss / period;
        out[period] = rsiValue(avgGain, avgLoss);
        for (int i = period + 1; i < n; i++) {
            double d = close[i] - close[i - 1];
            avgGain = (avgGain * (period - 1) + (d > 0 ? d : 0)) / period;
            avgLoss = (avgLoss * (period - 1) + (d < 0 ? -d : 0)) / period;
            out[i] = rsiValue(avgGain, avgLoss);
        }
    }

    private static double rsiValue(double avgGain, double avgLoss) {
        if (avgLoss == 0) {
            return avgGain == 0 ? 50 : 100;
        }
        return 100 - 100 / (1 + avgGain / avgLoss);
    }

    /**
     * MACD. {@code line = EMA(close, fast) - EMA(close, slow)} (both {@link #ema}), valid from
     * {@code slow - 1}; {@code signal = EMA(line, signal)} seeded with the SMA of the first
     * {@code signal} valid line values, valid from {@code slow + signal - 2};
     * {@code histogram = line - signal}, valid from there too. {@code fast} must be less than
     * {@code slow}. {@code signalOut} and {@code histogram} serve as scratch space while the
     * two EMAs are computed.
     */
    public static void macd(double[] close, int n, int fast, int slow, int signal,
                            double[] line, double[] signalOut, double[] histogram) {
        checkInput("close", close, n);
        checkPeriod("fast", fast);
        checkPeriod("slow", slow);
        checkPeriod("signal", signal);
        checkFastSlow(fast, slow);
        checkOutput("line", line, n);
        checkOutput("signalOut", signalOut, n);
        checkOutput("histogram", histogram, n);
        checkDistinct("line", line, close, signalOut, histogram);
        checkDistinct("signalOut", signalOut, close, histogram);
        checkDistinct("histogram", histogram, close);
        emaFrom(close, 0, n, fast, histogram);
        emaFrom(close, 0, n, slow, signalOut);
        for (int i = 0; i < n; i++) {
            line[i] = histogram[i] - signalOut[i];    // NaN until the slow EMA starts
        }
        emaFrom(line, slow - 1, n, signal, signalOut);
        for (int i = 0; i < n; i++) {
            histogram[i] = line[i] - signalOut[i];
        }
    }

    /**
     * Bollinger Bands. {@code middle = SMA(close, period)} (bit-identical to {@link #sma});
     * {@code sd} = POPULATION standard deviation of the window (divides by {@code period});
     * {@code upper/lower = middle ± k * sd};
     * {@code percentB = (close - lower) / (upper - lower)}, 0.5 when {@code upper == lower}.
     * A window whose values are all equal has {@code sd = 0} exactly (checked directly, not
     * left to rounding). NaN for {@code i < period - 1}.
     *
     * <p>The sum of squared deviations is updated in O(1) per bar with the Welford-style
     * sliding update {@code M2 += (x_new - x_old) * (x_new - mean_new + x_old - mean_old)},
     * which never subtracts two large sums of squares, and is recomputed exactly (two passes)
     * every {@code period} bars.
     */
    public static void bollinger(double[] close, int n, int period, double k,
                                 double[] middle, double[] upper, double[] lower, double[] percentB) {
        checkInput("close", close, n);
        checkPeriod("period", period);
        if (!(k >= 0) || k == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("k must be a finite number >= 0 but was " + k);
        }
        checkOutput("middle", middle, n);
        checkOutput("upper", upper, n);
        checkOutput("lower", lower, n);
        checkOutput("percentB", percentB, n);
        checkDistinct("middle", middle, close, upper, lower, percentB);
        checkDistinct("upper", upper, close, lower, percentB);
        checkDistinct("lower", lower, close, percentB);
        checkDistinct("percentB", percentB, close);
        RollingSum sum = new RollingSum(close, 0, period);
        double mean = NaN;
        double m2 = 0;
        int sinceAnchor = 0;
        int equalRun = 0;  // length of the run of equal closes ending at i
        for (int i = 0; i < n; i++) {
            double x = close[i];
            equalRun = i > 0 && x == close[i - 1] ? equalRun + 1 : 1;
            double newMean = sum.advance(i) / period;
            if (i < period - 1) {
                middle[i] = NaN;
                upper[i] = NaN;
                lower[i] = NaN;
                percentB[i] = NaN;
                continue;
            }
            if (i == period - 1 || ++sinceAnchor == period) {
                sinceAnchor = 0;
                m2 = squaredDeviations(close, i - period + 1, i + 1, newMean);
            } else {
                double old = close[i - period];
                m2 += (x - old) * (x - newMean + old - mean);
            }
            mean = newMean;
            double sd = equalRun >= period || m2 <= 0 ? 0 : Math.sqrt(m2 / period);
            double up = mean + k * sd;
            double lo = mean - k * sd;
            middle[i] = mean;
            upper[i] = up;
            lower[i] = lo;
            percentB[i] = up == lo ? 0.5 : (x - lo) / (up - lo);
        }
    }

    /**
     * Average True Range, Wilder's smoothing. {@code TR_0 = h_0 - l_0};
     * {@code TR_i = max(h_i - l_i, |h_i - c_{i-1}|, |l_i - c_{i-1}|)}. At {@code i = period - 1}
     * ATR is the mean of {@code TR_0..TR_{period-1}}; after that
     * {@code ATR_i = (ATR_{i-1} * (period - 1) + TR_i) / period}. NaN for {@code i < period - 1}.
     */
    public static void atr(double[] high, double[] low, double[] close, int n, int period, double[] out) {
        checkInput("high", high, n);
        checkInput("low", low, n);
        checkInput("close", close, n);
        checkPeriod("period", period);
        checkOutput("out", out, n);
        checkDistinct("out", out, high, low, close);
        fillNaN(out, 0, Math.min(n, period - 1));
        if (n < period) {
            return;
        }
        double sum = 0;
        for (int j = 0; j < period; j++) {
            sum += trueRange(high, low, close, j);
        }
        double atr = sum / period;
        out[period - 1] = atr;
        for (int i = period; i < n; i++) {
            atr = (atr * (period - 1) + trueRange(high, low, close, i)) / period;
            out[i] = atr;
        }
    }

    /**
     * Stochastic oscillator. {@code %K = 100 * (c - LL) / (HH - LL)} where {@code HH}/{@code LL}
     * are the highest high and lowest low of the last {@code kPeriod} bars including the
     * current one; 50 when {@code HH == LL}. Valid from {@code kPeriod - 1}.
     * {@code %D = SMA(%K, dPeriod)}, valid from {@code kPeriod + dPeriod - 2}
     * ({@code dPeriod = 1} makes %D equal to %K). Window extremes come from monotonic deques,
     * O(n) whatever the period.
     */
    public static void stochastic(double[] high, double[] low, double[] close, int n, int kPeriod, int dPeriod,
                                  double[] k, double[] d) {
        checkInput("high", high, n);
        checkInput("low", low, n);
        checkInput("close", close, n);
        checkPeriod("kPeriod", kPeriod);
        checkPeriod("dPeriod", dPeriod);
        checkOutput("k", k, n);
        checkOutput("d", d, n);
        checkDistinct("k", k, high, low, close, d);
        checkDistinct("d", d, high, low, close);
        MonotonicDeque highest = MonotonicDeque.forMax(kPeriod);
        MonotonicDeque lowest = MonotonicDeque.forMin(kPeriod);
        RollingSum kSum = new RollingSum(k, kPeriod - 1, dPeriod);
        for (int i = 0; i < n; i++) {
            highest.dropBefore(i - kPeriod + 1);
            lowest.dropBefore(i - kPeriod + 1);
            highest.push(high, i);
            lowest.push(low, i);
            if (i < kPeriod - 1) {
                k[i] = NaN;
                d[i] = NaN;
                continue;
            }
            double hh = high[highest.front()];
            double ll = low[lowest.front()];
            k[i] = hh == ll ? 50 : 100 * (close[i] - ll) / (hh - ll);
            double s = kSum.advance(i);
            d[i] = i >= kPeriod + dPeriod - 2 ? s / dPeriod : NaN;
        }
    }

    /**
     * Rate of change in percent: {@code 100 * (c_i - c_{i-period}) / c_{i-period}}. NaN for
     * {@code i < period}; a zero reference price gives an infinite (or NaN) value.
     */
    public static void roc(double[] in, int n, int period, double[] out) {
        checkInput("in", in, n);
        checkPeriod("period", period);
        checkOutput("out", out, n);
        checkDistinct("out", out, in);
        fillNaN(out, 0, Math.min(n, period));
        for (int i = period; i < n; i++) {
            double base = in[i - period];
            out[i] = 100 * (in[i] - base) / base;
        }
    }

    /**
     * Donchian channel of the {@code period} bars BEFORE bar {@code i}: {@code upper} is the
     * highest high and {@code lower} the lowest low of bars {@code i - period .. i - 1}. The
     * current bar is excluded on purpose (Turtle-style channel), so "close crosses above
     * upper" is a breakout rather than impossible. First value at {@code i = period}.
     * Window extremes come from monotonic deques, O(n) whatever the period.
     */
    public static void donchian(double[] high, double[] low, int n, int period, double[] upper, double[] lower) {
        checkInput("high", high, n);
        checkInput("low", low, n);
        checkPeriod("period", period);
        checkOutput("upper", upper, n);
        checkOutput("lower", lower, n);
        checkDistinct("upper", upper, high, low, lower);
        checkDistinct("lower", lower, high, low);
        MonotonicDeque highest = MonotonicDeque.forMax(period + 1);
        MonotonicDeque lowest = MonotonicDeque.forMin(period + 1);
        for (int i = 0; i < n; i++) {
            if (i >= period) {
                highest.dropBefore(i - period);
                lowest.dropBefore(i - period);
                upper[i] = high[highest.front()];
                lower[i] = low[lowest.front()];
            } else {
                upper[i] = NaN;
                lower[i] = NaN;
            }
            highest.push(high, i);
            lowest.push(low, i);
        }
    }

    /**
     * Commodity Channel Index. With the typical price {@code tp = (h + l + c) / 3},
     * {@code sma} its mean over the window and {@code md} the mean absolute deviation of the
     * window's {@code tp} around {@code sma}: {@code cci = (tp - sma) / (0.015 * md)}, and 0
     * when {@code md == 0} (a window of equal typical prices is detected exactly, not left to
     * rounding). NaN for {@code i < period - 1}.
     *
     * <p>The ratio does not change when every typical price is scaled by 3, so the arithmetic
     * runs on {@code h + l + c} and saves a division per value. The mean deviation has no
     * sliding form: it costs O(period) per bar, summed with four independent accumulators so
     * the loop is not bound by the latency of one long chain of additions.
     */
    public static void cci(double[] high, double[] low, double[] close, int n, int period, double[] out) {
        checkInput("high", high, n);
        checkInput("low", low, n);
        checkInput("close", close, n);
        checkPeriod("period", period);
        checkOutput("out", out, n);
        checkDistinct("out", out, high, low, close);
        double sum = 0;                 // of h + l + c over the window
        int sinceAnchor = 0;
        int equalRun = 0;
        double previous = NaN;
        for (int i = 0; i < n; i++) {
            double hlc = high[i] + low[i] + close[i];
            equalRun = hlc == previous ? equalRun + 1 : 1;
            previous = hlc;
            if (i < period) {
                sum += hlc;
            } else if (++sinceAnchor == period) {
                sinceAnchor = 0;
                sum = hlcSum(high, low, close, i - period + 1, i + 1);
            } else {
                sum += hlc - (high[i - period] + low[i - period] + close[i - period]);
            }
            if (i < period - 1) {
                out[i] = NaN;
                continue;
            }
            double mean = sum / period;
            double deviations = equalRun >= period ? 0 : hlcAbsDeviations(high, low, close, i - period + 1, i + 1, mean);
            out[i] = deviations == 0 ? 0 : (hlc - mean) / (0.015 * deviations / period);
        }
    }

    /**
     * Average Directional Index with +DI and -DI, Wilder's definitions. For {@code i >= 1}:
     * {@code up = h_i - h_{i-1}}, {@code down = l_{i-1} - l_i};
     * {@code +DM = up} if {@code up > down} and {@code up > 0}, else 0;
     * {@code -DM = down} if {@code down > up} and {@code down > 0}, else 0; {@code TR} as in
     * {@link #atr}. TR, +DM and -DM are smoothed the Wilder way: the first value, at
     * {@code i = period}, is the sum over indices {@code 1..period}; after that
     * {@code s = s - s / period + x}. {@code +DI = 100 * s(+DM) / s(TR)}, {@code -DI} likewise
     * (both 0 when {@code s(TR) == 0}), valid from {@code i = period}.
     * {@code DX = 100 * |+DI - -DI| / (+DI + -DI)}, 0 when the sum is 0. ADX at
     * {@code i = 2 * period - 1} is the mean of the first {@code period} DX values
     * ({@code DX_period..DX_{2*period-1}}), then {@code ADX_i = (ADX_{i-1} * (period - 1) + DX_i) / period}.
     */
    public static void adx(double[] high, double[] low, double[] close, int n, int period,
                           double[] adx, double[] plusDi, double[] minusDi) {
        checkInput("high", high, n);
        checkInput("low", low, n);
        checkInput("close", close, n);
        checkPeriod("period", period);
        checkOutput("adx", adx, n);
        checkOutput("plusDi", plusDi, n);
        checkOutput("minusDi", minusDi, n);
        checkDistinct("adx", adx, high, low, close, plusDi, minusDi);
        checkDistinct("plusDi", plusDi, high, low, close, minusDi);
        checkDistinct("minusDi", minusDi, high, low, close);
        double smoothedTr = 0;
        double smoothedPlus = 0;
        double smoothedMinus = 0;
        double dxSum = 0;
        double adxValue = NaN;
        for (int i = 0; i < n; i++) {
            adx[i] = NaN;
            plusDi[i] = NaN;
            minusDi[i] = NaN;
            if (i == 0) {
                continue;
            }
            double up = high[i] - high[i - 1];
            double down = low[i - 1] - low[i];
            double plusDm = up > down && up > 0 ? up : 0;
            double minusDm = down > up && down > 0 ? down : 0;
            double tr = trueRange(high, low, close, i);
            if (i <= period) {
                smoothedTr += tr;
                smoothedPlus += plusDm;
                smoothedMinus += minusDm;
                if (i < period) {
                    continue;
                }
            } else {
                smoothedTr = smoothedTr - smoothedTr / period + tr;
                smoothedPlus = smoothedPlus - smoothedPlus / period + plusDm;
                smoothedMinus = smoothedMinus - smoothedMinus / period + minusDm;
            }
            double pdi = smoothedTr == 0 ? 0 : 100 * smoothedPlus / smoothedTr;
            double mdi = smoothedTr == 0 ? 0 : 100 * smoothedMinus / smoothedTr;
            plusDi[i] = pdi;
            minusDi[i] = mdi;
            double diSum = pdi + mdi;
            double dx = diSum == 0 ? 0 : 100 * Math.abs(pdi - mdi) / diSum;
            if (i < 2 * period - 1) {
                dxSum += dx;
            } else {
                adxValue = i == 2 * period - 1
                        ? (dxSum + dx) / period
                        : (adxValue * (period - 1) + dx) / period;
                adx[i] = adxValue;
            }
        }
    }

    // ---------------------------------------------------------------- volume

    /**
     * On-Balance Volume: {@code obv_0 = 0}; {@code obv_i = obv_{i-1} + v_i} if the close rose,
     * {@code - v_i} if it fell, unchanged otherwise. Valid from index 0. A running total over
     * the whole series, so it is summed with Neumaier's compensated summation.
     */
    public static void obv(double[] close, double[] volume, int n, double[] out) {
        checkInput("close", close, n);
        checkInput("volume", volume, n);
        checkOutput("out", out, n);
        checkDistinct("out", out, close, volume);
        if (n == 0) {
            return;
        }
        out[0] = 0;
        double sum = 0;
        double compensation = 0;
        for (int i = 1; i < n; i++) {
            double c = close[i];
            double prev = close[i - 1];
            double x = c > prev ? volume[i] : c < prev ? -volume[i] : 0;
            double t = sum + x;
            compensation += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
            sum = t;
            out[i] = sum + compensation;
        }
    }

    /**
     * Rolling volume-weighted average price over the last {@code period} bars:
     * {@code sum(tp * v) / sum(v)} with the typical price {@code tp = (h + l + c) / 3}. When
     * every volume in the window is 0 (FX data has no volume) it is the plain mean of
     * {@code tp} over the window. NaN for {@code i < period - 1}. The sums are re-anchored
     * every {@code period} bars; the zero-volume case is decided by an exact count of bars
     * with volume, not by comparing a rounded sum with 0.
     */
    public static void vwap(double[] high, double[] low, double[] close, double[] volume, int n, int period,
                            double[] out) {
        checkInput("high", high, n);
        checkInput("low", low, n);
        checkInput("close", close, n);
        checkInput("volume", volume, n);
        checkPeriod("period", period);
        checkOutput("out", out, n);
        checkDistinct("out", out, high, low, close, volume);
        double sumPv = 0;
        double sumV = 0;
        double sumTp = 0;
        int withVolume = 0;
        int sinceAnchor = 0;
        for (int i = 0; i < n; i++) {
            double tp = typicalPrice(high, low, close, i);
            double v = volume[i];
            if (v != 0) {
                withVolume++;
            }
            if (i < period) {
                sumPv += tp * v;
                sumV += v;
                sumTp += tp;
            } else {
                int old = i - period;
                if (volume[old] != 0) {
                    withVolume--;
                }
                if (++sinceAnchor == period) {
                    sinceAnchor = 0;
                    sumPv = 0;
                    sumV = 0;
                    sumTp = 0;
                    for (int j = old + 1; j <= i; j++) {
                        double tpj = typicalPrice(high, low, close, j);
                        sumPv += tpj * volume[j];
                        sumV += volume[j];
                        sumTp += tpj;
                    }
                } else {
                    double oldTp = typicalPrice(high, low, close, old);
                    sumPv += tp * v - oldTp * volume[old];
                    sumV += v - volume[old];
                    sumTp += tp - oldTp;
                }
            }
            if (i < period - 1) {
                out[i] = NaN;
            } else {
                out[i] = withVolume == 0 ? sumTp / period : sumPv / sumV;
            }
        }
    }

    // ---------------------------------------------------------------- crossovers

    /**
     * Percent gap of a fast over a slow SMA: {@code 100 * (SMA(fast) / SMA(slow) - 1)}, both
     * bit-identical to {@link #sma}; it crosses 0 exactly when the averages cross.
     * {@code fast} must be less than {@code slow}. NaN for {@code i < slow - 1}.
     */
    public static void smaCross(double[] close, int n, int fast, int slow, double[] out) {
        checkInput("close", close, n);
        checkPeriod("fast", fast);
        checkPeriod("slow", slow);
        checkFastSlow(fast, slow);
        checkOutput("out", out, n);
        checkDistinct("out", out, close);
        RollingSum fastSum = new RollingSum(close, 0, fast);
        RollingSum slowSum = new RollingSum(close, 0, slow);
        for (int i = 0; i < n; i++) {
            double fastMean = fastSum.advance(i) / fast;
            double slowMean = slowSum.advance(i) / slow;
            out[i] = i >= slow - 1 ? 100 * (fastMean / slowMean - 1) : NaN;
        }
    }

    /**
     * Percent gap of a fast over a slow EMA: {@code 100 * (EMA(fast) / EMA(slow) - 1)}, both
     * bit-identical to {@link #ema} (SMA-seeded). {@code fast} must be less than {@code slow}.
     * NaN for {@code i < slow - 1}.
     */
    public static void emaCross(double[] close, int n, int fast, int slow, double[] out) {
        checkInput("close", close, n);
        checkPeriod("fast", fast);
        checkPeriod("slow", slow);
        checkFastSlow(fast, slow);
        checkOutput("out", out, n);
        checkDistinct("out", out, close);
        double fastAlpha = 2.0 / (fast + 1);
        double slowAlpha = 2.0 / (slow + 1);
        double fastEma = NaN;
        double slowEma = NaN;
        for (int i = 0; i < n; i++) {
            if (i == fast - 1) {
                fastEma = RollingSum.sum(close, 0, fast) / fast;
            } else if (i >= fast) {
                fastEma = emaStep(fastEma, close[i], fastAlpha);
            }
            if (i == slow - 1) {
                slowEma = RollingSum.sum(close, 0, slow) / slow;
            } else if (i >= slow) {
                slowEma = emaStep(slowEma, close[i], slowAlpha);
            }
            out[i] = i >= slow - 1 ? 100 * (fastEma / slowEma - 1) : NaN;
        }
    }

    // ---------------------------------------------------------------- shared arithmetic

    /**
     * EMA of the series that starts at {@code start} (earlier values are ignored): SMA seed
     * at {@code start + period - 1}, NaN before.
     */
    private static void emaFrom(double[] in, int start, int n, int period, double[] out) {
        int seedAt = start + period - 1;
        fillNaN(out, 0, Math.min(n, seedAt));
        if (seedAt >= n) {
            return;
        }
        double ema = RollingSum.sum(in, start, seedAt + 1) / period;
        out[seedAt] = ema;
        double alpha = 2.0 / (period + 1);
        for (int i = seedAt + 1; i < n; i++) {
            ema = emaStep(ema, in[i], alpha);
            out[i] = ema;
        }
    }

    private static double emaStep(double previous, double x, double alpha) {
        return previous + alpha * (x - previous);
    }

    /** {@code sum_{j=0}^{period-1} (period - j) * in[last - j]}. */
    private static double weightedSum(double[] in, int last, int period) {
        double s = 0;
        for (int w = 1; w <= period; w++) {
            s += w * in[last - period + w];
        }
        return s;
    }

    private static double squaredDeviations(double[] x, int from, int to, double mean) {
        double s = 0;
        for (int j = from; j < to; j++) {
            double dev = x[j] - mean;
            s += dev * dev;
        }
        return s;
    }

    private static double trueRange(double[] high, double[] low, double[] close, int i) {
        double range = high[i] - low[i];
        if (i == 0) {
            return range;
        }
        double prevClose = close[i - 1];
        return Math.max(range, Math.max(Math.abs(high[i] - prevClose), Math.abs(low[i] - prevClose)));
    }

    private static double typicalPrice(double[] high, double[] low, double[] close, int i) {
        return (high[i] + low[i] + close[i]) / 3;
    }

    private static double hlcSum(double[] high, double[] low, double[] close, int from, int to) {
        double s = 0;
        for (int j = from; j < to; j++) {
            s += high[j] + low[j] + close[j];
        }
        return s;
    }

    /** {@code sum |h + l + c - center|} over {@code [from, to)}. */
    private static double hlcAbsDeviations(double[] high, double[] low, double[] close, int from, int to,
                                           double center) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = from;
        for (; j + 3 < to; j += 4) {
            s0 += Math.abs(high[j] + low[j] + close[j] - center);
            s1 += Math.abs(high[j + 1] + low[j + 1] + close[j + 1] - center);
            s2 += Math.abs(high[j + 2] + low[j + 2] + close[j + 2] - center);
            s3 += Math.abs(high[j + 3] + low[j + 3] + close[j + 3] - center);
        }
        for (; j < to; j++) {
            s0 += Math.abs(high[j] + low[j] + close[j] - center);
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static void fillNaN(double[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = NaN;
        }
    }

    // ---------------------------------------------------------------- argument checks

    private static void checkInput(String name, double[] in, int n) {
        if (in == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0 but was " + n);
        }
        if (n > in.length) {
            throw new IllegalArgumentException("n (" + n + ") exceeds " + name + ".length (" + in.length
                    + "): pass the number of bars actually present in the input");
        }
    }

    private static void checkOutput(String name, double[] out, int n) {
        if (out == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (out.length < n) {
            throw new IllegalArgumentException(name + ".length (" + out.length + ") is less than n (" + n
                    + "): output arrays must hold at least n values");
        }
    }

    private static void checkPeriod(String name, int period) {
        if (period < 1) {
            throw new IllegalArgumentException(name + " must be >= 1 but was " + period);
        }
    }

    private static void checkFastSlow(int fast, int slow) {
        if (fast >= slow) {
            throw new IllegalArgumentException("fast (" + fast + ") must be less than slow (" + slow + ")");
        }
    }

    /** An output must not share storage with an input or another output: loops read those after writing it. */
    private static void checkDistinct(String name, double[] out, double[]... others) {
        for (double[] other : others) {
            if (other == out) {
                throw new IllegalArgumentException(name
                        + " is the same array as another argument: pass a separate output array");
            }
        }
    }
}

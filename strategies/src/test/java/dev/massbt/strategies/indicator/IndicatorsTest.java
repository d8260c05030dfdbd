package dev.massbt.strategies.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract of {@link Indicators} beyond individual values: argument checks, writing
 * exactly {@code [0, n)}, numerical stability over a million bars, and indicators that share
 * a definition sharing their arithmetic bit for bit.
 */
class IndicatorsTest {

    private static final int MILLION = 1_000_000;

    // ------------------------------------------------------------ argument checks

    @Test
    void rejectsAPeriodBelowOne() {
        double[] x = new double[10];
        assertThatThrownBy(() -> Indicators.sma(x, 10, 0, new double[10]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("period must be >= 1 but was 0");
        assertThatThrownBy(() -> Indicators.stochastic(x, x, x, 10, 5, 0, new double[10], new double[10]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dPeriod must be >= 1");
        assertThatThrownBy(() -> Indicators.macd(x, 10, 3, 6, -1, new double[10], new double[10], new double[10]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signal must be >= 1");
    }

    @Test
    void rejectsNLargerThanAnInput() {
        double[] out = new double[10];
        assertThatThrownBy(() -> Indicators.atr(new double[10], new double[9], new double[10], 10, 3, out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n (10) exceeds low.length (9)");
        assertThatThrownBy(() -> Indicators.obv(new double[10], new double[10], -1, out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n must be >= 0");
    }

    @Test
    void rejectsAnOutputShorterThanN() {
        double[] x = new double[10];
        assertThatThrownBy(() -> Indicators.adx(x, x, x, 10, 3, new double[10], new double[5], new double[10]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plusDi.length (5) is less than n (10)");
    }

    @Test
    void rejectsNullArrays() {
        assertThatThrownBy(() -> Indicators.vwap(new double[3], new double[3], new double[3], null, 3, 2, new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("volume must not be null");
        assertThatThrownBy(() -> Indicators.roc(new double[3], 3, 2, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out must not be null");
    }

    @Test
    void rejectsAnOutputThatIsAlsoAnInputOrAnotherOutput() {
        double[] x = new double[10];
        double[] y = new double[10];
        assertThatThrownBy(() -> Indicators.sma(x, 10, 3, x))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out is the same array");
        assertThatThrownBy(() -> Indicators.donchian(x, x, 10, 3, y, y))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("upper is the same array");
    }

    @Test
    void rejectsFastNotBelowSlow() {
        double[] x = new double[10];
        assertThatThrownBy(() -> Indicators.smaCross(x, 10, 5, 5, new double[10]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fast (5) must be less than slow (5)");
        assertThatThrownBy(() -> Indicators.macd(x, 10, 6, 3, 2, new double[10], new double[10], new double[10]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fast (6) must be less than slow (3)");
    }

    @Test
    void rejectsABadBollingerWidth() {
        double[] x = new double[10];
        for (double k : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> Indicators.bollinger(x, 10, 3, k, new double[10], new double[10],
                    new double[10], new double[10]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k must be a finite number >= 0");
        }
    }

    // ------------------------------------------------------------ what gets written

    @ParameterizedTest
    @EnumSource(IndicatorType.class)
    void writesExactlyTheFirstNValues(IndicatorType type) {
        double[] p = ParamSets.min(type);
        Bars bars = Bars.random(3, 120);
        int n = 100;
        double[][] out = new double[type.outputs().size()][130];
        for (double[] o : out) {
            Arrays.fill(o, -12345);
        }
        IndicatorRunner.into(type, p, bars, n, out);
        double[][] expected = IndicatorRunner.run(type, p, bars, n);
        for (int o = 0; o < out.length; o++) {
            assertThat(Arrays.copyOf(out[o], n)).isEqualTo(expected[o]);
            assertThat(Arrays.copyOfRange(out[o], n, 130)).containsOnly(-12345);
        }
    }

    @ParameterizedTest
    @EnumSource(IndicatorType.class)
    void acceptsAnEmptySeries(IndicatorType type) {
        double[][] out = IndicatorRunner.run(type, ParamSets.max(type), Bars.random(3, 0), 0);
        assertThat(out).hasDimensions(type.outputs().size(), 0);
    }

    // ------------------------------------------------------------ shared arithmetic

    @Test
    void indicatorsThatShareADefinitionAgreeBitForBit() {
        Bars bars = Bars.random(11, 20_000);
        double[] c = bars.close();
        int n = c.length;
        double[] fast = new double[n];
        double[] slow = new double[n];
        double[] cross = new double[n];

        Indicators.sma(c, n, 7, fast);
        Indicators.sma(c, n, 30, slow);
        Indicators.smaCross(c, n, 7, 30, cross);
        for (int i = 29; i < n; i++) {
            assertThat(cross[i]).as("sma_cross[%d]", i).isEqualTo(100 * (fast[i] / slow[i] - 1));
        }

        double[] middle = new double[n];
        Indicators.bollinger(c, n, 30, 2, middle, new double[n], new double[n], new double[n]);
        assertThat(middle).isEqualTo(slow);

        Indicators.ema(c, n, 7, fast);
        Indicators.ema(c, n, 30, slow);
        Indicators.emaCross(c, n, 7, 30, cross);
        for (int i = 29; i < n; i++) {
            assertThat(cross[i]).as("ema_cross[%d]", i).isEqualTo(100 * (fast[i] / slow[i] - 1));
        }

        double[] line = new double[n];
        Indicators.macd(c, n, 7, 30, 9, line, new double[n], new double[n]);
        for (int i = 29; i < n; i++) {
            assertThat(line[i]).as("macd line[%d]", i).isEqualTo(fast[i] - slow[i]);
        }
    }

    @Test
    void windowExtremesMatchANaiveScan() {
        Bars bars = Bars.random(5, 3_000);
        int n = bars.size();
        for (int period : new int[] {1, 2, 3, 7, 20, 64, 500}) {
            double[] upper = new double[n];
            double[] lower = new double[n];
            Indicators.donchian(bars.high(), bars.low(), n, period, upper, lower);
            double[] k = new double[n];
            Indicators.stochastic(bars.high(), bars.low(), bars.close(), n, period, 1, k, new double[n]);
            for (int i = period; i < n; i++) {
                double hh = Double.NEGATIVE_INFINITY;
                double ll = Double.POSITIVE_INFINITY;
                for (int j = i - period; j < i; j++) {
                    hh = Math.max(hh, bars.high()[j]);
                    ll = Math.min(ll, bars.low()[j]);
                }
                assertThat(upper[i]).as("donchian upper p=%d [%d]", period, i).isEqualTo(hh);
                assertThat(lower[i]).as("donchian lower p=%d [%d]", period, i).isEqualTo(ll);
                // The window of %K at i - 1 is the Donchian window at i.
                double c = bars.close()[i - 1];
                double expectedK = hh == ll ? 50 : 100 * (c - ll) / (hh - ll);
                assertThat(k[i - 1]).as("%%K p=%d [%d]", period, i - 1).isEqualTo(expectedK);
            }
        }
    }

    @Test
    void donchianExcludesTheCurrentBarSoACloseCanBreakOut() {
        double[] high = {10, 11, 12, 11, 15};
        double[] low = {9, 10, 11, 10, 11};
        double[] upper = new double[5];
        double[] lower = new double[5];
        Indicators.donchian(high, low, 5, 3, upper, lower);
        assertThat(upper[4]).isEqualTo(12);   // bars 1..3, not the breakout bar's own high of 15
        assertThat(lower[4]).isEqualTo(10);
    }

    // ------------------------------------------------------------ numerical stability

    /** Prices around 1e4 with noise; direct windowed sums are the reference. */
    private static double[] noisyPrices(long seed, int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[n];
        double level = 10_000;
        for (int i = 0; i < n; i++) {
            level += rnd.nextDouble() - 0.5;
            x[i] = level + 5 * (rnd.nextDouble() - 0.5);
        }
        return x;
    }

    private static double directSum(double[] x, int from, int to) {
        double s = 0;
        for (int j = from; j < to; j++) {
            s += x[j];
        }
        return s;
    }

    @Test
    void smaOverAMillionBarsMatchesDirectWindowSums() {
        double[] x = noisyPrices(1, MILLION);
        double[] out = new double[MILLION];
        for (int period : new int[] {3, 50, 500}) {
            Indicators.sma(x, MILLION, period, out);
            WorstError worst = new WorstError("sma " + period);
            for (int i = period - 1; i < MILLION; i += period == 500 ? 97 : 1) {
                worst.add(i, out[i], directSum(x, i - period + 1, i + 1) / period);
            }
            worst.assertBelow(1e-9);
        }
    }

    /** Largest relative error over many values, asserted once (a million assertThat calls would dominate the runtime). */
    private static final class WorstError {
        private final String what;
        private double error;
        private int index = -1;

        WorstError(String what) {
            this.what = what;
        }

        void add(int i, double actual, double expected) {
            double e = Math.abs(actual - expected) / Math.abs(expected);
            if (!(e <= error)) {
                error = e;
                index = i;
            }
        }

        void assertBelow(double relative) {
            assertThat(error).as("largest relative error of %s, at index %d", what, index).isLessThanOrEqualTo(relative);
        }
    }

    @Test
    void wmaBollingerAndVwapOverAMillionBarsMatchDirectComputation() {
        double[] x = noisyPrices(2, MILLION);
        double[] v = new double[MILLION];
        SplittableRandom rnd = new SplittableRandom(2);
        for (int i = 0; i < MILLION; i++) {
            v[i] = rnd.nextInt(10) == 0 ? 0 : rnd.nextDouble() * 1e6;
        }
        int period = 50;
        double[] wma = new double[MILLION];
        double[] middle = new double[MILLION];
        double[] upper = new double[MILLION];
        double[] vwap = new double[MILLION];
        Indicators.wma(x, MILLION, period, wma);
        Indicators.bollinger(x, MILLION, period, 1, middle, upper, new double[MILLION], new double[MILLION]);
        Indicators.vwap(x, x, x, v, MILLION, period, vwap);   // h = l = c, so tp = x
        WorstError wmaError = new WorstError("wma");
        WorstError sdError = new WorstError("bollinger sd");
        WorstError vwapError = new WorstError("vwap");
        for (int i = period - 1; i < MILLION; i += 7) {
            double weighted = 0;
            double sum = 0;
            double pv = 0;
            double volume = 0;
            for (int j = i - period + 1, w = 1; j <= i; j++, w++) {
                weighted += w * x[j];
                sum += x[j];
                pv += x[j] * v[j];
                volume += v[j];
            }
            double mean = sum / period;
            double squares = 0;
            for (int j = i - period + 1; j <= i; j++) {
                squares += (x[j] - mean) * (x[j] - mean);
            }
            double sd = Math.sqrt(squares / period);
            wmaError.add(i, wma[i], weighted / (period * (period + 1) / 2.0));
            sdError.add(i, upper[i] - middle[i], sd);
            vwapError.add(i, vwap[i], pv / volume);
        }
        wmaError.assertBelow(1e-9);
        sdError.assertBelow(1e-9);
        vwapError.assertBelow(1e-9);
    }

    @Test
    void aHugeLevelLeavingTheWindowLeavesNoResidue() {
        // A plain sliding sum would keep the rounding error of adding and removing 1e15-sized
        // values (about 0.1 here) forever; re-anchoring clears it within two periods.
        int n = 10_000;
        int period = 20;
        double[] x = new double[n];
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            x[i] = i < 1_000 ? 1e15 * (1 + rnd.nextDouble()) : 1 + rnd.nextDouble();
        }
        double[] out = new double[n];
        double[] middle = new double[n];
        double[] upper = new double[n];
        Indicators.sma(x, n, period, out);
        Indicators.bollinger(x, n, period, 1, middle, upper, new double[n], new double[n]);
        for (int i = 1_000 + 2 * period; i < n; i++) {
            double expected = directSum(x, i - period + 1, i + 1) / period;
            assertThat(out[i]).as("sma[%d]", i).isCloseTo(expected, within(1e-12));
            double squares = 0;
            for (int j = i - period + 1; j <= i; j++) {
                squares += (x[j] - expected) * (x[j] - expected);
            }
            assertThat(upper[i] - middle[i]).as("sd[%d]", i).isCloseTo(Math.sqrt(squares / period), within(1e-12));
        }
    }

    @Test
    void obvOverAMillionBarsMatchesAnExactSum() {
        SplittableRandom rnd = new SplittableRandom(4);
        double[] close = new double[MILLION];
        double[] volume = new double[MILLION];
        for (int i = 0; i < MILLION; i++) {
            close[i] = 100 + rnd.nextInt(5);
            volume[i] = rnd.nextDouble() * 1e4;
        }
        double[] out = new double[MILLION];
        Indicators.obv(close, volume, MILLION, out);
        BigDecimal exact = BigDecimal.ZERO;
        for (int i = 1; i < MILLION; i++) {
            if (close[i] > close[i - 1]) {
                exact = exact.add(new BigDecimal(volume[i]));
            } else if (close[i] < close[i - 1]) {
                exact = exact.subtract(new BigDecimal(volume[i]));
            }
            if (i % 1_000 == 0 || i == MILLION - 1) {
                // Compensated summation is within an ulp or two of the exact total; a plain running
                // sum is already further off than that by bar 1,000.
                double expected = exact.doubleValue();
                assertThat(out[i]).as("obv[%d]", i).isCloseTo(expected, within(2 * Math.ulp(expected)));
            }
        }
    }
}

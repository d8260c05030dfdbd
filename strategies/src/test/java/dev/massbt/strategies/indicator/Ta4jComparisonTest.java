package dev.massbt.strategies.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.IntToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.CCIIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.WMAIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.adx.MinusDIIndicator;
import org.ta4j.core.indicators.adx.PlusDIIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.bollinger.PercentBIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelLowerIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator;
import org.ta4j.core.indicators.volume.VWAPIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * Every indicator against ta4j 0.17 (a published, independent implementation) on real data:
 * Apple's 252 daily bars of 2013 and Bitstamp BTC/USD trades aggregated into 5-minute bars
 * (about 1,900), both shipped as resources of the ta4j-examples jar.
 *
 * <p>Where the two agree by definition, values are compared from our first valid index on.
 * Where they differ on purpose:
 * <ul>
 *   <li><b>Seeding of recursive averages.</b> ta4j starts every EMA and Wilder average (its
 *       {@code MMAIndicator}, used by RSI, ATR, +DI/-DI and ADX) from the first input value
 *       at index 0; we seed with the SMA of the first {@code period} values at the lookback
 *       (TA-Lib convention), and the ADX DI smoothing with the sum over bars 1..period. Both
 *       recursions forget their seed geometrically, {@code (1 - alpha)^k}, so values are
 *       compared from {@link #EMA_SETTLE} periods after the lookback for EMAs
 *       ({@code alpha = 2/(p+1)}: {@code e^-38}) and {@link #WILDER_SETTLE} periods after it
 *       for Wilder averages ({@code alpha = 1/p}: {@code e^-25}). On these data the seed
 *       stops mattering at 1e-6 after about 5 periods (EMA) and 13 periods (Wilder); after
 *       the settle window the EMAs agree with ta4j's bit for bit, as both use
 *       {@code e + alpha * (x - e)}.</li>
 *   <li><b>Donchian.</b> Ours excludes the current bar; ta4j's channel includes it, so our
 *       value at {@code i} is compared with ta4j's at {@code i - 1}.</li>
 *   <li><b>Flat windows.</b> ta4j divides 0 by 0 where we define a value (stochastic %K 50
 *       when HH == LL, %b 0.5 when the bands meet, VWAP's plain mean of typical prices when a
 *       window has no volume, RSI 50 rather than ta4j's 0 when both averages are 0). Neither
 *       real series has such windows after warm-up (the test would say so); the fixtures of
 *       {@link IndicatorFixtureTest} cover those cases.</li>
 * </ul>
 * Bollinger: ta4j's {@code StandardDeviationIndicator} is the square root of
 * {@code VarianceIndicator}, which divides by the window length: the population standard
 * deviation, as ours, so the bands are compared directly. ta4j has no SMA/EMA crossover
 * indicator; {@code sma_cross}/{@code ema_cross} are compared with
 * {@code 100 * (fast / slow - 1)} computed from ta4j's SMAs/EMAs.
 *
 * <p>Tolerance: {@code |ours - ta4j| <= 1e-9 * max(1, |ta4j|)} (relative, with an absolute
 * floor for values near zero such as MACD or ROC). The largest difference seen is about
 * 1e-10 (CCI, whose mean deviation ta4j sums in a different order); most agree to 1e-14.
 */
class Ta4jComparisonTest {

    private static final double TOLERANCE = 1e-9;
    private static final int EMA_SETTLE = 20;
    private static final int WILDER_SETTLE = 25;
    /** A comparison must cover at least this many bars, or it proves nothing. */
    private static final int MIN_COMPARED = 30;

    private static Bars apple;
    private static Bars bitstamp;

    @BeforeAll
    static void loadData() {
        apple = Bars.appleDaily();
        bitstamp = Bars.bitstampFiveMinutes();
        assertThat(apple.size()).isEqualTo(252);
        assertThat(bitstamp.size()).isGreaterThan(1500);
    }

    /** Short periods on Apple (252 bars leave room for convergence), the usual ones on Bitstamp. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("apple", 5, 10, 4),
                Arguments.of("bitstamp", 14, 26, 9),
                Arguments.of("bitstamp", 20, 50, 9));
    }

    private static Bars data(String name) {
        return name.equals("apple") ? apple : bitstamp;
    }

    private static BarSeries series(Bars bars) {
        BarSeries series = new BaseBarSeriesBuilder().withName(bars.name()).withNumTypeOf(DoubleNum.class).build();
        for (int i = 0; i < bars.size(); i++) {
            series.addBar(bars.end()[i], bars.open()[i], bars.high()[i], bars.low()[i], bars.close()[i],
                    bars.volume()[i]);
        }
        return series;
    }

    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("cases")
    void movingAverages(String data, int p, int slow, int signal) {
        Bars bars = data(data);
        BarSeries s = series(bars);
        ClosePriceIndicator close = new ClosePriceIndicator(s);
        double[] out = new double[bars.size()];

        Indicators.sma(bars.close(), bars.size(), p, out);
        compare("sma", out, ta4j(new SMAIndicator(close, p)), p - 1);

        Indicators.wma(bars.close(), bars.size(), p, out);
        compare("wma", out, ta4j(new WMAIndicator(close, p)), p - 1);

        Indicators.ema(bars.close(), bars.size(), p, out);
        compare("ema", out, ta4j(new EMAIndicator(close, p)), p - 1 + EMA_SETTLE * p);

        Indicators.roc(bars.close(), bars.size(), p, out);
        compare("roc", out, ta4j(new ROCIndicator(close, p)), p);
    }

    @ParameterizedTest(name = "{0} fast={1} slow={2} signal={3}")
    @MethodSource("cases")
    void macdAndCrossovers(String data, int fast, int slow, int signal) {
        Bars bars = data(data);
        int n = bars.size();
        BarSeries s = series(bars);
        ClosePriceIndicator close = new ClosePriceIndicator(s);
        double[] line = new double[n];
        double[] sig = new double[n];
        double[] hist = new double[n];
        Indicators.macd(bars.close(), n, fast, slow, signal, line, sig, hist);
        MACDIndicator ta4jLine = new MACDIndicator(close, fast, slow);
        EMAIndicator ta4jSignal = new EMAIndicator(ta4jLine, signal);
        int settled = slow + signal - 2 + EMA_SETTLE * slow;
        compare("macd line", line, ta4j(ta4jLine), settled);
        compare("macd signal", sig, ta4j(ta4jSignal), settled);
        compare("macd histogram", hist,
                i -> ta4jLine.getValue(i).doubleValue() - ta4jSignal.getValue(i).doubleValue(), settled);

        double[] out = new double[n];
        SMAIndicator smaFast = new SMAIndicator(close, fast);
        SMAIndicator smaSlow = new SMAIndicator(close, slow);
        Indicators.smaCross(bars.close(), n, fast, slow, out);
        compare("sma_cross", out,
                i -> 100 * (smaFast.getValue(i).doubleValue() / smaSlow.getValue(i).doubleValue() - 1), slow - 1);

        EMAIndicator emaFast = new EMAIndicator(close, fast);
        EMAIndicator emaSlow = new EMAIndicator(close, slow);
        Indicators.emaCross(bars.close(), n, fast, slow, out);
        compare("ema_cross", out,
                i -> 100 * (emaFast.getValue(i).doubleValue() / emaSlow.getValue(i).doubleValue() - 1),
                slow - 1 + EMA_SETTLE * slow);
    }

    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("cases")
    void wilderAverages(String data, int p, int slow, int signal) {
        Bars bars = data(data);
        int n = bars.size();
        BarSeries s = series(bars);
        double[] out = new double[n];

        Indicators.rsi(bars.close(), n, p, out);
        compare("rsi", out, ta4j(new RSIIndicator(new ClosePriceIndicator(s), p)), p + WILDER_SETTLE * p);

        Indicators.atr(bars.high(), bars.low(), bars.close(), n, p, out);
        compare("atr", out, ta4j(new ATRIndicator(s, p)), p - 1 + WILDER_SETTLE * p);

        double[] adx = new double[n];
        double[] plusDi = new double[n];
        double[] minusDi = new double[n];
        Indicators.adx(bars.high(), bars.low(), bars.close(), n, p, adx, plusDi, minusDi);
        compare("+di", plusDi, ta4j(new PlusDIIndicator(s, p)), p + WILDER_SETTLE * p);
        compare("-di", minusDi, ta4j(new MinusDIIndicator(s, p)), p + WILDER_SETTLE * p);
        compare("adx", adx, ta4j(new ADXIndicator(s, p)), 2 * p - 1 + WILDER_SETTLE * p);
    }

    @ParameterizedTest(name = "{0} p={1}")
    @MethodSource("cases")
    void bands(String data, int p, int slow, int signal) {
        Bars bars = data(data);
        int n = bars.size();
        BarSeries s = series(bars);
        ClosePriceIndicator close = new ClosePriceIndicator(s);
        double k = 2;
        double[] middle = new double[n];
        double[] upper = new double[n];
        double[] lower = new double[n];
        double[] percentB = new double[n];
        Indicators.bollinger(bars.close(), n, p, k, middle, upper, lower, percentB);
        BollingerBandsMiddleIndicator ta4jMiddle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, p));
        StandardDeviationIndicator sd = new StandardDeviationIndicator(close, p);
        compare("bollinger middle", middle, ta4j(ta4jMiddle), p - 1);
        compare("bollinger upper", upper,
                ta4j(new BollingerBandsUpperIndicator(ta4jMiddle, sd, DoubleNum.valueOf(k))), p - 1);
        compare("bollinger lower", lower,
                ta4j(new BollingerBandsLowerIndicator(ta4jMiddle, sd, DoubleNum.valueOf(k))), p - 1);
        compare("bollinger %b", percentB, ta4j(new PercentBIndicator(close, p, k)), p - 1);

        // Ours covers bars i-p .. i-1, ta4j's i-p+1 .. i: ours at i is theirs at i-1.
        double[] dUpper = new double[n];
        double[] dLower = new double[n];
        Indicators.donchian(bars.high(), bars.low(), n, p, dUpper, dLower);
        Indicator<Num> ta4jUpper = new DonchianChannelUpperIndicator(s, p);
        Indicator<Num> ta4jLower = new DonchianChannelLowerIndicator(s, p);
        compare("donchian upper", dUpper, i -> ta4jUpper.getValue(i - 1).doubleValue(), p);
        compare("donchian lower", dLower, i -> ta4jLower.getValue(i - 1).doubleValue(), p);
    }

    @ParameterizedTest(name = "{0} k={1} d={3}")
    @MethodSource("cases")
    void oscillatorsAndVolume(String data, int p, int slow, int signal) {
        Bars bars = data(data);
        int n = bars.size();
        BarSeries s = series(bars);
        double[] k = new double[n];
        double[] d = new double[n];
        Indicators.stochastic(bars.high(), bars.low(), bars.close(), n, p, signal, k, d);
        StochasticOscillatorKIndicator ta4jK = new StochasticOscillatorKIndicator(s, p);
        compare("stochastic %k", k, ta4j(ta4jK), p - 1);
        compare("stochastic %d", d, ta4j(new SMAIndicator(ta4jK, signal)), p + signal - 2);

        double[] out = new double[n];
        Indicators.cci(bars.high(), bars.low(), bars.close(), n, p, out);
        compare("cci", out, ta4j(new CCIIndicator(s, p)), p - 1);

        Indicators.vwap(bars.high(), bars.low(), bars.close(), bars.volume(), n, p, out);
        compare("vwap", out, ta4j(new VWAPIndicator(s, p)), p - 1);

        Indicators.obv(bars.close(), bars.volume(), n, out);
        compare("obv", out, ta4j(new OnBalanceVolumeIndicator(s)), 0);
    }

    private static IntToDoubleFunction ta4j(Indicator<Num> indicator) {
        return i -> indicator.getValue(i).doubleValue();
    }

    private static void compare(String what, double[] ours, IntToDoubleFunction theirs, int from) {
        int compared = 0;
        for (int i = from; i < ours.length; i++) {
            double expected = theirs.applyAsDouble(i);
            assertThat(expected).as("ta4j %s[%d] is a number (a flat window?)", what, i).isFinite();
            assertThat(ours[i]).as("%s[%d]", what, i)
                    .isCloseTo(expected, within(TOLERANCE * Math.max(1, Math.abs(expected))));
            compared++;
        }
        assertThat(compared).as("bars compared for %s", what).isGreaterThanOrEqualTo(MIN_COMPARED);
    }
}

package dev.massbt.datasets.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.massbt.datasets.bars.TickAggregator;
import dev.massbt.datasets.bars.TradeBars;
import dev.massbt.strategies.bars.BarSeries;
import dev.massbt.strategies.timeframe.Timeframe;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SyntheticMarketTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 1); // a Monday

    @Test
    void sameSeedSameData_symbolOrderIrrelevant_symbolsAndSeedsDiffer() {
        BarSeries a = SyntheticMarket.of(List.of("BTC", "ETH"), START, 3, 42).bars("ETH");
        BarSeries b = SyntheticMarket.of(List.of("ETH", "SOL", "BTC"), START, 3, 42).bars("ETH");
        assertThat(a.close()).containsExactly(b.close());
        assertThat(a.high()).containsExactly(b.high());
        assertThat(a.volume()).containsExactly(b.volume());
        assertThat(a.ts()).containsExactly(b.ts());
        BarSeries btc = SyntheticMarket.of(List.of("BTC", "ETH"), START, 3, 42).bars("BTC");
        BarSeries otherSeed = SyntheticMarket.of(List.of("ETH"), START, 3, 43).bars("ETH");
        assertThat(Arrays.equals(a.close(), btc.close())).isFalse();
        assertThat(Arrays.equals(a.close(), otherSeed.close())).isFalse();
    }

    @Test
    void barsAreOhlcConsistent_alignedAndComplete_247() {
        SyntheticMarket m = SyntheticMarket.of(List.of("X"), START, 10, 7);
        BarSeries s = m.bars("X"); // BarSeries itself checks alignment and strict order
        assertThat(s.size()).isEqualTo(10 * 1440).isEqualTo(m.barsPerSymbol());
        assertThat(s.ts()[0]).isEqualTo(START.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        for (int i = 0; i < s.size(); i++) {
            assertThat(s.low()[i]).isPositive();
            assertThat(s.low()[i]).isLessThanOrEqualTo(Math.min(s.open()[i], s.close()[i]));
            assertThat(s.high()[i]).isGreaterThanOrEqualTo(Math.max(s.open()[i], s.close()[i]));
            assertThat(s.volume()[i]).isPositive();
            assertThat(s.ts()[i] - s.ts()[0]).isEqualTo(i * 60_000L);
            if (i > 0) {
                assertThat(s.open()[i]).isEqualTo(s.close()[i - 1]);
            }
        }
    }

    @Test
    void weekdayCalendar_hasNoWeekendBars() {
        SyntheticMarket m = SyntheticMarket.of(List.of("EURUSD"), START, 14, 1).withCalendar(MarketCalendar.WEEKDAYS);
        BarSeries s = m.bars("EURUSD");
        assertThat(s.size()).isEqualTo(10 * 1440);
        for (long ts : s.ts()) {
            DayOfWeek d = Instant.ofEpochMilli(ts).atZone(ZoneOffset.UTC).getDayOfWeek();
            assertThat(d).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        }
    }

    @Test
    void returnsHaveFatTails_andVolatilityClusters() {
        for (long seed : new long[] {1, 2, 3}) {
            BarSeries s = SyntheticMarket.of(List.of("X"), START, 30, seed).bars("X");
            double[] r = logReturns(s);
            assertThat(kurtosis(r)).as("kurtosis, seed %d", seed).isGreaterThan(4.0);
            double[] abs = Arrays.stream(r).map(Math::abs).toArray();
            for (int lag : new int[] {1, 5, 30}) {
                assertThat(autocorrelation(abs, lag)).as("acf |r| lag %d seed %d", lag, seed).isGreaterThan(0.05);
            }
            // Control: the same returns shuffled lose the clustering, keep the tails.
            double[] shuffled = shuffle(abs, seed);
            assertThat(Math.abs(autocorrelation(shuffled, 1))).isLessThan(0.03);
            // Returns themselves are not autocorrelated (no free lunch in the generator).
            assertThat(Math.abs(autocorrelation(r, 1))).isLessThan(0.03);
        }
    }

    @Test
    void longRunDailyVolatility_isRoughlyTheConfiguredOne() {
        Dynamics noJumps = new Dynamics(100, 0.02, 0.05, 0.94, 0, 0, 10, 2);
        BarSeries s = SyntheticMarket.of(List.of("X"), START, 60, 11).withDynamics(noJumps).bars("X");
        double[] r = logReturns(s);
        double var = Arrays.stream(r).map(x -> x * x).sum() / r.length;
        assertThat(Math.sqrt(var * 1440)).isCloseTo(0.02, within(0.003));
    }

    @Test
    void volumeIsUShapedOverTheDay() {
        BarSeries s = SyntheticMarket.of(List.of("X"), START, 30, 5).bars("X");
        double edge = 0;
        double middle = 0;
        for (int i = 0; i < s.size(); i++) {
            int minute = i % 1440;
            if (minute < 60 || minute >= 1380) {
                edge += s.volume()[i];
            } else if (minute >= 660 && minute < 780) {
                middle += s.volume()[i];
            }
        }
        assertThat(edge / middle).isGreaterThan(2.0); // U(edge) / U(middle) = 1 + a = 3 for a = 2
    }

    @Test
    void ticksAggregateBackToTheBars() {
        SyntheticMarket m = SyntheticMarket.of(List.of("X"), START, 2, 9);
        TickAggregator agg = new TickAggregator(Timeframe.M1);
        BarSeries bars = m.barsAndTicks("X", agg::add);
        TradeBars fromTicks = agg.finish();
        BarSeries t = fromTicks.bars();
        assertThat(t.size()).isEqualTo(bars.size());
        assertThat(t.ts()).containsExactly(bars.ts());
        assertThat(t.open()).containsExactly(bars.open());
        assertThat(t.high()).containsExactly(bars.high());
        assertThat(t.low()).containsExactly(bars.low());
        assertThat(t.close()).containsExactly(bars.close());
        for (int i = 0; i < t.size(); i++) {
            assertThat(t.volume()[i]).isCloseTo(bars.volume()[i], within(1e-9 * bars.volume()[i]));
            assertThat(fromTicks.tradeCount()[i]).isBetween(4L, 11L);
        }
        assertThat(m.bars("X").close()).containsExactly(bars.close()); // asking for ticks does not change the bars
    }

    @Test
    void invalidConfigurations_sayWhatToFix() {
        assertThatThrownBy(() -> new Dynamics(100, 0.02, 0.5, 0.6, 0, 0, 1, 0))
                .hasMessageContaining("alpha + beta < 1");
        assertThatThrownBy(() -> SyntheticMarket.of(List.of("A", "A"), START, 1, 1)).hasMessageContaining("distinct");
        assertThatThrownBy(() -> SyntheticMarket.of(List.of("A"), START, 1, 1).bars("B"))
                .hasMessageContaining("unknown symbol 'B'");
    }

    static double[] logReturns(BarSeries s) {
        double[] r = new double[s.size() - 1];
        for (int i = 1; i < s.size(); i++) {
            r[i - 1] = Math.log(s.close()[i] / s.close()[i - 1]);
        }
        return r;
    }

    static double kurtosis(double[] x) {
        double mean = Arrays.stream(x).average().orElseThrow();
        double m2 = 0;
        double m4 = 0;
        for (double v : x) {
            double d = v - mean;
            m2 += d * d;
            m4 += d * d * d * d;
        }
        m2 /= x.length;
        m4 /= x.length;
        return m4 / (m2 * m2);
    }

    static double autocorrelation(double[] x, int lag) {
        double mean = Arrays.stream(x).average().orElseThrow();
        double num = 0;
        double den = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - mean;
            den += d * d;
            if (i >= lag) {
                num += d * (x[i - lag] - mean);
            }
        }
        return num / den;
    }

    static double[] shuffle(double[] x, long seed) {
        double[] y = x.clone();
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = y.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            double t = y[i];
            y[i] = y[j];
            y[j] = t;
        }
        return y;
    }
}

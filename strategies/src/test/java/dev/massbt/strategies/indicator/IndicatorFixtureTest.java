package dev.massbt.strategies.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every indicator against hand-checkable reference values.
 *
 * <p>How the fixtures in {@code src/test/resources/indicator/} were produced: a short Python 3
 * script, run once and not committed, implements each definition of {@link Indicators}
 * naively (every window recomputed from scratch, only EMA and Wilder averages recursive) in
 * exact rational arithmetic ({@code fractions.Fraction}; Bollinger square roots in 50-digit
 * {@code Decimal}) and writes one CSV per indicator, parameter set and series: the input
 * columns the indicator reads followed by one column per output (named as in
 * {@link IndicatorType#outputs()}), {@code NaN} during warm-up. A first line starting with
 * {@code #} says what the file holds.
 *
 * <p>Two series of hand-written bars: {@code main} (30 bars, two-decimal prices in the
 * 43-47 range, integer volumes) and {@code edge} (24 bars): a flat, zero-volume start
 * (HH == LL, sd == 0, mean deviation == 0, avgGain == avgLoss == 0, sum(volume) == 0, zero
 * true range), a pure rise (avgLoss == 0), a mixed stretch, a flat stretch after movement
 * (sd must come back to exactly 0) and zero volume again.
 *
 * <p>Values are compared to {@code 1e-9 * max(1, |expected|)}, NaN positions exactly.
 */
class IndicatorFixtureTest {

    private static final double TOLERANCE = 1e-9;

    static Stream<Arguments> fixtures() {
        List<Arguments> all = new ArrayList<>();
        for (String series : List.of("main", "edge")) {
            all.add(Arguments.of("sma_5_" + series, IndicatorType.SMA, new double[] {5}));
            all.add(Arguments.of("ema_5_" + series, IndicatorType.EMA, new double[] {5}));
            all.add(Arguments.of("wma_5_" + series, IndicatorType.WMA, new double[] {5}));
            all.add(Arguments.of("rsi_5_" + series, IndicatorType.RSI, new double[] {5}));
            all.add(Arguments.of("macd_3_6_4_" + series, IndicatorType.MACD, new double[] {3, 6, 4}));
            all.add(Arguments.of("bollinger_5_2_" + series, IndicatorType.BOLLINGER, new double[] {5, 2}));
            all.add(Arguments.of("bollinger_4_2p5_" + series, IndicatorType.BOLLINGER, new double[] {4, 2.5}));
            all.add(Arguments.of("atr_5_" + series, IndicatorType.ATR, new double[] {5}));
            all.add(Arguments.of("stochastic_5_3_" + series, IndicatorType.STOCHASTIC, new double[] {5, 3}));
            all.add(Arguments.of("roc_3_" + series, IndicatorType.ROC, new double[] {3}));
            all.add(Arguments.of("donchian_4_" + series, IndicatorType.DONCHIAN, new double[] {4}));
            all.add(Arguments.of("cci_5_" + series, IndicatorType.CCI, new double[] {5}));
            all.add(Arguments.of("adx_4_" + series, IndicatorType.ADX, new double[] {4}));
            all.add(Arguments.of("obv_" + series, IndicatorType.OBV, new double[] {}));
            all.add(Arguments.of("vwap_5_" + series, IndicatorType.VWAP, new double[] {5}));
            all.add(Arguments.of("sma_cross_3_7_" + series, IndicatorType.SMA_CROSS, new double[] {3, 7}));
            all.add(Arguments.of("ema_cross_3_7_" + series, IndicatorType.EMA_CROSS, new double[] {3, 7}));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void matchesReferenceValues(String fixture, IndicatorType type, double[] params) throws IOException {
        Fixture f = Fixture.read("/indicator/" + fixture + ".csv");
        double[][] actual = IndicatorRunner.run(type, params, f.bars());

        for (int o = 0; o < type.outputs().size(); o++) {
            String output = type.outputs().get(o).name();
            double[] expected = f.column(output);
            for (int i = 0; i < expected.length; i++) {
                String where = fixture + " " + output + "[" + i + "]";
                if (Double.isNaN(expected[i])) {
                    assertThat(actual[o][i]).as(where).isNaN();
                } else {
                    assertThat(actual[o][i]).as(where)
                            .isCloseTo(expected[i], within(TOLERANCE * Math.max(1, Math.abs(expected[i]))));
                }
            }
        }
    }

    @Test
    void everyIndicatorHasFixtures() {
        Set<IndicatorType> covered = EnumSet.noneOf(IndicatorType.class);
        fixtures().forEach(a -> covered.add((IndicatorType) a.get()[1]));
        assertThat(covered).containsExactlyInAnyOrder(IndicatorType.values());
    }

    /** A fixture CSV: input columns (high, low, close, volume as present) and expected outputs. */
    private record Fixture(List<String> header, double[][] columns) {

        static Fixture read(String resource) throws IOException {
            try (InputStream in = Objects.requireNonNull(IndicatorFixtureTest.class.getResourceAsStream(resource),
                    resource);
                 BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line = reader.readLine();
                while (line.startsWith("#")) {
                    line = reader.readLine();
                }
                List<String> header = Arrays.asList(line.split(","));
                List<double[]> rows = new ArrayList<>();
                for (line = reader.readLine(); line != null; line = reader.readLine()) {
                    rows.add(Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray());
                }
                double[][] columns = new double[header.size()][rows.size()];
                for (int i = 0; i < rows.size(); i++) {
                    for (int c = 0; c < header.size(); c++) {
                        columns[c][i] = rows.get(i)[c];
                    }
                }
                return new Fixture(header, columns);
            }
        }

        double[] column(String name) {
            int c = header.indexOf(name);
            assertThat(c).as("column " + name + " in " + header).isNotNegative();
            return columns[c];
        }

        /** Bars built from the input columns; columns the indicator does not read stay NaN. */
        Bars bars() {
            int n = columns[0].length;
            double[] nan = new double[n];
            Arrays.fill(nan, Double.NaN);
            return new Bars("fixture", new ZonedDateTime[n], nan,
                    optional("high", nan), optional("low", nan), optional("close", nan), optional("volume", nan));
        }

        private double[] optional(String name, double[] otherwise) {
            int c = header.indexOf(name);
            return c < 0 ? otherwise.clone() : columns[c];
        }
    }
}

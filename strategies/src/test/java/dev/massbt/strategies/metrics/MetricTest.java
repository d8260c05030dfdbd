package dev.massbt.strategies.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one list of metrics agrees with the {@link Metrics} record it describes. */
class MetricTest {

    /** A Metrics whose every field holds a distinct value: component i holds i + 1. */
    private static final Metrics DISTINCT = new Metrics(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);

    @Test
    void oneMetricPerRecordComponentInTheSameOrderEachReadingItsOwnField() throws Exception {
        RecordComponent[] components = Metrics.class.getRecordComponents();
        assertThat(Metric.values()).hasSameSizeAs(components);
        for (int i = 0; i < components.length; i++) {
            Metric m = Metric.values()[i];
            double field = ((Number) components[i].getAccessor().invoke(DISTINCT)).doubleValue();
            assertThat(m.of(DISTINCT)).as(m.column()).isEqualTo(field).isEqualTo(i + 1.0);
            assertThat(m.column()).as("column of %s", components[i].getName())
                    .isEqualTo(components[i].getName().equals("tradeCount") ? "trades"
                            : components[i].getName().replaceAll("([A-Z])", "_$1").toLowerCase());
        }
    }

    @Test
    void directionsAndUsesAreTheDocumentedOnes() {
        assertThat(Arrays.stream(Metric.values()).filter(m -> !m.higherIsBetter()))
                .containsExactly(Metric.MAX_DRAWDOWN, Metric.VAR95, Metric.CVAR95);
        assertThat(Metric.rankableMetrics()).allMatch(Metric::higherIsBetter)
                .contains(Metric.TRADES, Metric.EXPOSURE).doesNotContain(Metric.AVG_LOSS, Metric.MAX_DRAWDOWN);
        assertThat(Metric.fitnessMetrics()).extracting(Metric::column).containsExactly("total_return", "cagr",
                "sharpe", "sortino", "calmar", "win_rate", "profit_factor", "avg_trade");
        assertThat(Metric.rankableMetrics()).containsAll(Metric.fitnessMetrics());
        assertThat(Arrays.stream(Metric.values()).filter(Metric::integral)).containsExactly(Metric.TRADES);
    }

    @Test
    void namesAreFoundByColumnOnly() {
        assertThat(Metric.byColumn(" Profit_Factor ")).contains(Metric.PROFIT_FACTOR);
        assertThat(Metric.byColumn("PROFIT_FACTOR")).contains(Metric.PROFIT_FACTOR);
        assertThat(Metric.byColumn("profitFactor")).isEmpty();
        assertThat(Metric.byColumn(null)).isEmpty();
        assertThat(Metric.columns(List.of(Metric.SHARPE, Metric.CAGR))).isEqualTo("sharpe, cagr");
    }
}

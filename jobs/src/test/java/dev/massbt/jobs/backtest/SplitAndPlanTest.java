package dev.massbt.jobs.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.massbt.strategies.kernel.Segment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitAndPlanTest {

    private static final long DAY = 86_400_000L;
    private static final long JAN1 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

    @Test
    void fractionCutsAtTheMidnightBeforeTheExactPoint() {
        // 10 days: 70% is day 7 exactly; 0.75 is day 7.5, rounded down to day 7's midnight.
        List<Segment> s = new Split.Fraction(0.75).segments("X", JAN1, JAN1 + 10 * DAY);
        assertThat(s).containsExactly(new Segment(Split.IN_SAMPLE, JAN1, JAN1 + 7 * DAY),
                new Segment(Split.OUT_OF_SAMPLE, JAN1 + 7 * DAY, JAN1 + 10 * DAY));
    }

    @Test
    void fractionOfLessThanADayCutsAtTheExactPoint() {
        long to = JAN1 + 1000 * 60_000L;
        List<Segment> s = new Split.Fraction(0.5).segments("X", JAN1 + 60_000L, to);
        assertThat(s.get(0).toMillis()).isEqualTo(JAN1 + 60_000L + (to - JAN1 - 60_000L) / 2);
    }

    @Test
    void dateSplitMustFallInsideTheRange() {
        assertThat(new Split.AtDate(LocalDate.of(2024, 1, 5)).segments("X", JAN1, JAN1 + 10 * DAY))
                .extracting(Segment::fromMillis).containsExactly(JAN1, JAN1 + 4 * DAY);
        assertThatThrownBy(() -> new Split.AtDate(LocalDate.of(2025, 1, 1)).segments("EURUSD", JAN1, JAN1 + DAY))
                .hasMessageContaining("Cannot split EURUSD at 2025-01-01").hasMessageContaining("one segment would be empty");
    }

    @Test
    void parsesTheThreeForms() {
        assertThat(Split.parse("none")).isEqualTo(new Split.None());
        assertThat(Split.parse("0.7")).isEqualTo(new Split.Fraction(0.7));
        assertThat(Split.parse("2024-07-01")).isEqualTo(new Split.AtDate(LocalDate.of(2024, 7, 1)));
        assertThat(Split.parse("none").rankingSegment()).isEqualTo(Split.ALL);
        assertThatThrownBy(() -> Split.parse("70%")).hasMessageContaining("is not understood");
        assertThatThrownBy(() -> Split.parse("1.5")).hasMessageContaining("is not understood");
        assertThatThrownBy(() -> Split.parse("2024-02-30")).hasMessageContaining("not a valid date");
    }

    @Test
    void oneSymbolStillGivesEveryCoreSeveralTasks() {
        BacktestPlan p = BacktestPlan.of(List.of(new SymbolRange("A", JAN1, JAN1 + 10 * DAY, 14_400)),
                new Split.None(), 10_000, 2, 0);
        assertThat(p.tasks()).hasSizeGreaterThanOrEqualTo(2 * BacktestPlan.TASKS_PER_CORE);
        assertThat(p.chunkSize()).isEqualTo(BacktestPlan.MAX_CHUNK);
        assertThat(p.tasks().stream().mapToInt(TaskSpec::strategies).sum()).isEqualTo(10_000);
        assertThat(p.strategyBars()).isEqualTo(10_000L * 14_400);
    }

    @Test
    void chunksCoverEveryStrategyOfEverySymbolOnce() {
        List<SymbolRange> symbols = List.of(new SymbolRange("A", JAN1, JAN1 + DAY, 1440),
                new SymbolRange("B", JAN1, JAN1 + 2 * DAY, 2880));
        BacktestPlan p = BacktestPlan.of(symbols, new Split.Fraction(0.5), 7, 2, 3);
        assertThat(p.tasks()).containsExactly(new TaskSpec(0, 0, 3), new TaskSpec(0, 3, 6), new TaskSpec(0, 6, 7),
                new TaskSpec(1, 0, 3), new TaskSpec(1, 3, 6), new TaskSpec(1, 6, 7));
        assertThat(p.segments()).hasSize(2).allSatisfy(s -> assertThat(s).hasSize(2));
        // few strategies, many cores: chunks shrink so that the cores have work
        assertThat(BacktestPlan.chooseChunk(1, 10, 4)).isEqualTo(1);
        assertThat(BacktestPlan.chooseChunk(8, 1000, 2)).isEqualTo(500);
    }

    @Test
    void equityCompoundsTheReturnsAndMeasuresDrawdownFromThePeak() {
        var rows = EquityCurve.rows("r", "id", "A", "all", LocalDate.of(2024, 1, 1), List.of(0, 1, 3),
                List.of(0.10, -0.5, 0.2));
        assertThat(rows).extracting(r -> r.getDouble(5)).containsExactly(1.1, 0.55, 0.66);
        assertThat(rows.get(1).getDouble(6)).isEqualTo(0.55 / 1.1 - 1);
        assertThat(rows.get(2).get(4)).isEqualTo(LocalDate.of(2024, 1, 4));
    }
}

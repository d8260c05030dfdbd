package dev.massbt.strategies.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.massbt.strategies.format.Condition;
import dev.massbt.strategies.format.IndicatorRef;
import dev.massbt.strategies.format.InvalidStrategyException;
import dev.massbt.strategies.format.Strategy;
import dev.massbt.strategies.format.StrategyId;
import dev.massbt.strategies.indicator.IndicatorType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GridTemplateTest {

    /** An SMA crossover with placeholders; {@code %s} is replaced by the grid and constraints. */
    private static final String SMA_CROSS = """
            {"name": "sma-cross-grid", "version": 1, "timeframes": {"primary": "1m"},
             "entry_rules": {"long": {"conditions": [
               {"indicator": "sma_cross", "params": {"fast": "${fast}", "slow": "${slow}"}, "comparison": "crosses_above"}]}},
             "exit_rules": {"long": {"operator": "OR", "conditions": [
               {"indicator": "sma_cross", "params": {"fast": "${fast}", "slow": "${slow}"}, "comparison": "crosses_below"}]}}%s}
            """;

    /** The SMA crossover template with {@code extra} fields (grid, constraints) after the strategy's. */
    private static String sma(String extra) {
        return SMA_CROSS.formatted(extra.isEmpty() ? "" : ",\n " + extra);
    }

    private static IndicatorRef entryIndicator(Strategy s) {
        return (IndicatorRef) s.longEntry().conditions().get(0).left();
    }

    @Test
    void fifteenFastBy30SlowValuesAre450StrategiesInGridOrder() {
        GridTemplate t = GridTemplate.parse(sma("""
                "grid": {"fast": {"from": 5, "to": 19, "step": 1}, "slow": {"from": 20, "to": 49}}"""));
        assertThat(t.name()).isEqualTo("sma-cross-grid");
        assertThat(t.combinations()).isEqualTo(450);
        assertThat(t.params()).extracting(GridParam::name, GridParam::size)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("fast", 15),
                        org.assertj.core.groups.Tuple.tuple("slow", 30));
        assertThat(t.placeholderPaths()).containsExactly("entry_rules.long.conditions[0].params.fast",
                "entry_rules.long.conditions[0].params.slow", "exit_rules.long.conditions[0].params.fast",
                "exit_rules.long.conditions[0].params.slow");

        GridExpansion e = t.expand();
        assertThat(e.combinations()).isEqualTo(450);
        assertThat(e.evaluated()).isEqualTo(450);
        assertThat(e.skippedCount()).isZero();
        assertThat(e.skipped()).isEmpty();
        // the first parameter varies slowest
        GridPoint first = e.points().get(0);
        assertThat(first.combination()).isZero();
        assertThat(first.label()).isEqualTo("fast=5 slow=20");
        assertThat(first.params()).containsExactly(Map.entry("fast", 5.0), Map.entry("slow", 20.0));
        GridPoint p31 = e.points().get(31);
        assertThat(p31.combination()).isEqualTo(31);
        assertThat(p31.label()).isEqualTo("fast=6 slow=21");
        assertThat(e.points().get(449).label()).isEqualTo("fast=19 slow=49");
        // each strategy carries its values everywhere a placeholder stood, and its name says them
        for (GridPoint p : e.points()) {
            Strategy s = p.strategy();
            assertThat(s.name()).isEqualTo("sma-cross-grid " + p.label());
            assertThat(entryIndicator(s).type()).isEqualTo(IndicatorType.SMA_CROSS);
            assertThat(entryIndicator(s).params()).containsExactly(p.params().get("fast"), p.params().get("slow"));
            Condition exit = s.longExit().signal().conditions().get(0);
            assertThat(((IndicatorRef) exit.left()).params()).containsExactly(p.params().get("fast"),
                    p.params().get("slow"));
        }
        Set<String> ids = new HashSet<>();
        e.points().forEach(p -> ids.add(StrategyId.of(p.strategy()).hex()));
        assertThat(ids).hasSize(450);
    }

    @Test
    void aFailingConstraintSkipsTheCombinationAndCountsIt() {
        GridExpansion e = GridTemplate.parse(sma("""
                "grid": {"fast": {"from": 5, "to": 20}, "slow": {"from": 5, "to": 50}},
                "constraints": ["fast < slow"]""")).expand();
        // 16 x 46 = 736; fast < slow holds for 50 - fast slow values per fast: sum over 5..20 = 600
        assertThat(e.combinations()).isEqualTo(736);
        assertThat(e.evaluated()).isEqualTo(600);
        assertThat(e.skippedCount()).isEqualTo(136);
        assertThat(e.skipped()).containsExactly(new GridExpansion.Skipped(GridExpansion.Reason.CONSTRAINT,
                "fast < slow", 136, "fast=5 slow=5"));
        assertThat(e.skipped(GridExpansion.Reason.CONSTRAINT)).isEqualTo(136);
        assertThat(e.skipped(GridExpansion.Reason.INVALID)).isZero();
        assertThat(e.skipped().get(0).description()).isEqualTo("constraint 'fast < slow' fails");
        // combination indices count the skipped ones: fast=5 slow=6 is the second of the grid
        assertThat(e.points().get(0).label()).isEqualTo("fast=5 slow=6");
        assertThat(e.points().get(0).combination()).isEqualTo(1);
    }

    @Test
    void anInvalidStrategySkipsTheCombinationWithTheFormatsReason() {
        // Without the constraint sma_cross itself refuses fast >= slow: the same 136 are skipped.
        GridExpansion e = GridTemplate.parse(sma("""
                "grid": {"fast": {"from": 5, "to": 20}, "slow": {"from": 5, "to": 50}}""")).expand();
        assertThat(e.evaluated()).isEqualTo(600);
        assertThat(e.skipped()).hasSize(1);
        GridExpansion.Skipped s = e.skipped().get(0);
        assertThat(s.reason()).isEqualTo(GridExpansion.Reason.INVALID);
        assertThat(s.count()).isEqualTo(136);
        assertThat(s.detail()).isEqualTo("entry_rules.long.conditions[0].params");
        assertThat(s.example()).isEqualTo("fast=5 slow=5: fast (5) must be less than slow (5) for sma_cross");
        assertThat(s.description()).isEqualTo("invalid strategy at entry_rules.long.conditions[0].params");
    }

    @Test
    void constraintsCompareWithNumbersAndEveryOperator() {
        String grid = "\"grid\": {\"fast\": {\"values\": [5, 10, 15]}, \"slow\": {\"values\": [20, 30]}}, ";
        assertThat(GridTemplate.parse(sma(grid + "\"constraints\": [\"fast >= 10\"]")).expand().evaluated()).isEqualTo(4);
        assertThat(GridTemplate.parse(sma(grid + "\"constraints\": [\"fast > 10\"]")).expand().evaluated()).isEqualTo(2);
        assertThat(GridTemplate.parse(sma(grid + "\"constraints\": [\"fast <= 10\", \"slow != 30\"]")).expand()
                .skipped()).extracting(GridExpansion.Skipped::detail, GridExpansion.Skipped::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("slow != 30", 2),
                        org.assertj.core.groups.Tuple.tuple("fast <= 10", 2));
        GridTemplate t = GridTemplate.parse(sma(grid + "\"constraints\": [\" slow<30.5\", \"fast > -1e3\"]"));
        assertThat(t.constraints()).extracting(GridConstraint::text).containsExactly("slow<30.5", "fast > -1e3");
        assertThat(t.expand().evaluated()).isEqualTo(6);
    }

    @Test
    void decimalStepsAreExactAndAStepMayStopShortOfTo() {
        GridTemplate t = GridTemplate.parse("""
                {"name": "stops", "timeframes": {"primary": "1m"},
                 "entry_rules": {"long": {"conditions": [{"indicator": "rsi", "params": {"period": "${period}"},
                                                          "comparison": "less_than", "value": "${level}"}]}},
                 "exit_rules": {"long": {"stop_loss": "${stop}"}},
                 "grid": {"stop": {"from": 0.1, "to": 0.5, "step": 0.1}, "period": {"from": 5, "to": 10, "step": 2},
                          "level": {"values": [30, 27.5]}}}
                """);
        assertThat(t.params().get(0).values()).extracting(BigDecimal::toPlainString)
                .containsExactly("0.1", "0.2", "0.3", "0.4", "0.5");
        assertThat(t.params().get(1).values()).extracting(BigDecimal::intValue).containsExactly(5, 7, 9);
        GridExpansion e = t.expand();
        assertThat(e.evaluated()).isEqualTo(5 * 3 * 2);
        GridPoint p = e.points().get(2 * 6 + 1);
        assertThat(p.label()).isEqualTo("stop=0.3 period=5 level=27.5");
        assertThat(p.params()).containsExactly(Map.entry("stop", 0.3), Map.entry("period", 5.0),
                Map.entry("level", 27.5));
        assertThat(p.strategy().longExit().stopLoss()).isEqualTo(0.3);
        assertThat(p.strategy().name()).isEqualTo("stops stop=0.3 period=5 level=27.5");
    }

    @Test
    void combinationsThatGiveAnEarlierStrategyAreSkippedAsDuplicates() {
        // Conditions of a group are sorted in the canonical form: (a=5, b=10) and (a=10, b=5) are one strategy.
        GridExpansion e = GridTemplate.parse("""
                {"name": "two-smas", "timeframes": {"primary": "1m"},
                 "entry_rules": {"long": {"operator": "OR", "conditions": [
                   {"price": "close", "comparison": "crosses_above", "operand": {"indicator": "sma", "params": {"period": "${a}"}}},
                   {"price": "close", "comparison": "crosses_above", "operand": {"indicator": "sma", "params": {"period": "${b}"}}}]}},
                 "grid": {"a": {"values": [5, 10]}, "b": {"values": [5, 10]}},
                 "constraints": ["a != b"]}
                """).expand();
        assertThat(e.combinations()).isEqualTo(4);
        assertThat(e.points()).extracting(GridPoint::label).containsExactly("a=5 b=10");
        assertThat(e.skipped()).containsExactly(
                new GridExpansion.Skipped(GridExpansion.Reason.CONSTRAINT, "a != b", 2, "a=5 b=5"),
                new GridExpansion.Skipped(GridExpansion.Reason.DUPLICATE, "", 1, "a=10 b=5 = a=5 b=10"));
    }

    @Test
    void templateErrorsNameThePathAndTheFix() {
        String grid = "\"grid\": {\"fast\": {\"from\": 5, \"to\": 19}, \"slow\": {\"from\": 20, \"to\": 49}}";
        assertError(sma(grid).replace("${fast}\", \"slow", "${fsat}\", \"slow"),
                "entry_rules.long.conditions[0].params.fast: the placeholder \"${fsat}\" has no entry in grid "
                        + "(which has fast, slow); add \"fsat\" to grid or correct the name");
        assertError(sma(grid.replace("}}", "}, \"stop\": {\"values\": [1, 2]}}")),
                "grid.stop: is not used: no value of the strategy is \"${stop}\"");
        assertError(sma(grid).replace("\"${fast}\", \"slow\": \"${slow}\"}, \"comparison\": \"crosses_above",
                        "\"x${fast}\", \"slow\": \"${slow}\"}, \"comparison\": \"crosses_above"),
                "entry_rules.long.conditions[0].params.fast: the placeholder must be the whole value");
        assertError(sma("\"grid\": {\"fast\": {\"from\": 1, \"to\": 1000}, \"slow\": {\"from\": 1, \"to\": 1000}}"),
                "grid: has fast 1000 x slow 1000 = 1000000 combinations, more than the limit of 100000");
        assertError(sma("\"grid\": {\"fast\": {\"from\": 1, \"to\": 2, \"step\": 0.000001}, \"slow\": {\"values\": [9]}}"),
                "grid.fast: has over 100000 values");
        assertError(sma(grid + ", \"constraints\": [\"fast << slow\"]"),
                "constraints[0]: 'fast << slow' is not a constraint; write <parameter> <op> <parameter or number>");
        assertError(sma(grid + ", \"constraints\": [\"fast < sloww\"]"),
                "constraints[0]: 'sloww' is not a grid parameter; the parameters are fast, slow");
        assertError(sma(grid + ", \"constraints\": [\"import os\"]"), "constraints[0]: 'import os' is not a constraint");
        assertError(sma(grid + ", \"constraints\": \"fast < slow\""), "constraints: must be an array of strings");
        assertError(sma(""), "grid: is required: a template names its parameters");
        assertError(sma(grid.replace("\"to\": 19}", "\"to\": 19, \"step\": 0}")), "grid.fast: step must be > 0, got 0");
        assertError(sma(grid.replace("\"to\": 19}", "\"to\": 1}")), "grid.fast: to (1) must be >= from (5); swap them");
        assertError(sma(grid.replace("{\"from\": 5, \"to\": 19}", "{\"values\": [5, 6, 5.0]}")),
                "grid.fast: lists 5 twice; list each value once");
        assertError(sma(grid.replace("{\"from\": 5, \"to\": 19}", "{\"values\": []}")), "grid.fast: has no values");
        assertError(sma(grid.replace("{\"from\": 5, \"to\": 19}", "{\"values\": [5, \"6\"]}")),
                "grid.fast.values[1]: must be a number, got a string (\"6\")");
        assertError(sma(grid.replace("\"to\": 19}", "\"to\": 19, \"values\": [1]}")),
                "grid.fast: gives both values and from/to/step; give one of them");
        assertError(sma(grid.replace("\"to\": 19}", "\"to\": 19, \"stpe\": 2}")),
                "grid.fast: unknown field 'stpe'; a grid parameter has from, to, step or values");
        assertError(sma(grid.replace("\"to\": 19}", "\"too\": 19}")), "grid.fast: unknown field 'too'");
        assertError(sma(grid.replace("\"from\": 5, ", "")), "grid.fast.from: is required");
        assertError(sma("\"grid\": {}"), "grid: must be an object with at least one parameter, got an object");
        assertError(sma("\"grid\": {\"fast-ma\": {\"values\": [5]}}"), "grid.fast-ma: 'fast-ma' is not a parameter name");
        assertError(sma(grid).replace("\"sma-cross-grid\"", "\"${fast}\""), "name: cannot hold a placeholder");
        assertError(sma(grid).replace("\"name\": \"sma-cross-grid\", ", ""), "name: is required; give the template a name");
        assertError(sma(grid).replace("\"version\": 1,", "\"version\": 1, \"version\": 2,"),
                "the JSON is malformed at line 1, column ");
        assertError("[1, 2]", "a grid template must be a JSON object");
        assertError(sma(grid) + "}", "the JSON is malformed");
    }

    @Test
    void aTemplateWithNothingLeftToEvaluateIsAnError() {
        assertError(sma("\"grid\": {\"fast\": {\"from\": 30, \"to\": 35}, \"slow\": {\"from\": 20, \"to\": 25}}"),
                "entry_rules.long.conditions[0].params: every one of the 36 combinations is skipped: 36 invalid "
                        + "strategy at entry_rules.long.conditions[0].params (first: fast=30 slow=20: fast (30) must be "
                        + "less than slow (20) for sma_cross); change the grid, the constraints or the template");
        assertError(sma("\"grid\": {\"fast\": {\"values\": [5]}, \"slow\": {\"values\": [20]}}, "
                        + "\"constraints\": [\"fast > slow\"]"),
                "constraints: every one of the 1 combinations is skipped: 1 constraint 'fast > slow' fails (first: "
                        + "fast=5 slow=20)");
        assertError(sma("\"grid\": {\"fast\": {\"values\": [5]}, \"slow\": {\"values\": [20]}}")
                        .replace("crosses_above", "crosses_upwards"),
                "every one of the 1 combinations is skipped: 1 invalid strategy at entry_rules.long.conditions[0]"
                        + ".comparison (first: fast=5 slow=20: unknown comparison \"crosses_upwards\"");
    }

    @Test
    void errorsOfAFileNameTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad-grid.json");
        Files.writeString(file, sma("\"grid\": {\"fast\": {\"from\": 5, \"to\": 19}}"));
        assertThatThrownBy(() -> GridTemplate.read(file)).isInstanceOf(InvalidStrategyException.class)
                .hasMessage(file + ": entry_rules.long.conditions[0].params.slow: the placeholder \"${slow}\" has no "
                        + "entry in grid (which has fast); add \"slow\" to grid or correct the name")
                .satisfies(e -> assertThat(((InvalidStrategyException) e).source()).isEqualTo(file.toString()));

        Path none = dir.resolve("none-left.json");
        Files.writeString(none, sma("\"grid\": {\"fast\": {\"values\": [50]}, \"slow\": {\"values\": [20]}}"));
        GridTemplate t = GridTemplate.read(none);
        assertThat(t.source()).isEqualTo(none.toString());
        assertThatThrownBy(t::expand).hasMessageStartingWith(none + ": entry_rules.long.conditions[0].params: every "
                + "one of the 1 combinations is skipped");
    }

    @Test
    void constraintGrammarIsFixed() {
        List<String> params = List.of("fast", "slow");
        GridConstraint c = GridConstraint.parse("  fast<=slow ", params);
        assertThat(c).isEqualTo(new GridConstraint("fast<=slow", "fast", GridConstraint.Op.LE, "slow", null));
        assertThat(GridConstraint.parse("slow > -2.5e1", params).rightNumber()).isEqualByComparingTo("-25");
        assertThat(c.test(Map.of("fast", BigDecimal.ONE, "slow", BigDecimal.ONE))).isTrue();
        assertThat(c.test(Map.of("fast", BigDecimal.TEN, "slow", BigDecimal.ONE))).isFalse();
        for (String bad : List.of("fast", "fast < ", "5 < fast", "fast == slow", "fast < slow && slow < 60",
                "fast < slow()", "fast < 1e99999", "fast = slow")) {
            assertThatThrownBy(() -> GridConstraint.parse(bad, params)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a constraint");
        }
    }

    private static void assertError(String template, String message) {
        assertThatThrownBy(() -> GridTemplate.parse(template).expand()).isInstanceOf(InvalidStrategyException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}

package dev.massbt.strategies.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.massbt.strategies.indicator.IndicatorType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per kind of bad input: each asserts the JSON path and the problem of the
 * message. JSON is written with ' for " to keep it readable.
 */
class StrategyJsonErrorsTest {

    /** The JSON of a long-only strategy on 1h (secondary 4h) with these entry conditions. */
    static String withEntry(String conditions) {
        return json("{'name': 't', 'timeframes': {'primary': '1h', 'secondary': ['4h']}, "
                + "'entry_rules': {'long': {'conditions': [" + conditions + "]}}}");
    }

    /** As {@link #withEntry} with an RSI entry, plus this long exit. */
    static String withLongExit(String exit) {
        return json("{'name': 't', 'timeframes': {'primary': '1h'}, 'entry_rules': {'long': {'conditions': "
                + "[{'indicator': 'rsi', 'params': {'period': 14}, 'comparison': 'less_than', 'value': 30}]}}, "
                + "'exit_rules': {'long': " + exit + "}}");
    }

    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    static final String RSI_14 = "{'indicator': 'rsi', 'params': {'period': 14}, 'comparison': 'greater_than', 'value': 50}";

    private static void assertRejected(String json, String path, String problem) {
        assertThatThrownBy(() -> StrategyJson.parse(json))
                .isInstanceOf(InvalidStrategyException.class)
                .hasMessageContaining(path.isEmpty() ? problem : path + ": " + problem)
                .satisfies(e -> assertThat(((InvalidStrategyException) e).path()).isEqualTo(path));
    }

    @Nested
    class Syntax {

        @Test
        void malformedJsonNamesLineAndColumn() {
            String json = json("{'name': 't',\n 'timeframes': {'primary': '1h'} 'entry_rules': {}}");

            assertRejected(json, "", "the JSON is malformed at line 2, column 34: Unexpected character");
        }

        @Test
        void truncatedJsonIsMalformed() {
            assertThatThrownBy(() -> StrategyJson.parse(withEntry(RSI_14).substring(0, 60)))
                    .hasMessageContaining("the JSON is malformed at line 1");
        }

        @Test
        void nanAndInfinityLiteralsAreNotJson() {
            assertThatThrownBy(() -> StrategyJson.parse(withEntry(
                    "{'indicator': 'rsi', 'params': {'period': 14}, 'comparison': 'greater_than', 'value': NaN}")))
                    .hasMessageContaining("the JSON is malformed at line 1");
        }

        @Test
        void numberOverflowingToInfinity() {
            assertRejected(withEntry("{'indicator': 'rsi', 'params': {'period': 1e400}, 'comparison': 'greater_than', 'value': 5}"),
                    "entry_rules.long.conditions[0].params.period", "the number \"1e400\" is out of range for a double");
        }

        @Test
        void emptyInput() {
            assertRejected("  \n ", "", "the input is empty");
        }

        @Test
        void contentAfterTheStrategy() {
            assertRejected(withEntry(RSI_14) + " {}", "", "unexpected content after the end of the JSON value at line 1");
        }

        @Test
        void rootThatIsNotAnObject() {
            assertRejected("[1, 2]", "", "must be an object holding a strategy");
        }

        @Test
        void duplicateField() {
            assertRejected(json("{'name': 'a', 'name': 'b'}"), "name", "the field 'name' is given twice");
        }
    }

    @Nested
    class Shape {

        @Test
        void unknownFieldIsNamedWithASuggestionAndTheKnownFields() {
            assertRejected(withEntry("{'indicator': 'rsi', 'params': {'period': 14}, 'comparision': 'greater_than', 'value': 50}"),
                    "entry_rules.long.conditions[0].comparision",
                    "unknown field 'comparision' (did you mean 'comparison'?); the fields of an indicator condition are "
                            + "indicator, params, output, timeframe, comparison, value, operand");
        }

        @Test
        void unknownTopLevelField() {
            assertRejected(json("{'name': 't', 'timeframe': {'primary': '1h'}}"), "timeframe",
                    "unknown field 'timeframe' (did you mean 'timeframes'?); the fields of a strategy are name, version, "
                            + "timeframes, entry_rules, exit_rules");
        }

        @Test
        void stringWhereANumberIsExpected() {
            assertRejected(withEntry("{'indicator': 'rsi', 'params': {'period': '14'}, 'comparison': 'greater_than', 'value': 50}"),
                    "entry_rules.long.conditions[0].params.period", "must be a number, got a string (\"14\")");
        }

        @Test
        void numberWhereAStringIsExpected() {
            assertRejected(json("{'name': 7}"), "name", "must be a string, got a number (7)");
        }

        @Test
        void nameIsRequired() {
            assertRejected(json("{'timeframes': {'primary': '1h'}}"), "name", "is required");
        }

        @Test
        void emptyName() {
            assertRejected(withEntry(RSI_14).replace("\"t\"", "\"\""), "name",
                    "must be 1..200 printable characters, got a blank name");
        }

        @Test
        void primaryTimeframeIsRequired() {
            assertRejected(json("{'name': 't', 'timeframes': {'secondary': ['4h']}}"), "timeframes.primary",
                    "is required; the timeframe the strategy trades on, one of 1m, 5m, 15m, 30m, 1h, 4h, 1d");
        }

        @Test
        void unknownTimeframe() {
            assertRejected(json("{'name': 't', 'timeframes': {'primary': '2h'}}"), "timeframes.primary",
                    "unknown timeframe \"2h\" (did you mean '1h'?); use one of 1m, 5m, 15m, 30m, 1h, 4h, 1d");
        }

        @Test
        void versionMustBeAWholeNumber() {
            assertRejected(withEntry(RSI_14).replace("{\"name\"", "{\"version\": 1.5, \"name\""), "version",
                    "must be a whole number >= 1, got 1.5");
        }
    }

    @Nested
    class Conditions {

        @Test
        void unknownIndicatorListsTheKnownOnes() {
            assertRejected(withEntry("{'indicator': 'rsx', 'params': {'period': 14}, 'comparison': 'greater_than', 'value': 50}"),
                    "entry_rules.long.conditions[0].indicator",
                    "unknown indicator \"rsx\" (did you mean 'rsi'?); use one of " + IndicatorType.keysText());
        }

        @Test
        void unknownComparisonListsTheKnownOnes() {
            assertRejected(withEntry("{'indicator': 'rsi', 'params': {'period': 14}, 'comparison': 'above', 'value': 50}"),
                    "entry_rules.long.conditions[0].comparison",
                    "unknown comparison \"above\"; use one of " + Comparison.keysText());
        }

        @Test
        void comparisonIsRequired() {
            assertRejected(withEntry("{'indicator': 'rsi', 'params': {'period': 14}, 'value': 50}"),
                    "entry_rules.long.conditions[0].comparison", "is required; one of " + Comparison.keysText());
        }

        @Test
        void periodZero() {
            assertRejected(withEntry(RSI_14 + ", {'indicator': 'rsi', 'params': {'period': 0}, 'comparison': 'greater_than', 'value': 50}"),
                    "entry_rules.long.conditions[1].params.period", "must be a whole number 2..500 for rsi, got 0");
        }

        @Test
        void periodOfABillion() {
            assertRejected(withEntry("{'indicator': 'rsi', 'params': {'period': 1e9}, 'comparison': 'greater_than', 'value': 50}"),
                    "entry_rules.long.conditions[0].params.period",
                    "must be a whole number 2..500 for rsi, got 1000000000");
        }

        @Test
        void fractionalPeriod() {
            assertRejected(withEntry("{'indicator': 'rsi', 'params': {'period': 14.5}, 'comparison': 'greater_than', 'value': 50}"),
                    "entry_rules.long.conditions[0].params.period", "must be a whole number 2..500 for rsi, got 14.5");
        }

        @Test
        void wholePeriodWrittenAsDecimalIsFine() {
            Strategy s = StrategyJson.parse(withEntry(
                    "{'indicator': 'rsi', 'params': {'period': 14.0}, 'comparison': 'greater_than', 'value': 50}"));

            assertThat(((IndicatorRef) s.longEntry().conditions().get(0).left()).params()).containsExactly(14.0);
        }

        @Test
        void fastNotBelowSlow() {
            assertRejected(withEntry("{'indicator': 'sma_cross', 'params': {'fast': 30, 'slow': 10}, 'comparison': 'crosses_above'}"),
                    "entry_rules.long.conditions[0].params", "fast (30) must be less than slow (10) for sma_cross");
        }

        @Test
        void missingParameterListsItWithItsRange() {
            assertRejected(withEntry("{'indicator': 'sma_cross', 'params': {'fast': 10}, 'comparison': 'crosses_above'}"),
                    "entry_rules.long.conditions[0].params",
                    "missing slow (a whole number 3..500) for sma_cross; every parameter is required");
        }

        @Test
        void missingParamsObject() {
            assertRejected(withEntry("{'indicator': 'bollinger', 'comparison': 'greater_than', 'value': 0.5, 'output': 'percent_b'}"),
                    "entry_rules.long.conditions[0].params",
                    "is required; bollinger takes period (a whole number 2..500), stddev (a number 0.5..5.0)");
        }

        @Test
        void unknownParameterListsTheValidOnes() {
            assertRejected(withEntry("{'indicator': 'rsi', 'params': {'length': 14}, 'comparison': 'greater_than', 'value': 50}"),
                    "entry_rules.long.conditions[0].params.length",
                    "unknown parameter 'length' for rsi; its parameters are period (a whole number 2..500)");
        }

        @Test
        void unknownOutput() {
            assertRejected(withEntry("{'indicator': 'macd', 'params': {'fast': 12, 'slow': 26, 'signal': 9}, "
                            + "'output': 'hist', 'comparison': 'greater_than'}"),
                    "entry_rules.long.conditions[0].output",
                    "'hist' is not an output of macd; use one of [line, signal, histogram]");
        }

        @Test
        void rsiValueOutOfItsRange() {
            assertRejected(withEntry("{'indicator': 'rsi', 'params': {'period': 14}, 'comparison': 'greater_than', 'value': 150}"),
                    "entry_rules.long.conditions[0].value",
                    "rsi value lies in 0..100, so comparing it with 150 is constant; use a value in that range");
        }

        @Test
        void rsiComparedWithClose() {
            assertRejected(withEntry("{'indicator': 'rsi', 'params': {'period': 14}, 'comparison': 'greater_than', "
                            + "'operand': {'price': 'close'}}"),
                    "entry_rules.long.conditions[0].operand",
                    "rsi value (an oscillator) cannot be compared with close (price units)");
        }

        @Test
        void bothValueAndOperand() {
            assertRejected(withEntry("{'price': 'close', 'comparison': 'greater_than', 'value': 3, "
                            + "'operand': {'indicator': 'sma', 'params': {'period': 20}}}"),
                    "entry_rules.long.conditions[0]", "has both 'value' and 'operand'; compare with one of them");
        }

        @Test
        void neitherValueNorOperandOnABoundedIndicator() {
            assertRejected(withEntry("{'indicator': 'rsi', 'params': {'period': 14}, 'comparison': 'greater_than'}"),
                    "entry_rules.long.conditions[0]", "needs 'value' or 'operand' to compare rsi value with");
        }

        @Test
        void neitherValueNorOperandOnAZeroCentredIndicatorMeansZero() {
            Strategy s = StrategyJson.parse(withEntry("{'indicator': 'roc', 'params': {'period': 9}, 'comparison': 'crosses_below'}"));

            assertThat(s.longEntry().conditions().get(0).right()).isEqualTo(new Constant(0));
        }

        @Test
        void noLeftOperand() {
            assertRejected(withEntry("{'comparison': 'greater_than', 'value': 3}"), "entry_rules.long.conditions[0]",
                    "needs 'indicator' (with 'params') or 'price' as its left side");
        }

        @Test
        void priceOperandTakesNoTimeframe() {
            assertRejected(withEntry("{'price': 'close', 'timeframe': '4h', 'comparison': 'greater_than', "
                            + "'operand': {'indicator': 'sma', 'params': {'period': 20}}}"),
                    "entry_rules.long.conditions[0].timeframe",
                    "'timeframe' belongs to indicator operands; a price operand reads the bar column of the primary timeframe");
        }

        @Test
        void unknownFieldInAnOperand() {
            assertRejected(withEntry("{'price': 'close', 'comparison': 'greater_than', "
                            + "'operand': {'indicator': 'sma', 'param': {'period': 20}}}"),
                    "entry_rules.long.conditions[0].operand.param",
                    "unknown field 'param' (did you mean 'params'?); the fields of an indicator operand are indicator, "
                            + "params, output, timeframe");
        }

        @Test
        void errorInsideAnOperandHasTheOperandPath() {
            assertRejected(withEntry("{'price': 'close', 'comparison': 'greater_than', "
                            + "'operand': {'indicator': 'sma', 'params': {'period': 1}}}"),
                    "entry_rules.long.conditions[0].operand.params.period",
                    "must be a whole number 2..500 for sma, got 1");
        }

        @Test
        void unknownOperator() {
            assertRejected(json("{'name': 't', 'timeframes': {'primary': '1h'}, 'entry_rules': {'long': "
                            + "{'operator': 'XOR', 'conditions': [" + RSI_14 + "]}}}"),
                    "entry_rules.long.operator", "unknown operator \"XOR\" (did you mean 'OR'?); use one of AND, OR");
        }
    }

    @Nested
    class Limits {

        @Test
        void undeclaredTimeframe() {
            assertRejected(withEntry("{'indicator': 'rsi', 'params': {'period': 14}, 'timeframe': '1d', "
                            + "'comparison': 'greater_than', 'value': 50}"),
                    "entry_rules.long.conditions[0].timeframe",
                    "uses timeframe '1d' which is not declared in timeframes.secondary; add it there or remove the condition");
        }

        @Test
        void secondaryLowerThanPrimary() {
            assertRejected(json("{'name': 't', 'timeframes': {'primary': '1h', 'secondary': ['15m']}, "
                            + "'entry_rules': {'long': {'conditions': [" + RSI_14 + "]}}}"),
                    "timeframes.secondary[0]",
                    "'15m' must be a higher timeframe than the primary '1h' and a whole multiple of it");
        }

        @Test
        void secondaryListingThePrimary() {
            assertRejected(json("{'name': 't', 'timeframes': {'primary': '1h', 'secondary': ['1h']}, "
                            + "'entry_rules': {'long': {'conditions': [" + RSI_14 + "]}}}"),
                    "timeframes.secondary[0]", "'1h' is listed twice (or is the primary)");
        }

        @Test
        void fourTimeframes() {
            assertRejected(json("{'name': 't', 'timeframes': {'primary': '5m', 'secondary': ['15m', '1h', '4h']}, "
                            + "'entry_rules': {'long': {'conditions': [" + RSI_14 + "]}}}"),
                    "timeframes.secondary", "a strategy may use at most 3 timeframes (primary included), got 4");
        }

        @Test
        void sixIndicators() {
            String six = IntStream.rangeClosed(10, 15)
                    .mapToObj(p -> "{'indicator': 'rsi', 'params': {'period': " + p + "}, 'comparison': 'greater_than', 'value': 50}")
                    .collect(Collectors.joining(", "));

            assertRejected(withEntry(six), "entry_rules.long.conditions[5].indicator",
                    "a strategy may use at most 5 distinct indicators (type, params, timeframe), this is the 6th: rsi(15)");
        }

        @Test
        void elevenConditionsInOneGroupAreRejectedBeforeBuildingThem() {
            String eleven = IntStream.range(0, 11).mapToObj(i -> "{'bogus': " + i + "}").collect(Collectors.joining(", "));

            assertRejected(withEntry(eleven), "entry_rules.long.conditions",
                    "has 11 elements, but a strategy may have at most 10 conditions in all");
        }

        @Test
        void elevenConditionsAcrossGroups() {
            String six = IntStream.range(0, 6)
                    .mapToObj(v -> "{'indicator': 'rsi', 'params': {'period': 14}, 'comparison': 'greater_than', 'value': " + (50 + v) + "}")
                    .collect(Collectors.joining(", "));
            String five = IntStream.range(0, 5)
                    .mapToObj(v -> "{'indicator': 'rsi', 'params': {'period': 14}, 'comparison': 'less_than', 'value': " + (40 - v) + "}")
                    .collect(Collectors.joining(", "));

            assertRejected(json("{'name': 't', 'timeframes': {'primary': '1h'}, 'entry_rules': {'long': {'conditions': ["
                            + six + "]}}, 'exit_rules': {'long': {'operator': 'OR', 'conditions': [" + five + "]}}}"),
                    "exit_rules.long.conditions[4]", "a strategy may have at most 10 conditions in all; remove some");
        }

        @Test
        void complexityAbove100() {
            // Each condition scores 1 + 3 (macd) + 3 (macd) + 1 (cross) + 2 (two secondary timeframes) = 10.
            String macdCross = "{'indicator': 'macd', 'params': {'fast': 12, 'slow': 26, 'signal': 9}, 'output': 'line', "
                    + "'timeframe': '4h', 'comparison': 'crosses_above', 'operand': {'indicator': 'macd', "
                    + "'params': {'fast': 12, 'slow': 26, 'signal': 9}, 'output': 'signal', 'timeframe': '1d'}}";
            String five = String.join(", ", java.util.Collections.nCopies(5, macdCross));
            String json = json("{'name': 't', 'timeframes': {'primary': '1h', 'secondary': ['4h', '1d']}, "
                    + "'entry_rules': {'long': {'conditions': [" + five + "]}, 'short': {'conditions': [" + five + "]}}, "
                    + "'exit_rules': {'long': {'stop_loss': 2}}}");

            assertRejected(json, "", "complexity score 101 exceeds 100; use fewer conditions, simpler indicators "
                    + "or fewer secondary timeframes");
        }
    }

    @Nested
    class Rules {

        @Test
        void noEntryRules() {
            assertRejected(json("{'name': 't', 'timeframes': {'primary': '1h'}}"), "entry_rules",
                    "is required; give a 'long' or a 'short' rule group");
        }

        @Test
        void emptyEntryRules() {
            assertRejected(json("{'name': 't', 'timeframes': {'primary': '1h'}, 'entry_rules': {}}"), "entry_rules",
                    "needs a 'long' or a 'short' rule group; without an entry the strategy never trades");
        }

        @Test
        void entryWithoutConditions() {
            assertRejected(json("{'name': 't', 'timeframes': {'primary': '1h'}, 'entry_rules': {'long': {'conditions': []}}}"),
                    "entry_rules.long.conditions", "an entry needs at least one condition");
        }

        @Test
        void exitWithoutEntry() {
            assertRejected(json("{'name': 't', 'timeframes': {'primary': '1h'}, 'entry_rules': {'long': {'conditions': ["
                            + RSI_14 + "]}}, 'exit_rules': {'short': {'stop_loss': 2}}}"),
                    "exit_rules.short", "there is no entry_rules.short to exit from; remove it or add the entry");
        }

        @Test
        void exitWithNothingInIt() {
            assertRejected(withLongExit("{'operator': 'OR'}"), "exit_rules.long",
                    "an exit needs at least one condition, stop_loss, take_profit or max_bars");
        }

        @Test
        void stopLossConditionInAnAndGroup() {
            assertRejected(withLongExit("{'operator': 'AND', 'conditions': [{'indicator': 'rsi', 'params': {'period': 14}, "
                            + "'comparison': 'greater_than', 'value': 70}, {'type': 'stop_loss', 'value': 2}]}"),
                    "exit_rules.long.conditions[1]",
                    "a stop_loss condition is a protective exit that always acts on its own, so it cannot be AND-ed "
                            + "with other conditions; set \"operator\": \"OR\", or give it as the field \"stop_loss\"");
        }

        @Test
        void stopLossConditionInAnAndGroupByDefault() {
            assertRejected(withLongExit("{'conditions': [{'type': 'take_profit', 'value': 4}, {'indicator': 'rsi', "
                            + "'params': {'period': 14}, 'comparison': 'greater_than', 'value': 70}]}"),
                    "exit_rules.long.conditions[0]", "a take_profit condition is a protective exit");
        }

        @Test
        void riskConditionsAloneMayBeInAnAndGroup() {
            Strategy s = StrategyJson.parse(withLongExit("{'conditions': [{'type': 'stop_loss', 'value': 2}, "
                    + "{'type': 'max_bars', 'value': 24}]}"));

            assertThat(s.longExit()).isEqualTo(new ExitRule(new RuleGroup(Operator.OR, java.util.List.of()), 2, 0, 24));
        }

        @Test
        void stopLossGivenTwice() {
            assertRejected(withLongExit("{'stop_loss': 2, 'operator': 'OR', 'conditions': [{'type': 'stop_loss', 'value': 3}]}"),
                    "exit_rules.long.conditions[0]", "stop_loss is given twice (also at exit_rules.long.stop_loss); keep one");
        }

        @Test
        void stopLossConditionGivenTwice() {
            assertRejected(withLongExit("{'operator': 'OR', 'conditions': [{'type': 'stop_loss', 'value': 2}, "
                            + "{'type': 'stop_loss', 'value': 3}]}"),
                    "exit_rules.long.conditions[1]",
                    "stop_loss is given twice (also at exit_rules.long.conditions[0]); keep one");
        }

        @Test
        void stopLossOutOfRange() {
            assertRejected(withLongExit("{'conditions': [{'type': 'stop_loss', 'value': 150}]}"),
                    "exit_rules.long.conditions[0].value", "must be a percent in 0.01..100, got 150");
        }

        @Test
        void stopLossZero() {
            assertRejected(withLongExit("{'stop_loss': 0}"), "exit_rules.long.stop_loss",
                    "must be a percent in 0.01..100, got 0; to have no stop_loss, leave it out");
        }

        @Test
        void fractionalMaxBars() {
            assertRejected(withLongExit("{'max_bars': 10.5}"), "exit_rules.long.max_bars",
                    "must be a whole number of bars 1..1000000, got 10.5");
        }

        @Test
        void unknownRiskType() {
            assertRejected(withLongExit("{'conditions': [{'type': 'trailing_stop', 'value': 2}]}"),
                    "exit_rules.long.conditions[0].type",
                    "unknown risk exit type \"trailing_stop\"; use one of stop_loss, take_profit, max_bars");
        }

        @Test
        void riskConditionInEntryRules() {
            assertRejected(withEntry(RSI_14 + ", {'type': 'stop_loss', 'value': 2}"), "entry_rules.long.conditions[1]",
                    "a 'stop_loss' condition is a risk exit, which entry rules cannot have; move it to exit_rules.long");
        }

        @Test
        void riskFieldInEntryRules() {
            assertRejected(json("{'name': 't', 'timeframes': {'primary': '1h'}, 'entry_rules': {'short': {'stop_loss': 2, "
                            + "'conditions': [" + RSI_14 + "]}}}"),
                    "entry_rules.short.stop_loss", "stop_loss is an exit, not an entry rule; move it to exit_rules.short");
        }
    }

    @Nested
    class HostileInput {

        @Test
        @Timeout(value = 10, unit = TimeUnit.SECONDS) // a guard against hangs, not a performance assertion
        void deeplyNestedArraysFailWithoutStackOverflow() {
            String deep = "[".repeat(100_000) + "]".repeat(100_000);

            assertRejected(deep, "[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]",
                    "nesting depth exceeds the limit of 32 at line 1, column 34");
        }

        @Test
        @Timeout(value = 10, unit = TimeUnit.SECONDS)
        void deeplyNestedObjectsInsideAStrategy() {
            String deep = "{\"name\": " + "{\"a\": ".repeat(100_000) + "1" + "}".repeat(100_000) + "}";

            assertThatThrownBy(() -> StrategyJson.parse(deep))
                    .hasMessageStartingWith("name.a.a.a")
                    .hasMessageContaining("nesting depth exceeds the limit of 32");
        }

        @Test
        @Timeout(value = 10, unit = TimeUnit.SECONDS)
        void fiveMegabyteDocument() {
            String big = withEntry(RSI_14) + " ".repeat(5 << 20);

            assertRejected(big, "", "the document is " + big.length() + " characters long, more than the limit of 1048576");
        }

        @Test
        @Timeout(value = 10, unit = TimeUnit.SECONDS)
        void fiveMegabyteFileStopsReadingAtTheLimit(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("big.json");
            Files.writeString(file, withEntry(RSI_14) + " ".repeat(5 << 20), StandardCharsets.UTF_8);

            assertThatThrownBy(() -> StrategyJson.parse(file))
                    .isInstanceOf(InvalidStrategyException.class)
                    .hasMessageStartingWith(file + ": ")
                    .hasMessageContaining("document length exceeds the limit of 1048576 at line 1");
        }

        @Test
        @Timeout(value = 10, unit = TimeUnit.SECONDS)
        void fiveMegabyteString() {
            String json = json("{'name': '" + "x".repeat(5 << 20) + "'}");

            assertThatThrownBy(() -> StrategyJson.parseAll("[" + json + "]"))
                    .hasMessageContaining("[0].name: string length exceeds the limit of 10000");
        }

        @Test
        void longFieldName() {
            assertRejected(json("{'" + "n".repeat(300) + "': 1}"), "",
                    "field name length exceeds the limit of 200 at line 1");
        }

        @Test
        void longNumber() {
            assertRejected(withEntry("{'indicator': 'rsi', 'params': {'period': 1" + "0".repeat(200)
                            + "}, 'comparison': 'greater_than', 'value': 50}"),
                    "entry_rules.long.conditions[0].params.period", "number length exceeds the limit of 100");
        }

        @Test
        @Timeout(value = 10, unit = TimeUnit.SECONDS)
        void millionConditionsFailWithoutReadingThemAll() {
            String million = "{}, ".repeat(1_000_000) + "{}";

            // One document: stopped by the document length limit.
            String json = withEntry(million);
            assertRejected(json, "", "the document is " + json.length() + " characters long, more than the limit of 1048576");
            // In a batch, where documents may be larger: stopped by the per-strategy value budget.
            assertThatThrownBy(() -> StrategyJson.parseAll("[" + withEntry(million) + "]"))
                    .isInstanceOf(InvalidStrategyException.class)
                    .hasMessageContaining("[0].entry_rules.long.conditions[1991]: the strategy is too large: it has "
                            + "more than 2000 JSON values");
        }

        @Test
        void oversizedConditionsArrayIsRejectedBeforeAnyConditionIsBuilt() {
            // 100,000 elements anywhere: the reader stops at its value budget, before any mapping.
            String many = "0, ".repeat(99_999) + "0";
            assertThatThrownBy(() -> StrategyJson.parse(withEntry("{'x': [" + many + "]}")))
                    .hasMessageContaining("entry_rules.long.conditions[0].x[1989]: the strategy is too large");
            // 1,000 elements that would each fail as a condition: the count is checked first.
            assertRejected(withEntry("0, ".repeat(999) + "0"), "entry_rules.long.conditions",
                    "has 1000 elements, but a strategy may have at most 10 conditions in all");
        }
    }

    @Test
    void parseAllPrefixesPathsWithTheIndex() {
        String ok = withEntry(RSI_14);
        String bad = withEntry("{'indicator': 'rsi', 'params': {'period': 0}, 'comparison': 'greater_than', 'value': 50}");

        assertThatThrownBy(() -> StrategyJson.parseAll("[" + ok + ", " + ok + ", " + ok + ", " + bad + "]"))
                .isInstanceOf(InvalidStrategyException.class)
                .hasMessage("[3].entry_rules.long.conditions[0].params.period: must be a whole number 2..500 for rsi, got 0");
    }

    @Test
    void parseAllNeedsAnArray() {
        assertThatThrownBy(() -> StrategyJson.parseAll(withEntry(RSI_14)))
                .hasMessageContaining("must be a JSON array of strategies, got an object");
    }

    @Test
    void fileErrorsStartWithTheFileName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rsi.json");
        Files.writeString(file, withEntry("{'indicator': 'rsi', 'params': {'period': 0}, 'comparison': 'greater_than', 'value': 50}"));

        assertThatThrownBy(() -> StrategyJson.parse(file))
                .isInstanceOf(InvalidStrategyException.class)
                .hasMessage(file + ": entry_rules.long.conditions[0].params.period: must be a whole number 2..500 for rsi, got 0")
                .satisfies(e -> assertThat(((InvalidStrategyException) e).source()).isEqualTo(file.toString()));
    }

    @Test
    void malformedFileNamesFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\n  \"name\": \"x\",\n  \"timeframes\": {\"primary\": \"1h\",}\n}");

        assertThatThrownBy(() -> StrategyJson.parse(file))
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining("the JSON is malformed at line 3, column");
    }
}

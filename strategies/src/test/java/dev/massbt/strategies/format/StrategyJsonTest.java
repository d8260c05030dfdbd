package dev.massbt.strategies.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.massbt.strategies.indicator.IndicatorType;
import dev.massbt.strategies.timeframe.Timeframe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The specification's example and the canonical form, field by field. */
class StrategyJsonTest {

    /** Verbatim from the specification. */
    static final String SPEC_EXAMPLE = """
            {
              "name": "sma-rsi-trend",
              "version": 1,
              "timeframes": {"primary": "1h", "secondary": ["4h"]},
              "entry_rules": {
                "long": {
                  "operator": "AND",
                  "conditions": [
                    {"indicator": "sma_cross", "params": {"fast": 10, "slow": 30}, "comparison": "crosses_above"},
                    {"indicator": "rsi", "params": {"period": 14}, "timeframe": "4h", "comparison": "greater_than", "value": 50}
                  ]
                }
              },
              "exit_rules": {
                "long": {
                  "operator": "OR",
                  "conditions": [
                    {"type": "stop_loss", "value": 2.0},
                    {"type": "take_profit", "value": 5.0}
                  ]
                }
              }
            }
            """;

    static final String SPEC_CANONICAL = "{\"entry_rules\":{\"long\":{\"conditions\":["
            + "{\"comparison\":\"crosses_above\",\"indicator\":\"sma_cross\",\"output\":\"value\",\"params\":{\"fast\":10,\"slow\":30},\"value\":0},"
            + "{\"comparison\":\"greater_than\",\"indicator\":\"rsi\",\"output\":\"value\",\"params\":{\"period\":14},\"timeframe\":\"4h\",\"value\":50}"
            + "],\"operator\":\"AND\"}},"
            + "\"exit_rules\":{\"long\":{\"conditions\":[],\"operator\":\"OR\",\"stop_loss\":2,\"take_profit\":5}},"
            + "\"name\":\"sma-rsi-trend\",\"timeframes\":{\"primary\":\"1h\",\"secondary\":[\"4h\"]},\"version\":1}";

    @Test
    void specificationExampleParsesFieldByField() {
        Strategy s = StrategyJson.parse(SPEC_EXAMPLE);

        assertThat(s.name()).isEqualTo("sma-rsi-trend");
        assertThat(s.version()).isEqualTo(1);
        assertThat(s.primary()).isEqualTo(Timeframe.H1);
        assertThat(s.secondary()).containsExactly(Timeframe.H4);

        RuleGroup entry = s.longEntry();
        assertThat(entry.operator()).isEqualTo(Operator.AND);
        assertThat(entry.conditions()).hasSize(2);
        Condition cross = entry.conditions().get(0);
        assertThat(cross.left()).isEqualTo(new IndicatorRef(IndicatorType.SMA_CROSS, List.of(10.0, 30.0), "value", null));
        assertThat(cross.comparison()).isEqualTo(Comparison.CROSSES_ABOVE);
        assertThat(cross.right()).as("no value on a zero-centred output means 0").isEqualTo(new Constant(0));
        Condition rsi = entry.conditions().get(1);
        assertThat(rsi.left()).isEqualTo(new IndicatorRef(IndicatorType.RSI, List.of(14.0), "value", Timeframe.H4));
        assertThat(rsi.comparison()).isEqualTo(Comparison.GREATER_THAN);
        assertThat(rsi.right()).isEqualTo(new Constant(50));

        ExitRule exit = s.longExit();
        assertThat(exit.signal().conditions()).as("risk conditions become ExitRule fields").isEmpty();
        assertThat(exit.signal().operator()).isEqualTo(Operator.OR);
        assertThat(exit.stopLoss()).isEqualTo(2.0);
        assertThat(exit.takeProfit()).isEqualTo(5.0);
        assertThat(exit.maxBars()).isZero();

        assertThat(s.shortEntry()).isNull();
        assertThat(s.shortExit()).isNull();
        assertThat(s.complexity()).isEqualTo(4 + 3 + 2);
    }

    @Test
    void specificationExampleCanonicalForm() {
        Strategy s = StrategyJson.parse(SPEC_EXAMPLE);

        assertThat(StrategyJson.toCanonicalJson(s)).isEqualTo(SPEC_CANONICAL);
        assertThat(StrategyJson.parse(SPEC_CANONICAL)).isEqualTo(s);
    }

    @Test
    void prettyJsonReadsLikeTheSpecification() {
        String pretty = StrategyJson.toPrettyJson(StrategyJson.parse(SPEC_EXAMPLE));

        assertThat(pretty).isEqualTo("""
                {
                  "name": "sma-rsi-trend",
                  "version": 1,
                  "timeframes": {"primary": "1h", "secondary": ["4h"]},
                  "entry_rules": {
                    "long": {
                      "operator": "AND",
                      "conditions": [
                        {"indicator": "sma_cross", "params": {"fast": 10, "slow": 30}, "output": "value", "comparison": "crosses_above", "value": 0},
                        {"indicator": "rsi", "params": {"period": 14}, "output": "value", "timeframe": "4h", "comparison": "greater_than", "value": 50}
                      ]
                    }
                  },
                  "exit_rules": {"long": {"operator": "OR", "conditions": [], "stop_loss": 2, "take_profit": 5}}
                }
                """);
        assertThat(StrategyJson.toCanonicalJson(StrategyJson.parse(pretty))).isEqualTo(SPEC_CANONICAL);
    }

    @Test
    void timeframeEqualToThePrimaryIsThePrimary() {
        Strategy s = StrategyJson.parse(SPEC_EXAMPLE.replace("\"comparison\": \"crosses_above\"",
                "\"timeframe\": \"1h\", \"comparison\": \"crosses_above\""));

        assertThat(((IndicatorRef) s.longEntry().conditions().get(0).left()).timeframe()).isNull();
        assertThat(StrategyJson.toCanonicalJson(s)).isEqualTo(SPEC_CANONICAL);
    }

    @Test
    void defaultsApplyWhenFieldsAreLeftOut() {
        Strategy s = StrategyJson.parse("""
                {"name": "x", "timeframes": {"primary": "15m"},
                 "entry_rules": {"short": {"conditions": [{"price": "close", "comparison": "less_than",
                                                            "operand": {"indicator": "donchian", "params": {"period": 20}, "output": "lower"}}]}}}
                """);

        assertThat(s.version()).isEqualTo(1);
        assertThat(s.secondary()).isEmpty();
        assertThat(s.shortEntry().operator()).isEqualTo(Operator.AND);
        assertThat(s.longEntry()).isNull();
        assertThat(s.longExit()).isNull();
        assertThat(StrategyJson.toCanonicalJson(s)).isEqualTo("{\"entry_rules\":{\"short\":{\"conditions\":["
                + "{\"comparison\":\"less_than\",\"operand\":{\"indicator\":\"donchian\",\"output\":\"lower\",\"params\":{\"period\":20}},"
                + "\"price\":\"close\"}],\"operator\":\"AND\"}},\"name\":\"x\",\"timeframes\":{\"primary\":\"15m\",\"secondary\":[]},"
                + "\"version\":1}");
    }

    @Test
    void operatorIsCaseInsensitiveAndWrittenUpperCase() {
        String or = SPEC_EXAMPLE.replace("\"AND\"", "\"or\"");

        assertThat(StrategyJson.parse(or).longEntry().operator()).isEqualTo(Operator.OR);
        assertThat(StrategyJson.toCanonicalJson(StrategyJson.parse(or))).contains("\"operator\":\"OR\"");
    }

    /** The specification's example with its risk exits as side fields instead of conditions. */
    static String specWithRiskFields() {
        String json = SPEC_EXAMPLE.replaceAll("\"operator\": \"OR\",\\s*\"conditions\": \\[\\s*"
                + "\\{\"type\": \"stop_loss\", \"value\": 2.0},\\s*\\{\"type\": \"take_profit\", \"value\": 5.0}\\s*]",
                "\"take_profit\": 5, \"stop_loss\": 2");
        assertThat(json).doesNotContain("\"type\"").contains("\"stop_loss\": 2");
        return json;
    }

    @Test
    void riskExitsAsFieldsOrAsConditionsReadTheSame() {
        assertThat(StrategyJson.parse(specWithRiskFields())).isEqualTo(StrategyJson.parse(SPEC_EXAMPLE));
    }

    @Test
    void riskExitsBesideSignalConditionsInAnOrGroup() {
        Strategy s = StrategyJson.parse("""
                {"name": "x", "timeframes": {"primary": "1h"},
                 "entry_rules": {"long": {"conditions": [{"indicator": "rsi", "params": {"period": 14}, "comparison": "less_than", "value": 30}]}},
                 "exit_rules": {"long": {"operator": "OR", "max_bars": 48, "conditions": [
                    {"indicator": "rsi", "params": {"period": 14}, "comparison": "greater_than", "value": 70},
                    {"type": "stop_loss", "value": 1.5}]}}}
                """);

        assertThat(s.longExit().signal().conditions()).hasSize(1);
        assertThat(s.longExit().stopLoss()).isEqualTo(1.5);
        assertThat(s.longExit().maxBars()).isEqualTo(48);
        assertThat(StrategyJson.toCanonicalJson(s)).contains(
                "\"exit_rules\":{\"long\":{\"conditions\":[{\"comparison\":\"greater_than\",\"indicator\":\"rsi\","
                        + "\"output\":\"value\",\"params\":{\"period\":14},\"value\":70}],\"max_bars\":48,"
                        + "\"operator\":\"AND\",\"stop_loss\":1.5}}");
    }

    @Test
    void conditionsAreWrittenInCanonicalOrder() {
        String sma = "{\"indicator\": \"sma_cross\", \"params\": {\"fast\": 10, \"slow\": 30}, \"comparison\": \"crosses_above\"}";
        String rsi = "{\"indicator\": \"rsi\", \"params\": {\"period\": 14}, \"timeframe\": \"4h\", "
                + "\"comparison\": \"greater_than\", \"value\": 50}";
        String swapped = SPEC_EXAMPLE.replace(sma, "@SMA@").replace(rsi, sma).replace("@SMA@", rsi);
        assertThat(swapped.indexOf(rsi)).isLessThan(swapped.indexOf(sma));

        Strategy s = StrategyJson.parse(swapped);

        assertThat(s.longEntry().conditions().get(0).comparison()).as("document order is kept in the model")
                .isEqualTo(Comparison.GREATER_THAN);
        assertThat(StrategyJson.toCanonicalJson(s)).isEqualTo(SPEC_CANONICAL);
    }

    @Test
    void groupsWithFewerThanTwoConditionsHaveOneOperatorSpelling() {
        Timeframe h1 = Timeframe.H1;
        Condition rsi = Condition.of(IndicatorRef.of(IndicatorType.RSI, 14), Comparison.LESS_THAN, 30);
        Strategy and = new Strategy("x", 1, h1, List.of(), RuleGroup.and(rsi), null, ExitRule.risk(2, 0), null);
        Strategy or = new Strategy("x", 1, h1, List.of(), RuleGroup.or(rsi), null,
                new ExitRule(RuleGroup.and(), 2, 0, 0), null);

        assertThat(StrategyJson.toCanonicalJson(or)).isEqualTo(StrategyJson.toCanonicalJson(and));
        assertThat(StrategyJson.parse(StrategyJson.toCanonicalJson(or)).longEntry().operator()).isEqualTo(Operator.AND);
        assertThat(StrategyJson.parse(StrategyJson.toCanonicalJson(or)).longExit().signal().operator())
                .as("an empty group never fires, as ExitRule.risk").isEqualTo(Operator.OR);
    }

    @Test
    void numbersAreWrittenWithoutNoise() {
        Operand close = new PriceRef(PriceField.CLOSE);
        Strategy s = new Strategy("n", 1, Timeframe.H1, List.of(), RuleGroup.or(
                Condition.of(close, Comparison.GREATER_THAN, 1e-7),
                Condition.of(close, Comparison.GREATER_THAN, 1e20),
                Condition.of(close, Comparison.GREATER_THAN, 0.1),
                Condition.of(close, Comparison.GREATER_THAN, -0.0),
                Condition.of(close, Comparison.GREATER_THAN, 2.5),
                Condition.of(close, Comparison.GREATER_THAN, 1234567.25)), null, null, null);

        String canonical = StrategyJson.toCanonicalJson(s);

        assertThat(canonical).contains("\"value\":1.0E-7}", "\"value\":1.0E20}", "\"value\":0.1}", "\"value\":0}",
                "\"value\":2.5}", "\"value\":1234567.25}");
        assertThat(StrategyJson.toCanonicalJson(StrategyJson.parse(canonical))).isEqualTo(canonical);
    }

    @Test
    void namesWithQuotesBackslashesAndUnicodeSurvive() {
        String name = "a \"quoted\" \\ name / é ✓ 😀";
        Strategy s = StrategyJson.parse(SPEC_EXAMPLE.replace("sma-rsi-trend", "a \\\"quoted\\\" \\\\ name \\/ \\u00e9 ✓ 😀"));

        assertThat(s.name()).isEqualTo(name);
        assertThat(StrategyJson.toCanonicalJson(s)).contains("\"name\":\"a \\\"quoted\\\" \\\\ name / é ✓ 😀\"");
        assertThat(StrategyJson.parse(StrategyJson.toCanonicalJson(s)).name()).isEqualTo(name);
    }

    @Test
    void parseAllReadsAnArrayInOrder() {
        List<Strategy> all = StrategyJson.parseAll("[" + SPEC_EXAMPLE + ", " + SPEC_CANONICAL.replace("sma-rsi-trend", "b") + "]");

        assertThat(all).extracting(Strategy::name).containsExactly("sma-rsi-trend", "b");
        assertThat(StrategyJson.parseAll(" [ ] ")).isEmpty();
    }

    @Test
    void parseReadsAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("spec.json");
        Files.writeString(file, SPEC_EXAMPLE);

        assertThat(StrategyJson.parse(file)).isEqualTo(StrategyJson.parse(SPEC_EXAMPLE));
    }
}

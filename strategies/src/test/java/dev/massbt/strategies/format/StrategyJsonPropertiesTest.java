package dev.massbt.strategies.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.massbt.strategies.indicator.IndicatorType;
import dev.massbt.strategies.indicator.ValueScale;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The laws of the canonical form: it is a fixed point of parse-then-write, and every
 * spelling of the same strategy (key order, whitespace, condition order, 14 or 14.0,
 * risk exits as fields or as conditions, defaults written or left out) has the same id.
 */
class StrategyJsonPropertiesTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Provide
    Arbitrary<Strategy> strategies() {
        return RandomStrategies.strategies();
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Property(tries = 1000)
    void canonicalJsonIsAFixedPointOfParsing(@ForAll("strategies") Strategy strategy) {
        String canonical = StrategyJson.toCanonicalJson(strategy);

        Strategy reread = StrategyJson.parse(canonical);

        assertThat(StrategyJson.toCanonicalJson(reread)).isEqualTo(canonical);
        assertThat(StrategyId.of(reread)).isEqualTo(StrategyId.of(strategy));
        // Parsing normalises, so the model read back is itself in canonical shape.
        assertThat(StrategyJson.parse(StrategyJson.toCanonicalJson(reread))).isEqualTo(reread);
    }

    @Property(tries = 300)
    void prettyJsonMeansTheSameAsCanonical(@ForAll("strategies") Strategy strategy) {
        String pretty = StrategyJson.toPrettyJson(strategy);

        assertThat(StrategyJson.toCanonicalJson(StrategyJson.parse(pretty)))
                .isEqualTo(StrategyJson.toCanonicalJson(strategy));
    }

    @Property(tries = 1000)
    void anotherSpellingOfTheSameStrategyHasTheSameId(@ForAll("strategies") Strategy strategy,
                                                     @ForAll("seeds") long seed) throws JsonProcessingException {
        String respelled = respell(StrategyJson.toCanonicalJson(strategy), strategy, new Random(seed));

        Strategy reread = StrategyJson.parse(respelled);

        assertThat(StrategyId.of(reread)).as(respelled).isEqualTo(StrategyId.of(strategy));
    }

    // ---- a random respelling of canonical JSON that keeps its meaning -----------------

    static String respell(String canonical, Strategy strategy, Random r) throws JsonProcessingException {
        ObjectNode root = (ObjectNode) JACKSON.readTree(canonical);
        if (root.get("version").asInt() == 1 && r.nextBoolean()) {
            root.remove("version");
        }
        ObjectNode tfs = (ObjectNode) root.get("timeframes");
        if (tfs.get("secondary").isEmpty() && r.nextBoolean()) {
            tfs.remove("secondary");
        }
        String primary = tfs.get("primary").asText();
        for (String rules : List.of("entry_rules", "exit_rules")) {
            if (root.has(rules)) {
                for (JsonNode group : root.get(rules)) {
                    respellGroup((ObjectNode) group, primary, r);
                }
            }
        }
        JsonNode shuffled = respellNumbersAndOrder(root, r);
        return r.nextBoolean() ? JACKSON.writeValueAsString(shuffled)
                : JACKSON.writerWithDefaultPrettyPrinter().writeValueAsString(shuffled);
    }

    private static void respellGroup(ObjectNode group, String primary, Random r) {
        ArrayNode conditions = (ArrayNode) group.get("conditions");
        for (JsonNode c : conditions) {
            if (c.has("indicator") && c.has("value") && c.get("value").doubleValue() == 0 && r.nextBoolean()) {
                IndicatorType type = IndicatorType.fromKey(c.get("indicator").asText());
                if (type.output(c.get("output").asText()).scale() == ValueScale.ZERO_CENTERED) {
                    ((ObjectNode) c).remove("value");
                }
            }
            respellOperand((ObjectNode) c, primary, r);
            if (c.has("operand")) {
                respellOperand((ObjectNode) c.get("operand"), primary, r);
            }
        }
        String operator = group.get("operator").asText();
        boolean riskConditionsAllowed = operator.equals("OR") || conditions.isEmpty();
        for (String risk : List.of("stop_loss", "take_profit", "max_bars")) {
            if (group.has(risk) && riskConditionsAllowed && r.nextBoolean()) {
                ObjectNode c = NODES.objectNode().put("type", risk).set("value", group.get(risk));
                conditions.add(c);
                group.remove(risk);
            }
        }
        List<JsonNode> list = new ArrayList<>();
        conditions.forEach(list::add);
        Collections.shuffle(list, r);
        conditions.removeAll();
        conditions.addAll(list);
        if (list.stream().allMatch(c -> c.has("type"))) {
            // Only risk conditions left: any operator reads the same.
            group.put("operator", r.nextBoolean() ? "AND" : "or");
        } else if (operator.equals("AND") && r.nextBoolean()) {
            group.remove("operator");
        } else {
            group.put("operator", r.nextBoolean() ? operator.toLowerCase(Locale.ROOT) : operator);
        }
    }

    private static void respellOperand(ObjectNode o, String primary, Random r) {
        if (!o.has("indicator")) {
            return;
        }
        IndicatorType type = IndicatorType.fromKey(o.get("indicator").asText());
        if (o.get("output").asText().equals(type.defaultOutput().name()) && r.nextBoolean()) {
            o.remove("output");
        }
        if (!o.has("timeframe") && r.nextBoolean()) {
            o.put("timeframe", primary);
        }
        if (type.params().isEmpty() && r.nextBoolean()) {
            o.remove("params");
        }
    }

    /** Keys in random order everywhere, whole numbers sometimes as 14.0. */
    private static JsonNode respellNumbersAndOrder(JsonNode node, Random r) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
            Collections.shuffle(fields, r);
            ObjectNode o = NODES.objectNode();
            fields.forEach(e -> o.set(e.getKey(), respellNumbersAndOrder(e.getValue(), r)));
            return o;
        }
        if (node.isArray()) {
            ArrayNode a = NODES.arrayNode();
            node.forEach(e -> a.add(respellNumbersAndOrder(e, r)));
            return a;
        }
        if (node.isIntegralNumber() && r.nextBoolean()) {
            return NODES.numberNode(node.doubleValue());
        }
        return node;
    }
}

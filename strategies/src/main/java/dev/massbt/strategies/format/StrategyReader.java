package dev.massbt.strategies.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.massbt.strategies.indicator.IndicatorType;
import dev.massbt.strategies.indicator.ParamSpec;
import dev.massbt.strategies.indicator.ValueScale;
import dev.massbt.strategies.timeframe.Timeframe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Maps the JSON tree of one strategy (format version 1) onto the model records, by hand,
 * carrying the JSON path of every field so that each error names where it is. The records
 * check values and limits and report paths relative to themselves; this class prefixes them.
 *
 * <p>Normalisations, so that equivalent documents give equal models: a condition's timeframe
 * equal to the primary becomes {@code null}; a group with no condition gets operator OR
 * (nothing fires, as {@link ExitRule#risk}) and one with a single condition gets AND (the
 * operator has no effect then); risk exits given as conditions become {@link ExitRule} fields.
 */
final class StrategyReader {

    private static final List<String> STRATEGY_FIELDS = List.of("name", "version", "timeframes", "entry_rules", "exit_rules");
    private static final List<String> TIMEFRAMES_FIELDS = List.of("primary", "secondary");
    private static final List<String> SIDES = List.of("long", "short");
    private static final List<String> ENTRY_FIELDS = List.of("operator", "conditions");
    private static final List<String> EXIT_FIELDS = List.of("operator", "conditions", "stop_loss", "take_profit", "max_bars");
    private static final List<String> INDICATOR_OPERAND_FIELDS = List.of("indicator", "params", "output", "timeframe");
    private static final List<String> PRICE_OPERAND_FIELDS = List.of("price");
    private static final List<String> RIGHT_SIDE_FIELDS = List.of("comparison", "value", "operand");
    private static final List<String> INDICATOR_CONDITION_FIELDS = concat(INDICATOR_OPERAND_FIELDS, RIGHT_SIDE_FIELDS);
    private static final List<String> PRICE_CONDITION_FIELDS = concat(PRICE_OPERAND_FIELDS, RIGHT_SIDE_FIELDS);
    private static final List<String> RISK_CONDITION_FIELDS = List.of("type", "value");
    private static final List<String> OPERATORS = List.of("AND", "OR");
    private static final List<String> INDICATOR_KEYS = Arrays.stream(IndicatorType.values()).map(IndicatorType::key).toList();
    private static final List<String> COMPARISON_KEYS = Arrays.stream(Comparison.values()).map(Comparison::key).toList();
    private static final List<String> PRICE_KEYS = Arrays.stream(PriceField.values()).map(PriceField::key).toList();

    /** A protective exit of a side, given as a field or as a {@code {"type": ..., "value": ...}} condition. */
    private enum Risk {
        STOP_LOSS("stop_loss"), TAKE_PROFIT("take_profit"), MAX_BARS("max_bars");

        static final List<String> KEYS = Arrays.stream(values()).map(r -> r.key).toList();

        final String key;

        Risk(String key) {
            this.key = key;
        }

        static Risk fromKey(String key) {
            for (Risk r : values()) {
                if (r.key.equals(key)) {
                    return r;
                }
            }
            return null;
        }
    }

    private StrategyReader() {
    }

    /** The strategy in {@code node}; error paths are relative to it. */
    static Strategy strategy(JsonNode node) {
        ObjectNode o = object(node, "", "a strategy (name, timeframes, entry_rules, ...)");
        checkFields(o, "", "a strategy", STRATEGY_FIELDS);
        String name = text(required(o, "name", "", "give the strategy a name"), "name");
        int version = o.has("version")
                ? wholeNumber(o.get("version"), "version", 1, Integer.MAX_VALUE, "a whole number >= 1") : 1;

        ObjectNode tfs = object(required(o, "timeframes", "", "e.g. \"timeframes\": {\"primary\": \"1h\"}"),
                "timeframes", "'primary' and optional 'secondary'");
        checkFields(tfs, "timeframes", "timeframes", TIMEFRAMES_FIELDS);
        Timeframe primary = timeframe(required(tfs, "primary", "timeframes", "the timeframe the strategy trades on, one of "
                + String.join(", ", Timeframe.labels())), "timeframes.primary");
        List<Timeframe> secondary = new ArrayList<>();
        if (tfs.has("secondary")) {
            JsonNode list = array(tfs.get("secondary"), "timeframes.secondary", "an array of timeframe labels such as [\"4h\"]");
            if (list.size() >= Strategy.MAX_TIMEFRAMES) {
                throw new InvalidStrategyException("timeframes.secondary", "a strategy may use at most "
                        + Strategy.MAX_TIMEFRAMES + " timeframes (primary included), got " + (1 + list.size()));
            }
            for (int i = 0; i < list.size(); i++) {
                secondary.add(timeframe(list.get(i), "timeframes.secondary[" + i + "]"));
            }
        }

        ObjectNode entries = object(required(o, "entry_rules", "", "give a 'long' or a 'short' rule group; "
                + "without an entry the strategy never trades"), "entry_rules", "'long' and/or 'short' rule groups");
        checkFields(entries, "entry_rules", "entry_rules", SIDES);
        Map<Side, RuleGroup> entry = new EnumMap<>(Side.class);
        Map<Side, ExitRule> exit = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            if (entries.has(side.key())) {
                entry.put(side, entry(entries.get(side.key()), "entry_rules." + side.key(), side, primary));
            }
        }
        if (o.has("exit_rules")) {
            ObjectNode exits = object(o.get("exit_rules"), "exit_rules", "'long' and/or 'short' exit rule groups");
            checkFields(exits, "exit_rules", "exit_rules", SIDES);
            for (Side side : Side.values()) {
                if (exits.has(side.key())) {
                    exit.put(side, exit(exits.get(side.key()), "exit_rules." + side.key(), primary));
                }
            }
        }
        return new Strategy(name, version, primary, secondary, entry.get(Side.LONG), entry.get(Side.SHORT),
                exit.get(Side.LONG), exit.get(Side.SHORT));
    }

    // ---- rule groups ----------------------------------------------------------------------

    private static RuleGroup entry(JsonNode node, String path, Side side, Timeframe primary) {
        ObjectNode o = object(node, path, "'operator' and 'conditions'");
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (Risk.fromKey(field) != null) {
                throw new InvalidStrategyException(path + "." + field, field + " is an exit, not an entry rule; "
                        + "move it to exit_rules." + side.key());
            }
        }
        checkFields(o, path, "an entry rule group", ENTRY_FIELDS);
        Operator operator = operator(o, path);
        JsonNode list = array(required(o, "conditions", path, "an entry needs at least one condition"),
                path + ".conditions", "an array of conditions");
        checkCount(list, path + ".conditions", Strategy.MAX_CONDITIONS);
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = path + ".conditions[" + i + "]";
            JsonNode c = list.get(i);
            if (c.isObject() && c.has("type")) {
                throw new InvalidStrategyException(at, "a '" + c.get("type").asText() + "' condition is a risk exit, "
                        + "which entry rules cannot have; move it to exit_rules." + side.key());
            }
            conditions.add(condition(c, at, primary));
        }
        return new RuleGroup(normalised(operator, conditions.size()), conditions);
    }

    private static ExitRule exit(JsonNode node, String path, Timeframe primary) {
        ObjectNode o = object(node, path, "'operator', 'conditions', 'stop_loss', 'take_profit' "
                + "or 'max_bars'");
        checkFields(o, path, "an exit rule group", EXIT_FIELDS);
        Operator operator = operator(o, path);
        Map<Risk, Double> risks = new EnumMap<>(Risk.class);
        Map<Risk, String> givenAt = new EnumMap<>(Risk.class);
        for (Risk risk : Risk.values()) {
            if (o.has(risk.key)) {
                String at = path + "." + risk.key;
                risks.put(risk, riskValue(risk, o.get(risk.key), at));
                givenAt.put(risk, at);
            }
        }
        List<Condition> signal = new ArrayList<>();
        String firstRiskCondition = null;
        Risk firstRisk = null;
        if (o.has("conditions")) {
            JsonNode list = array(o.get("conditions"), path + ".conditions", "an array of conditions");
            checkCount(list, path + ".conditions", Strategy.MAX_CONDITIONS + Risk.values().length);
            for (int i = 0; i < list.size(); i++) {
                String at = path + ".conditions[" + i + "]";
                JsonNode c = list.get(i);
                if (!(c.isObject() && c.has("type"))) {
                    signal.add(condition(c, at, primary));
                    continue;
                }
                ObjectNode rc = (ObjectNode) c;
                checkFields(rc, at, "a risk exit condition", RISK_CONDITION_FIELDS);
                String type = text(rc.get("type"), at + ".type");
                Risk risk = Risk.fromKey(type);
                if (risk == null) {
                    throw FormatErrors.unknownName(at + ".type", "risk exit type", type, Risk.KEYS);
                }
                if (givenAt.containsKey(risk)) {
                    throw new InvalidStrategyException(at, risk.key + " is given twice (also at " + givenAt.get(risk)
                            + "); keep one");
                }
                risks.put(risk, riskValue(risk, required(rc, "value", at, riskHint(risk)), at + ".value"));
                givenAt.put(risk, at);
                if (firstRiskCondition == null) {
                    firstRiskCondition = at;
                    firstRisk = risk;
                }
            }
            if (operator == Operator.AND && firstRiskCondition != null && !signal.isEmpty()) {
                throw new InvalidStrategyException(firstRiskCondition, "a " + firstRisk.key + " condition is a "
                        + "protective exit that always acts on its own, so it cannot be AND-ed with other conditions; "
                        + "set \"operator\": \"OR\", or give it as the field \"" + firstRisk.key + "\" of " + path
                        + " (it acts on its own there too)");
            }
        }
        RuleGroup group = new RuleGroup(normalised(operator, signal.size()), signal);
        double stopLoss = risks.getOrDefault(Risk.STOP_LOSS, 0.0);
        double takeProfit = risks.getOrDefault(Risk.TAKE_PROFIT, 0.0);
        int maxBars = (int) (double) risks.getOrDefault(Risk.MAX_BARS, 0.0);
        return at(path, () -> new ExitRule(group, stopLoss, takeProfit, maxBars));
    }

    /** With fewer than two conditions the operator changes nothing; one spelling per meaning. */
    static Operator normalised(Operator operator, int conditions) {
        return switch (conditions) {
            case 0 -> Operator.OR;
            case 1 -> Operator.AND;
            default -> operator;
        };
    }

    private static Operator operator(ObjectNode group, String path) {
        if (!group.has("operator")) {
            return Operator.AND;
        }
        String given = text(group.get("operator"), path + ".operator");
        return switch (given.toUpperCase(Locale.ROOT)) {
            case "AND" -> Operator.AND;
            case "OR" -> Operator.OR;
            default -> throw FormatErrors.unknownName(path + ".operator", "operator", given, OPERATORS);
        };
    }

    /** Rejects oversized arrays before anything is built from them. */
    private static void checkCount(JsonNode list, String path, int max) {
        if (list.size() > max) {
            throw new InvalidStrategyException(path, "has " + list.size() + " elements, but a strategy may have at most "
                    + Strategy.MAX_CONDITIONS + " conditions in all (plus one stop_loss, take_profit and max_bars "
                    + "per exit); remove some");
        }
    }


    private static double riskValue(Risk risk, JsonNode node, String path) {
        double v = number(node, path);
        if (v == 0) {
            throw new InvalidStrategyException(path, "must be " + riskRange(risk) + ", got 0; to have no "
                    + risk.key + ", leave it out");
        }
        if (risk == Risk.MAX_BARS) {
            if (v != Math.rint(v) || v < 1 || v > ExitRule.MAX_BARS) {
                throw new InvalidStrategyException(path, "must be " + riskRange(risk) + ", got " + Numbers.text(v));
            }
            return v;
        }
        // Let the record judge the range, with its own words, at this path.
        try {
            new ExitRule(new RuleGroup(Operator.OR, List.of()), risk == Risk.STOP_LOSS ? v : 0,
                    risk == Risk.TAKE_PROFIT ? v : 0, 0);
        } catch (InvalidStrategyException e) {
            throw new InvalidStrategyException(path, e.problem());
        }
        return v;
    }

    private static String riskRange(Risk risk) {
        return switch (risk) {
            case STOP_LOSS -> "a percent in 0.01.." + Numbers.text(ExitRule.MAX_STOP_LOSS);
            case TAKE_PROFIT -> "a percent in 0.01.." + Numbers.text(ExitRule.MAX_TAKE_PROFIT);
            case MAX_BARS -> "a whole number of bars 1.." + ExitRule.MAX_BARS;
        };
    }

    private static String riskHint(Risk risk) {
        return "give " + riskRange(risk) + ", e.g. {\"type\": \"" + risk.key + "\", \"value\": "
                + (risk == Risk.MAX_BARS ? "48" : "2.0") + "}";
    }

    // ---- conditions and operands ----------------------------------------------------------

    private static Condition condition(JsonNode node, String path, Timeframe primary) {
        ObjectNode o = object(node, path, "a condition such as {\"indicator\": \"rsi\", \"params\": "
                + "{\"period\": 14}, \"comparison\": \"less_than\", \"value\": 30}");
        boolean indicator = o.has("indicator");
        if (indicator && o.has("price")) {
            throw new InvalidStrategyException(path, "has both 'indicator' and 'price'; the left side is one of them");
        }
        if (!indicator && !o.has("price")) {
            throw new InvalidStrategyException(path, "needs 'indicator' (with 'params') or 'price' as its left side, "
                    + "e.g. {\"indicator\": \"rsi\", \"params\": {\"period\": 14}, \"comparison\": \"less_than\", "
                    + "\"value\": 30}");
        }
        checkFields(o, path, indicator ? "an indicator condition" : "a price condition",
                indicator ? INDICATOR_CONDITION_FIELDS : PRICE_CONDITION_FIELDS);
        Operand left = operand(o, path, primary);
        JsonNode cmp = required(o, "comparison", path, "one of " + Comparison.keysText());
        String cmpText = text(cmp, path + ".comparison");
        Comparison comparison = Comparison.fromKey(cmpText);
        if (comparison == null) {
            throw FormatErrors.unknownName(path + ".comparison", "comparison", cmpText, COMPARISON_KEYS);
        }
        Operand right;
        if (o.has("value") && o.has("operand")) {
            throw new InvalidStrategyException(path, "has both 'value' and 'operand'; compare with one of them");
        } else if (o.has("value")) {
            right = new Constant(number(o.get("value"), path + ".value"));
        } else if (o.has("operand")) {
            String at = path + ".operand";
            ObjectNode r = object(o.get("operand"), at, "an operand such as {\"price\": \"close\"} or "
                    + "{\"indicator\": \"sma\", \"params\": {\"period\": 50}}");
            boolean rightIndicator = r.has("indicator");
            if (rightIndicator && r.has("price")) {
                throw new InvalidStrategyException(at, "has both 'indicator' and 'price'; an operand is one of them");
            }
            if (!rightIndicator && !r.has("price")) {
                throw new InvalidStrategyException(at, "needs 'indicator' (with 'params') or 'price'");
            }
            checkFields(r, at, rightIndicator ? "an indicator operand" : "a price operand",
                    rightIndicator ? INDICATOR_OPERAND_FIELDS : PRICE_OPERAND_FIELDS);
            right = operand(r, at, primary);
        } else if (left.scale() == ValueScale.ZERO_CENTERED) {
            right = new Constant(0);
        } else {
            throw new InvalidStrategyException(path, "needs 'value' or 'operand' to compare " + Condition.describe(left)
                    + " with; only indicators centred on zero (such as sma_cross, macd or roc) may leave it out "
                    + "to mean 0");
        }
        return at(path, () -> new Condition(left, comparison, right));
    }

    /** The operand named by the fields of {@code o}, whose other fields are already checked. */
    private static Operand operand(ObjectNode o, String path, Timeframe primary) {
        if (o.has("price")) {
            String key = text(o.get("price"), path + ".price");
            PriceField field = PriceField.fromKey(key);
            if (field == null) {
                throw FormatErrors.unknownName(path + ".price", "price field", key, PRICE_KEYS);
            }
            return new PriceRef(field);
        }
        String key = text(o.get("indicator"), path + ".indicator");
        IndicatorType type = IndicatorType.fromKey(key);
        if (type == null) {
            throw FormatErrors.unknownName(path + ".indicator", "indicator", key, INDICATOR_KEYS);
        }
        List<Double> params = params(o, path, type);
        String output = o.has("output") ? text(o.get("output"), path + ".output") : null;
        Timeframe timeframe = null;
        if (o.has("timeframe")) {
            timeframe = timeframe(o.get("timeframe"), path + ".timeframe");
            if (timeframe == primary) {
                timeframe = null;
            }
        }
        Timeframe tf = timeframe;
        return at(path, () -> new IndicatorRef(type, params, output, tf));
    }

    private static List<Double> params(ObjectNode o, String path, IndicatorType type) {
        List<ParamSpec> specs = type.params();
        String at = path + ".params";
        if (!o.has("params")) {
            if (specs.isEmpty()) {
                return List.of();
            }
            throw FormatErrors.required(at, type.key() + " takes " + paramsText(specs));
        }
        ObjectNode given = object(o.get("params"), at, "parameter names and numbers: " + paramsText(specs));
        List<String> names = specs.stream().map(ParamSpec::name).toList();
        for (Iterator<String> it = given.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!names.contains(name)) {
                throw new InvalidStrategyException(at + "." + name, "unknown parameter '" + name + "' for " + type.key()
                        + FormatErrors.didYouMean(name, names) + "; "
                        + (specs.isEmpty() ? type.key() + " takes no parameters" : "its parameters are " + paramsText(specs)));
            }
        }
        List<ParamSpec> missing = specs.stream().filter(s -> !given.has(s.name())).toList();
        if (!missing.isEmpty()) {
            throw new InvalidStrategyException(at, "missing " + paramsText(missing) + " for " + type.key()
                    + "; every parameter is required");
        }
        List<Double> values = new ArrayList<>(specs.size());
        for (ParamSpec spec : specs) {
            values.add(number(given.get(spec.name()), at + "." + spec.name()));
        }
        return values;
    }

    private static String paramsText(List<ParamSpec> specs) {
        return specs.stream().map(s -> s.name() + " (" + (s.integral() ? "a whole number " : "a number ")
                + s.rangeText() + ")").collect(Collectors.joining(", "));
    }


    private static Timeframe timeframe(JsonNode node, String path) {
        String label = text(node, path);
        Timeframe tf = Timeframe.fromLabel(label);
        if (tf == null) {
            throw FormatErrors.unknownName(path, "timeframe", label, Timeframe.labels());
        }
        return tf;
    }

    // ---- JSON types ---------------------------------------------------------------------

    /** {@code node} as an object; {@code holding} completes "must be an object holding ...". */
    private static ObjectNode object(JsonNode node, String path, String holding) {
        if (!node.isObject()) {
            throw FormatErrors.wrongType(path, "an object holding " + holding, node);
        }
        return (ObjectNode) node;
    }

    private static JsonNode array(JsonNode node, String path, String expected) {
        if (!node.isArray()) {
            throw FormatErrors.wrongType(path, expected, node);
        }
        return node;
    }

    private static String text(JsonNode node, String path) {
        if (!node.isTextual()) {
            throw FormatErrors.wrongType(path, "a string", node);
        }
        return node.textValue();
    }

    /** A finite number; the tree reader has already refused numbers that overflow a double. */
    private static double number(JsonNode node, String path) {
        if (!node.isNumber()) {
            throw FormatErrors.wrongType(path, "a number", node);
        }
        double v = node.doubleValue();
        if (!Double.isFinite(v)) {
            throw FormatErrors.notFinite(path, node.asText());
        }
        return v + 0.0;
    }

    private static int wholeNumber(JsonNode node, String path, int min, int max, String expected) {
        double v = number(node, path);
        if (v != Math.rint(v) || v < min || v > max) {
            throw new InvalidStrategyException(path, "must be " + expected + ", got " + Numbers.text(v));
        }
        return (int) v;
    }

    private static JsonNode required(ObjectNode o, String field, String path, String hint) {
        JsonNode node = o.get(field);
        if (node == null) {
            throw FormatErrors.required(InvalidStrategyException.join(path, field), hint);
        }
        return node;
    }

    private static void checkFields(ObjectNode o, String path, String owner, List<String> known) {
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!known.contains(field)) {
                String at = InvalidStrategyException.join(path, field);
                if (INDICATOR_OPERAND_FIELDS.contains(field) && known.contains("price")) {
                    throw new InvalidStrategyException(at, "'" + field + "' belongs to indicator operands; a price "
                            + "operand reads the bar column of the primary timeframe and takes no '" + field
                            + "'; remove it, or use an indicator");
                }
                throw FormatErrors.unknownField(at, field, owner, known);
            }
        }
    }

    /** Runs a record constructor and places its relative error path under {@code path}. */
    private static <T> T at(String path, Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidStrategyException e) {
            throw e.under(path);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}

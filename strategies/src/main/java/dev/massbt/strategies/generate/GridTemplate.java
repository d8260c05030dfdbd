package dev.massbt.strategies.generate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.massbt.strategies.format.InvalidStrategyException;
import dev.massbt.strategies.format.Strategy;
import dev.massbt.strategies.format.StrategyId;
import dev.massbt.strategies.format.StrategyJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strategy template for grid optimisation: a strategy JSON document whose numbers may be
 * placeholders, plus the values each placeholder takes and optional constraints between them.
 *
 * <pre>{@code
 * {
 *   "name": "sma-cross-grid",
 *   "timeframes": {"primary": "1m"},
 *   "entry_rules": {"long": {"conditions": [
 *     {"indicator": "sma_cross", "params": {"fast": "${fast}", "slow": "${slow}"}, "comparison": "crosses_above"}]}},
 *   "exit_rules": {"long": {"conditions": [
 *     {"indicator": "sma_cross", "params": {"fast": "${fast}", "slow": "${slow}"}, "comparison": "crosses_below"}]}},
 *   "grid": {"fast": {"from": 5, "to": 19, "step": 1}, "slow": {"values": [20, 30, 40, 50]}},
 *   "constraints": ["fast < slow"]
 * }
 * }</pre>
 *
 * <ul>
 *   <li>A placeholder is a whole JSON string {@code "${name}"} standing where the strategy format
 *       takes a number (indicator parameters, comparison values, stop-loss, take-profit,
 *       max-bars). Every placeholder needs a {@code grid} entry and every entry a placeholder.</li>
 *   <li>{@code grid}: per parameter, {@code {"from", "to", "step"}} ({@code to} inclusive when a
 *       step lands on it; {@code step} defaults to 1; exact decimal steps) or
 *       {@code {"values": [...]}} (distinct numbers). The combinations are the cartesian product
 *       in grid order: the first parameter varies slowest. At most {@value #MAX_COMBINATIONS}.</li>
 *   <li>{@code constraints}: strings {@code <name> <op> <name|number>}, op one of
 *       {@code < <= > >= !=} (see {@link GridConstraint}); never evaluated as code.</li>
 *   <li>Each strategy is named {@code <name> <label>}, e.g. {@code sma-cross-grid fast=10 slow=30}.
 *       Two combinations that give the same strategy but for that name (e.g. swapped
 *       parameters of two conditions in one group) are one strategy: the later is skipped.</li>
 * </ul>
 *
 * <p>{@link #expand} never fails on a single combination: one that breaks a constraint, makes an
 * invalid strategy (e.g. {@code sma_cross} needs fast &lt; slow) or repeats an earlier strategy is
 * skipped and counted by reason. The template itself is checked when parsed: an unknown
 * placeholder, an unused grid entry, a bad range or constraint, or more than
 * {@value #MAX_COMBINATIONS} combinations is an {@link InvalidStrategyException} naming the JSON
 * path (and the file, for {@link #read}); so is a template none of whose combinations is left to
 * evaluate, from {@link #expand}. Instances are immutable.
 */
public final class GridTemplate {

    /** Combinations a grid may have. */
    public static final int MAX_COMBINATIONS = 100_000;
    /** Characters in a template document, as for a strategy: 1 MiB. */
    public static final long MAX_DOCUMENT_LENGTH = StrategyJson.MAX_DOCUMENT_LENGTH;

    static final String GRID = "grid";
    static final String CONSTRAINTS = "constraints";
    private static final List<String> PARAM_FIELDS = List.of("from", "to", "step", "values");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(" + GridParam.NAME.pattern() + ")}");
    private static final ObjectMapper MAPPER = JsonMapper.builder(StrategyJson.readerFactory(MAX_DOCUMENT_LENGTH)
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Where a placeholder stands in the strategy document. */
    private record Placeholder(String path, JsonPointer pointer, String param) {
    }

    private final String source;
    private final String name;
    /** The strategy part (no grid, no constraints), placeholders in place; never modified. */
    private final ObjectNode strategy;
    private final List<GridParam> params;
    private final List<GridConstraint> constraints;
    private final List<Placeholder> placeholders;
    private final int combinations;

    private GridTemplate(String source, String name, ObjectNode strategy, List<GridParam> params,
                         List<GridConstraint> constraints, List<Placeholder> placeholders, int combinations) {
        this.source = source;
        this.name = name;
        this.strategy = strategy;
        this.params = List.copyOf(params);
        this.constraints = List.copyOf(constraints);
        this.placeholders = List.copyOf(placeholders);
        this.combinations = combinations;
    }

    /** The template in {@code json}; errors name the JSON path. */
    public static GridTemplate parse(String json) {
        return parse(json, "");
    }

    /**
     * The template in the file {@code file} (UTF-8); errors name the file and the JSON path, as
     * do later errors of {@link #expand}.
     *
     * @throws IOException when the file cannot be read
     */
    public static GridTemplate read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        long size = Files.size(file);
        if (size > MAX_DOCUMENT_LENGTH) {
            throw TemplateErrors.tooLong(size).in(file.toString());
        }
        return parse(Files.readString(file), file.toString());
    }

    private static GridTemplate parse(String json, String source) {
        Objects.requireNonNull(json, "json");
        try {
            return build(json, source);
        } catch (InvalidStrategyException e) {
            throw source.isEmpty() ? e : e.in(source);
        }
    }

    private static GridTemplate build(String json, String source) {
        if (json.length() > MAX_DOCUMENT_LENGTH) {
            throw TemplateErrors.tooLong(json.length());
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw TemplateErrors.malformed(at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    e.getOriginalMessage());
        }
        if (!(root instanceof ObjectNode doc)) {
            throw TemplateErrors.notAnObject();
        }
        JsonNode nameNode = doc.get("name");
        if (nameNode == null || !nameNode.isTextual() || nameNode.textValue().isBlank()) {
            throw TemplateErrors.name(nameNode == null ? "is required" : "must be a non-blank string, got "
                    + describe(nameNode));
        }
        if (nameNode.textValue().contains("${")) {
            throw TemplateErrors.placeholderInName();
        }
        List<GridParam> params = params(doc.get(GRID));
        int combinations = combinations(params);
        List<String> names = params.stream().map(GridParam::name).toList();
        List<GridConstraint> constraints = constraints(doc.get(CONSTRAINTS), names);

        ObjectNode strategy = doc.deepCopy();
        strategy.remove(List.of(GRID, CONSTRAINTS));
        List<Placeholder> placeholders = new ArrayList<>();
        findPlaceholders(strategy, "", JsonPointer.empty(), names, placeholders);
        Set<String> used = new LinkedHashSet<>();
        placeholders.forEach(p -> used.add(p.param()));
        for (String n : names) {
            if (!used.contains(n)) {
                throw TemplateErrors.unused(n);
            }
        }
        return new GridTemplate(source, nameNode.textValue(), strategy, params, constraints, placeholders,
                combinations);
    }

    private static List<GridParam> params(JsonNode grid) {
        if (grid == null) {
            throw TemplateErrors.noGrid();
        }
        if (!(grid instanceof ObjectNode g) || g.isEmpty()) {
            throw TemplateErrors.wrongType(GRID, "an object with at least one parameter", describe(grid));
        }
        List<GridParam> params = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = g.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = GRID + "." + e.getKey();
            if (!GridParam.NAME.matcher(e.getKey()).matches()) {
                throw TemplateErrors.badParam(path, "'" + e.getKey() + "' is not a parameter name: use a letter or "
                        + "'_' then letters, digits or '_' (at most 64), as in \"fast\" or \"rsi_period\"");
            }
            params.add(param(e.getKey(), e.getValue(), path));
        }
        return params;
    }

    private static GridParam param(String name, JsonNode spec, String path) {
        if (!(spec instanceof ObjectNode o)) {
            throw TemplateErrors.wrongType(path, "an object such as {\"from\": 5, \"to\": 19, \"step\": 1} or "
                    + "{\"values\": [5, 10, 20]}", describe(spec));
        }
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!PARAM_FIELDS.contains(field)) {
                throw TemplateErrors.unknownField(path, field, PARAM_FIELDS);
            }
        }
        try {
            if (o.has("values")) {
                if (o.has("from") || o.has("to") || o.has("step")) {
                    throw TemplateErrors.rangeAndValues(path);
                }
                JsonNode list = o.get("values");
                if (!(list instanceof ArrayNode a)) {
                    throw TemplateErrors.wrongType(path + ".values", "an array of numbers", describe(list));
                }
                List<BigDecimal> values = new ArrayList<>(a.size());
                for (int i = 0; i < a.size(); i++) {
                    values.add(number(a.get(i), path + ".values[" + i + "]"));
                }
                return new GridParam(name, values);
            }
            for (String bound : List.of("from", "to")) {
                if (!o.has(bound)) {
                    throw TemplateErrors.missingBound(path, bound);
                }
            }
            BigDecimal step = o.has("step") ? number(o.get("step"), path + ".step") : BigDecimal.ONE;
            return GridParam.range(name, number(o.get("from"), path + ".from"), number(o.get("to"), path + ".to"), step);
        } catch (InvalidStrategyException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw TemplateErrors.badParam(path, e.getMessage());
        }
    }

    private static BigDecimal number(JsonNode n, String path) {
        if (n == null || !n.isNumber()) {
            throw TemplateErrors.wrongType(path, "a number", describe(n));
        }
        return n.decimalValue();
    }

    private static int combinations(List<GridParam> params) {
        BigInteger total = BigInteger.ONE;
        for (GridParam p : params) {
            total = total.multiply(BigInteger.valueOf(p.size()));
        }
        if (total.compareTo(BigInteger.valueOf(MAX_COMBINATIONS)) > 0) {
            throw TemplateErrors.tooManyCombinations(String.join(" x ",
                    params.stream().map(p -> p.name() + " " + p.size()).toList()) + " = " + total);
        }
        return total.intValueExact();
    }

    private static List<GridConstraint> constraints(JsonNode node, List<String> names) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof ArrayNode a)) {
            throw TemplateErrors.wrongType(CONSTRAINTS, "an array of strings such as [\"fast < slow\"]", describe(node));
        }
        List<GridConstraint> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            String path = CONSTRAINTS + "[" + i + "]";
            JsonNode c = a.get(i);
            if (!c.isTextual()) {
                throw TemplateErrors.wrongType(path, "a string such as \"fast < slow\"", describe(c));
            }
            try {
                out.add(GridConstraint.parse(c.textValue(), names));
            } catch (IllegalArgumentException e) {
                throw TemplateErrors.badConstraint(path, e.getMessage());
            }
        }
        return out;
    }

    private static void findPlaceholders(JsonNode node, String path, JsonPointer pointer, List<String> names,
                                         List<Placeholder> out) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                findPlaceholders(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(),
                        pointer.appendProperty(e.getKey()), names, out);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                findPlaceholders(a.get(i), path + "[" + i + "]", pointer.appendIndex(i), names, out);
            }
        } else if (node.isTextual() && node.textValue().contains("${")) {
            Matcher m = PLACEHOLDER.matcher(node.textValue());
            if (!m.matches()) {
                throw TemplateErrors.placeholderInText(path, node.textValue());
            }
            if (!names.contains(m.group(1))) {
                throw TemplateErrors.unknownPlaceholder(path, m.group(1), names);
            }
            out.add(new Placeholder(path, pointer, m.group(1)));
        }
    }

    /** The template's {@code name}. */
    public String name() {
        return name;
    }

    /** The file the template came from, or {@code ""}. */
    public String source() {
        return source;
    }

    public List<GridParam> params() {
        return params;
    }

    public List<GridConstraint> constraints() {
        return constraints;
    }

    /** Every combination of the grid, before constraints and validation. */
    public int combinations() {
        return combinations;
    }

    /** The JSON paths of the placeholders, in document order. */
    public List<String> placeholderPaths() {
        return placeholders.stream().map(Placeholder::path).toList();
    }

    /**
     * Every combination in grid order (the first parameter varies slowest): the strategies to
     * evaluate and the combinations skipped by reason.
     *
     * @throws InvalidStrategyException when no combination is left to evaluate
     */
    public GridExpansion expand() {
        ObjectNode work = strategy.deepCopy();
        List<Slot> slots = placeholders.stream().map(p -> Slot.in(work, p)).toList();
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        params.forEach(p -> values.put(p.name(), p.values().get(0)));
        List<GridPoint> points = new ArrayList<>();
        Map<String, SkipCount> skips = new LinkedHashMap<>();
        Map<String, String> labelById = new HashMap<>();
        for (int c = 0; c < combinations; c++) {
            int rest = c;
            for (int i = params.size() - 1; i >= 0; i--) {
                GridParam p = params.get(i);
                values.put(p.name(), p.values().get(rest % p.size()));
                rest /= p.size();
            }
            String label = label(values);
            GridConstraint failed = constraints.stream().filter(k -> !k.test(values)).findFirst().orElse(null);
            if (failed != null) {
                skip(skips, GridExpansion.Reason.CONSTRAINT, failed.text(), label);
                continue;
            }
            for (Slot s : slots) {
                s.set(values.get(s.param()).doubleValue());
            }
            work.put("name", name + " " + label);
            Strategy parsed;
            try {
                parsed = StrategyJson.parse(MAPPER.writeValueAsString(work));
            } catch (InvalidStrategyException e) {
                skip(skips, GridExpansion.Reason.INVALID, e.path(), label + ": " + e.problem());
                continue;
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("writing a JSON tree to a string cannot fail", e);
            }
            // The name carries the label, so compare the strategies under the template's name.
            Strategy logic = new Strategy(name, parsed.version(), parsed.primary(), parsed.secondary(),
                    parsed.longEntry(), parsed.shortEntry(), parsed.longExit(), parsed.shortExit());
            String first = labelById.putIfAbsent(StrategyId.of(logic).hex(), label);
            if (first != null) {
                skip(skips, GridExpansion.Reason.DUPLICATE, "", label + " = " + first);
                continue;
            }
            Map<String, Double> doubles = new LinkedHashMap<>();
            values.forEach((k, v) -> doubles.put(k, v.doubleValue()));
            points.add(new GridPoint(c, doubles, label, parsed));
        }
        List<GridExpansion.Skipped> skipped = skips.values().stream().map(SkipCount::toSkipped).toList();
        if (points.isEmpty()) {
            InvalidStrategyException e = TemplateErrors.nothingToEvaluate(combinations, skipped);
            throw source.isEmpty() ? e : e.in(source);
        }
        return new GridExpansion(name, combinations, points, skipped);
    }

    /** {@code fast=10 slow=30}: the values in grid order. */
    static String label(Map<String, BigDecimal> values) {
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append(k).append('=')
                .append(GridParam.plain(v)));
        return b.toString();
    }

    private static void skip(Map<String, SkipCount> skips, GridExpansion.Reason reason, String detail,
                             String example) {
        skips.computeIfAbsent(reason + "\u0000" + detail, k -> new SkipCount(reason, detail, example)).count++;
    }

    /** A running count of one skip reason during {@link #expand}. */
    private static final class SkipCount {
        private final GridExpansion.Reason reason;
        private final String detail;
        private final String example;
        private int count;

        SkipCount(GridExpansion.Reason reason, String detail, String example) {
            this.reason = reason;
            this.detail = detail;
            this.example = example;
        }

        GridExpansion.Skipped toSkipped() {
            return new GridExpansion.Skipped(reason, detail, count, example);
        }
    }

    /** A placeholder's place in the working copy of one {@link #expand} call. */
    private record Slot(JsonNode parent, String field, int index, String param) {

        static Slot in(ObjectNode work, Placeholder p) {
            JsonNode parent = work.at(p.pointer().head());
            JsonPointer last = p.pointer().last();
            return parent instanceof ArrayNode
                    ? new Slot(parent, null, last.getMatchingIndex(), p.param())
                    : new Slot(parent, last.getMatchingProperty(), -1, p.param());
        }

        void set(double value) {
            if (parent instanceof ArrayNode a) {
                a.set(index, DoubleNode.valueOf(value));
            } else {
                ((ObjectNode) parent).set(field, DoubleNode.valueOf(value));
            }
        }
    }

    private static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isTextual()) {
            String t = n.textValue();
            return "a string (\"" + (t.length() > 40 ? t.substring(0, 40) + "..." : t) + "\")";
        }
        if (n.isNumber()) {
            return "a number (" + n.asText() + ")";
        }
        if (n.isBoolean()) {
            return "a boolean (" + n.asText() + ")";
        }
        if (n.isNull()) {
            return "null";
        }
        return n.isArray() ? "an array" : "an object";
    }
}

package dev.massbt.strategies.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.CharConversionException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON tokens into a Jackson tree, one strategy at a time, so that no input can
 * exhaust the stack or the heap: the parser's {@link StreamReadConstraints} bound nesting,
 * string, number, name and document lengths; this reader also bounds the number of values
 * in one strategy, rejects duplicate fields and numbers that overflow a double, and knows
 * the JSON path of every token, so that each failure names where it happened.
 *
 * <p>Recursion is safe: the parser refuses to nest deeper than its constraint allows.
 */
final class BoundedJsonReader {

    /** JSON values in one strategy; a valid one has a few hundred at most. */
    static final int MAX_VALUES_PER_STRATEGY = 2_000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonParser parser;
    /** Field names ({@code String}) and array indexes ({@code Integer}) from the root down. */
    private final List<Object> path = new ArrayList<>();
    private int values;

    BoundedJsonReader(JsonParser parser) {
        this.parser = parser;
    }

    /** The document's only value; fails on empty input and on anything after it. */
    JsonNode readSingle() throws IOException {
        try {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw FormatErrors.empty();
            }
            JsonNode root = read(first);
            if (parser.nextToken() != null) {
                throw FormatErrors.trailing(parser.currentTokenLocation());
            }
            return root;
        } catch (JsonProcessingException | CharConversionException e) {
            throw translate(e);
        }
    }

    /** Visits each element of a root array, reading one element's tree at a time. */
    void readEach(ElementVisitor visitor) throws IOException {
        try {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw FormatErrors.empty();
            }
            if (first != JsonToken.START_ARRAY) {
                throw new InvalidStrategyException("", "must be a JSON array of strategies, got "
                        + FormatErrors.describe(read(first)));
            }
            int index = 0;
            for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                path.add(index);
                values = 0;
                JsonNode element = read(t);
                path.remove(path.size() - 1);
                visitor.visit(index, element);
                index++;
            }
            if (parser.nextToken() != null) {
                throw FormatErrors.trailing(parser.currentTokenLocation());
            }
        } catch (JsonProcessingException | CharConversionException e) {
            throw translate(e);
        }
    }

    /** Receives the elements of a root array, in order. */
    @FunctionalInterface
    interface ElementVisitor {
        void visit(int index, JsonNode element);
    }

    private JsonNode read(JsonToken token) throws IOException {
        if (token == null) {
            throw FormatErrors.malformed(pathText(), parser.currentLocation(), "unexpected end of input", null);
        }
        if (++values > MAX_VALUES_PER_STRATEGY) {
            throw FormatErrors.tooManyValues(pathText(), MAX_VALUES_PER_STRATEGY);
        }
        switch (token) {
            case START_OBJECT:
                return readObject();
            case START_ARRAY:
                return readArray();
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                double d = parser.getDoubleValue();
                if (!Double.isFinite(d)) {
                    throw FormatErrors.notFinite(pathText(), parser.getText());
                }
                return NODES.numberNode(d + 0.0); // + 0.0 turns -0.0 into 0.0
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw FormatErrors.malformed(pathText(), parser.currentTokenLocation(), "unexpected token " + token, null);
        }
    }

    private ObjectNode readObject() throws IOException {
        ObjectNode object = NODES.objectNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
            String name = parser.currentName();
            path.add(name);
            if (object.has(name)) {
                throw FormatErrors.duplicateField(pathText(), name);
            }
            object.set(name, read(parser.nextToken()));
            path.remove(path.size() - 1);
        }
        return object;
    }

    private ArrayNode readArray() throws IOException {
        ArrayNode array = NODES.arrayNode();
        int index = 0;
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            path.add(index++);
            array.add(read(t));
            path.remove(path.size() - 1);
        }
        return array;
    }

    private String pathText() {
        StringBuilder sb = new StringBuilder();
        for (Object segment : path) {
            if (segment instanceof Integer i) {
                sb.append('[').append(i).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(segment);
            }
        }
        return sb.toString();
    }

    /**
     * The path of the value the parser was scanning when it failed. Jackson scans a number
     * together with the field name or array slot before it, before this reader has entered
     * that field or slot, so it is taken from the parser's context.
     */
    private String pendingValuePath() {
        JsonStreamContext context = parser.getParsingContext();
        Object last = path.isEmpty() ? null : path.get(path.size() - 1);
        if (context.inObject() && context.getCurrentName() != null && !context.getCurrentName().equals(last)) {
            return InvalidStrategyException.join(pathText(), context.getCurrentName());
        }
        if (context.inArray() && !Integer.valueOf(context.getCurrentIndex()).equals(last)) {
            return pathText() + "[" + context.getCurrentIndex() + "]";
        }
        return pathText();
    }

    private InvalidStrategyException translate(IOException e) {
        JsonLocation at = e instanceof JsonProcessingException j && j.getLocation() != null
                ? j.getLocation() : parser.currentLocation();
        if (e instanceof StreamConstraintsException) {
            return limitExceeded((StreamConstraintsException) e, at);
        }
        String detail = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return FormatErrors.malformed(pathText(), at, detail, e);
    }

    private InvalidStrategyException limitExceeded(StreamConstraintsException e, JsonLocation at) {
        StreamReadConstraints limits = parser.streamReadConstraints();
        String message = String.valueOf(e.getOriginalMessage());
        String path = pathText();
        if (message.startsWith("Document nesting depth")) {
            return FormatErrors.tooLong(path, at, "nesting depth", limits.getMaxNestingDepth(),
                    "a strategy nests objects and arrays fewer than 10 levels deep; is this the right input?", e);
        }
        if (message.startsWith("Document length")) {
            return FormatErrors.tooLong(path, at, "document length", limits.getMaxDocumentLength(),
                    "a strategy takes a few kilobytes; is this the right input?", e);
        }
        if (message.startsWith("String value length")) {
            return FormatErrors.tooLong(path, at, "string length", limits.getMaxStringLength(),
                    "names and labels in a strategy are short; shorten the string", e);
        }
        if (message.startsWith("Number value length")) {
            return FormatErrors.tooLong(pendingValuePath(), at, "number length", limits.getMaxNumberLength(),
                    "write the number with fewer digits", e);
        }
        if (message.startsWith("Name length")) {
            return FormatErrors.tooLong(path, at, "field name length", limits.getMaxNameLength(),
                    "field names in a strategy are short words such as 'conditions'", e);
        }
        return FormatErrors.malformed(path, at, message, e);
    }
}

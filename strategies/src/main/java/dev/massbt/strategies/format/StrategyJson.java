package dev.massbt.strategies.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The JSON strategy format, version 1: reading with precise errors, and writing in the
 * canonical form that {@link StrategyId} hashes or indented for people.
 *
 * <pre>{@code
 * {
 *   "name": "sma-rsi-trend",
 *   "version": 1,
 *   "timeframes": {"primary": "1h", "secondary": ["4h"]},
 *   "entry_rules": {
 *     "long": {
 *       "operator": "AND",
 *       "conditions": [
 *         {"indicator": "sma_cross", "params": {"fast": 10, "slow": 30}, "comparison": "crosses_above"},
 *         {"indicator": "rsi", "params": {"period": 14}, "timeframe": "4h", "comparison": "greater_than", "value": 50}
 *       ]
 *     }
 *   },
 *   "exit_rules": {
 *     "long": {"operator": "OR", "conditions": [{"type": "stop_loss", "value": 2.0}, {"type": "take_profit", "value": 5.0}]}
 *   }
 * }
 * }</pre>
 *
 * <h2>Reading</h2>
 * <ul>
 *   <li>{@code name} (string, required); {@code version} (whole number &gt;= 1, default 1);
 *       {@code timeframes}: {@code primary} (required label), {@code secondary} (array, default []).</li>
 *   <li>{@code entry_rules} (required) and {@code exit_rules} (optional) hold a {@code long} and/or a
 *       {@code short} rule group: {@code operator} ({@code AND}/{@code OR}, any case, default AND) and
 *       {@code conditions}.</li>
 *   <li>A condition: a left operand, {@code {"indicator": key, "params": {...}, "output"?, "timeframe"?}} or
 *       {@code {"price": "open|high|low|close|volume"}}; a {@code comparison}; then {@code "value": number} or
 *       {@code "operand": {...}} (an indicator or price operand). Without either, an output centred on zero
 *       (sma_cross, macd, roc, cci...) is compared with 0; anything else is an error.</li>
 *   <li>Every parameter of the indicator is required; whole-number parameters accept {@code 14.0}, not
 *       {@code 14.5}. A {@code timeframe} equal to the primary means the primary.</li>
 *   <li>An exit side may set protective exits as fields {@code stop_loss}, {@code take_profit} (percent)
 *       and {@code max_bars}, or as conditions {@code {"type": "stop_loss", "value": 2.0}}. They act on
 *       their own, so as conditions they are allowed only in an OR group or as the only conditions;
 *       each may be given once; entries cannot have them.</li>
 *   <li>Unknown fields, duplicate fields and wrong JSON types are errors that name the field.</li>
 * </ul>
 * Every failure is an {@link InvalidStrategyException} with the full JSON path. Input is bounded:
 * nesting depth {@value #MAX_NESTING_DEPTH}, strings {@value #MAX_STRING_LENGTH} characters, numbers
 * {@value #MAX_NUMBER_LENGTH} characters, field names {@value #MAX_NAME_LENGTH} characters, a document
 * {@value #MAX_DOCUMENT_LENGTH} characters ({@value #MAX_BATCH_LENGTH} for {@link #parseAll}), and
 * {@value BoundedJsonReader#MAX_VALUES_PER_STRATEGY} JSON values per strategy, so no input can exhaust
 * the stack or the heap.
 *
 * <h2>Writing</h2>
 * {@link #toCanonicalJson} is the identity of a strategy: keys sorted at every level, no whitespace,
 * one spelling per meaning (see {@link StrategyWriter}). Equivalent documents, whatever their key order,
 * whitespace, condition order, number spelling ({@code 1.0} or {@code 1}) or risk-exit spelling, have
 * the same canonical text; {@link #toPrettyJson} has the same content in reading order, indented.
 */
public final class StrategyJson {

    public static final int MAX_NESTING_DEPTH = 32;
    public static final int MAX_STRING_LENGTH = 10_000;
    public static final int MAX_NUMBER_LENGTH = 100;
    public static final int MAX_NAME_LENGTH = 200;
    /** Characters (bytes, for files) in one strategy document: 1 MiB. */
    public static final long MAX_DOCUMENT_LENGTH = 1L << 20;
    /** Characters in a {@link #parseAll} document: 64 MiB. */
    public static final long MAX_BATCH_LENGTH = 64L << 20;

    private static final JsonFactory SINGLE = factory(MAX_DOCUMENT_LENGTH);
    private static final JsonFactory BATCH = factory(MAX_BATCH_LENGTH);

    private StrategyJson() {
    }

    private static JsonFactory factory(long maxDocumentLength) {
        return readerFactory(maxDocumentLength).build();
    }

    /**
     * A JSON factory with the reader limits of a strategy document of at most
     * {@code maxDocumentLength} characters, strict JSON (no NaN/Infinity literals, comments,
     * single quotes or trailing commas): the one definition of what massbt accepts as strategy
     * JSON, which grid templates read with too.
     */
    public static JsonFactoryBuilder readerFactory(long maxDocumentLength) {
        return new JsonFactoryBuilder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxNameLength(MAX_NAME_LENGTH)
                        .maxDocumentLength(maxDocumentLength)
                        .build())
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS);
    }

    /** The strategy in {@code json}. */
    public static Strategy parse(String json) {
        Objects.requireNonNull(json, "json");
        if (json.length() > MAX_DOCUMENT_LENGTH) {
            throw new InvalidStrategyException("", "the document is " + json.length() + " characters long, more than "
                    + "the limit of " + MAX_DOCUMENT_LENGTH + "; a strategy takes a few kilobytes; is this the right input?");
        }
        try (JsonParser parser = SINGLE.createParser(json)) {
            return StrategyReader.strategy(new BoundedJsonReader(parser).readSingle());
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
    }

    /**
     * The strategy in the file {@code file} (UTF-8, or UTF-16/32 with BOM). An invalid strategy
     * fails with an {@link InvalidStrategyException} whose {@link InvalidStrategyException#source()}
     * and message start with the file name; an unreadable file with an {@link IOException}.
     */
    public static Strategy parse(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file); JsonParser parser = SINGLE.createParser(in)) {
            return StrategyReader.strategy(new BoundedJsonReader(parser).readSingle());
        } catch (InvalidStrategyException e) {
            throw e.in(file.toString());
        }
    }

    /** The strategies of a JSON array, in order; error paths start with the index: {@code [3].entry_rules...}. */
    public static List<Strategy> parseAll(String json) {
        Objects.requireNonNull(json, "json");
        if (json.length() > MAX_BATCH_LENGTH) {
            throw new InvalidStrategyException("", "the document is " + json.length() + " characters long, more than "
                    + "the limit of " + MAX_BATCH_LENGTH + " for a batch of strategies; split it");
        }
        List<Strategy> strategies = new ArrayList<>();
        try (JsonParser parser = BATCH.createParser(json)) {
            new BoundedJsonReader(parser).readEach((index, element) -> strategies.add(strategy(element, index)));
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
        return strategies;
    }

    private static Strategy strategy(JsonNode element, int index) {
        try {
            return StrategyReader.strategy(element);
        } catch (InvalidStrategyException e) {
            throw e.under("[" + index + "]");
        }
    }

    /**
     * The canonical text: keys sorted at every level, no whitespace, conditions of each group
     * sorted by their own canonical text, risk exits as side fields, numbers as integers when
     * whole and as their shortest round-tripping decimal otherwise. {@link StrategyId} hashes it.
     */
    public static String toCanonicalJson(Strategy strategy) {
        return StrategyWriter.canonical(Objects.requireNonNull(strategy, "strategy"));
    }

    /** The canonical content in reading order (name first, conditions one per line), for people. */
    public static String toPrettyJson(Strategy strategy) {
        return StrategyWriter.pretty(Objects.requireNonNull(strategy, "strategy"));
    }
}

package dev.massbt.strategies.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The user-facing errors of the JSON format, built in one place. Each states what is wrong
 * and how to fix it; the path says where. (Errors about values the model records check
 * themselves, such as parameter ranges, come from those records.)
 */
final class FormatErrors {

    private static final int MAX_QUOTED = 40;

    private FormatErrors() {
    }

    // ---- syntax and size ---------------------------------------------------------------

    static InvalidStrategyException malformed(String path, JsonLocation at, String detail, Throwable cause) {
        return new InvalidStrategyException(path, "the JSON is malformed " + where(at) + ": " + detail
                + "; fix the syntax there (a missing comma, quote or bracket, or a trailing comma, is the usual cause)",
                cause);
    }

    static InvalidStrategyException empty() {
        return new InvalidStrategyException("", "the input is empty; expected a JSON object with name, timeframes and entry_rules");
    }

    static InvalidStrategyException trailing(JsonLocation at) {
        return new InvalidStrategyException("", "unexpected content after the end of the JSON value " + where(at)
                + "; a document holds one strategy (use a JSON array and parseAll for several)");
    }

    static InvalidStrategyException tooLong(String path, JsonLocation at, String what, long limit, String hint,
                                            Throwable cause) {
        return new InvalidStrategyException(path, what + " exceeds the limit of " + limit + " " + where(at) + "; " + hint,
                cause);
    }

    static InvalidStrategyException tooManyValues(String path, int limit) {
        return new InvalidStrategyException(path, "the strategy is too large: it has more than " + limit
                + " JSON values, while a valid strategy (at most " + Strategy.MAX_CONDITIONS
                + " conditions) needs a few hundred; is this the right input?");
    }

    static InvalidStrategyException notFinite(String path, String text) {
        return new InvalidStrategyException(path, "the number " + quote(text) + " is out of range for a double "
                + "(about 1.8e308 at most); use an ordinary number");
    }

    static InvalidStrategyException duplicateField(String path, String name) {
        return new InvalidStrategyException(path, "the field '" + name + "' is given twice; give each field once");
    }

    private static String where(JsonLocation at) {
        if (at == null || at.getLineNr() < 1) {
            return "(location unknown)";
        }
        return "at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    // ---- shape ------------------------------------------------------------------------

    static InvalidStrategyException wrongType(String path, String expected, JsonNode got) {
        return new InvalidStrategyException(path, "must be " + expected + ", got " + describe(got));
    }

    static InvalidStrategyException required(String path, String hint) {
        return new InvalidStrategyException(path, "is required" + (hint.isEmpty() ? "" : "; " + hint));
    }

    static InvalidStrategyException unknownField(String path, String field, String owner, List<String> known) {
        return new InvalidStrategyException(path, "unknown field '" + field + "'" + didYouMean(field, known)
                + "; the fields of " + owner + " are " + String.join(", ", known));
    }

    static InvalidStrategyException unknownName(String path, String what, String given, Collection<String> known) {
        return new InvalidStrategyException(path, "unknown " + what + " " + quote(given) + didYouMean(given, known)
                + "; use one of " + String.join(", ", known));
    }

    /** The JSON type of a node as a user reads it: {@code a string ("14")}. */
    static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isTextual()) {
            return "a string (" + quote(n.textValue()) + ")";
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
        if (n.isArray()) {
            return "an array";
        }
        return "an object";
    }

    static String quote(String s) {
        String shown = s.length() > MAX_QUOTED ? s.substring(0, MAX_QUOTED) + "..." : s;
        return "\"" + shown + "\"";
    }

    /** {@code " (did you mean 'comparison'?)"} when {@code given} is a near miss of a known name. */
    static String didYouMean(String given, Collection<String> known) {
        if (given.length() > 50) {
            return "";
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = k.equalsIgnoreCase(given) ? 0 : distance(given.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(1, Math.min(2, given.length() / 3))
                ? " (did you mean '" + best + "'?)" : "";
    }

    /** Levenshtein distance, for suggestions; both strings are short. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(substitute, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

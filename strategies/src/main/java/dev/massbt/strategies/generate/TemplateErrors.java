package dev.massbt.strategies.generate;

import dev.massbt.strategies.format.InvalidStrategyException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The user-facing errors of grid templates, built in one place. Each is an
 * {@link InvalidStrategyException} (a template is a strategy document with placeholders) with
 * the JSON path of the offending field and a problem that says how to fix it.
 */
final class TemplateErrors {

    private static final String GRID_EXAMPLE = "\"grid\": {\"fast\": {\"from\": 5, \"to\": 19, \"step\": 1}, "
            + "\"slow\": {\"values\": [20, 30, 50]}}";

    private TemplateErrors() {
    }

    static InvalidStrategyException malformed(long line, long column, String detail) {
        return new InvalidStrategyException("", "the JSON is malformed at line " + line + ", column " + column + ": "
                + detail.replaceAll("\\s+", " ") + "; fix the syntax there (a missing comma, quote or bracket, or a "
                + "trailing comma, is the usual cause)");
    }

    static InvalidStrategyException notAnObject() {
        return new InvalidStrategyException("", "a grid template must be a JSON object: a strategy whose numbers may "
                + "be placeholders such as \"${fast}\", plus " + GRID_EXAMPLE);
    }

    static InvalidStrategyException tooLong(long length) {
        return new InvalidStrategyException("", "the template is " + length + " characters long, more than the limit "
                + "of " + GridTemplate.MAX_DOCUMENT_LENGTH + "; a template takes a few kilobytes; is this the right "
                + "file?");
    }

    static InvalidStrategyException name(String problem) {
        return new InvalidStrategyException("name", problem + "; give the template a name such as "
                + "\"sma-cross-grid\" (each strategy is named after it plus its values, e.g. "
                + "\"sma-cross-grid fast=10 slow=30\")");
    }

    static InvalidStrategyException noGrid() {
        return new InvalidStrategyException("grid", "is required: a template names its parameters and their values, "
                + "e.g. " + GRID_EXAMPLE);
    }

    static InvalidStrategyException wrongType(String path, String expected, String got) {
        return new InvalidStrategyException(path, "must be " + expected + ", got " + got);
    }

    static InvalidStrategyException unknownField(String path, String field, List<String> known) {
        return new InvalidStrategyException(path, "unknown field '" + field + "'; a grid parameter has "
                + String.join(", ", known.subList(0, known.size() - 1)) + " or " + known.get(known.size() - 1)
                + " (from, to and step, or values)");
    }

    static InvalidStrategyException rangeAndValues(String path) {
        return new InvalidStrategyException(path, "gives both values and from/to/step; give one of them");
    }

    static InvalidStrategyException missingBound(String path, String bound) {
        return new InvalidStrategyException(path + "." + bound, "is required; a grid parameter is "
                + "{\"from\": 5, \"to\": 19, \"step\": 1} (step defaults to 1) or {\"values\": [5, 10, 20]}");
    }

    static InvalidStrategyException badParam(String path, String problem) {
        return new InvalidStrategyException(path, problem);
    }

    static InvalidStrategyException tooManyCombinations(String sizes) {
        return new InvalidStrategyException("grid", "has " + sizes + " combinations, more than the limit of "
                + GridTemplate.MAX_COMBINATIONS + "; use larger steps or fewer values (or split the grid into "
                + "several runs)");
    }

    static InvalidStrategyException badConstraint(String path, String problem) {
        return new InvalidStrategyException(path, problem);
    }

    static InvalidStrategyException placeholderInText(String path, String text) {
        return new InvalidStrategyException(path, "the placeholder must be the whole value, as in \"${fast}\", got \""
                + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"; placeholders stand for numbers");
    }

    static InvalidStrategyException placeholderInName() {
        return name("cannot hold a placeholder");
    }

    static InvalidStrategyException unknownPlaceholder(String path, String param, Collection<String> params) {
        return new InvalidStrategyException(path, "the placeholder \"${" + param + "}\" has no entry in grid (which "
                + "has " + String.join(", ", params) + "); add \"" + param + "\" to grid or correct the name");
    }

    static InvalidStrategyException unused(String param) {
        return new InvalidStrategyException("grid." + param, "is not used: no value of the strategy is \"${" + param
                + "}\"; use it as a placeholder or remove it from grid");
    }

    /** No combination is left to evaluate: say why, by reason, with the first example. */
    static InvalidStrategyException nothingToEvaluate(int combinations, List<GridExpansion.Skipped> skipped) {
        String path = skipped.stream().filter(s -> s.reason() == GridExpansion.Reason.INVALID).findFirst()
                .map(GridExpansion.Skipped::detail).orElse("constraints");
        StringBuilder why = new StringBuilder();
        for (GridExpansion.Skipped s : skipped) {
            why.append(why.length() == 0 ? "" : ", ").append(s.count()).append(' ').append(s.description())
                    .append(" (first: ").append(s.example()).append(')');
        }
        return new InvalidStrategyException(path, String.format(Locale.ROOT, "every one of the %d combinations is "
                + "skipped: %s; change the grid, the constraints or the template so that some combinations make "
                + "valid strategies", combinations, why));
    }
}

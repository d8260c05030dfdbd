package dev.massbt.strategies.generate;

import dev.massbt.strategies.format.Strategy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One evaluated combination of a {@link GridTemplate}: the parameter values and the strategy
 * they give.
 *
 * @param combination the index of the combination in grid order (the first grid parameter
 *                    varies slowest), 0-based over all combinations, skipped ones included
 * @param params      the values by parameter name, in grid order
 * @param label       the values as people read them: {@code fast=10 slow=30}
 * @param strategy    the template with these values, named {@code <template name> <label>}
 */
public record GridPoint(int combination, Map<String, Double> params, String label, Strategy strategy) {

    public GridPoint {
        if (combination < 0) {
            throw new IllegalArgumentException("combination must be >= 0, got " + combination);
        }
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(strategy, "strategy");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}

package dev.massbt.jobs.generate;

import dev.massbt.strategies.format.Strategy;
import dev.massbt.strategies.format.StrategyId;
import dev.massbt.strategies.format.StrategyJson;
import java.util.List;
import java.util.Objects;

/**
 * A strategy as the {@code strategies} table holds it.
 *
 * @param origin     random, genetic, grid or user
 * @param source     where exactly: {@code seed=42 index=17}, a file name, ...
 * @param generation the genetic generation, or null
 */
public record StoredStrategy(String id, String name, String json, String origin, String source, Integer generation,
                             List<String> parents, int complexity) {

    public static final List<String> ORIGINS = List.of("random", "genetic", "grid", "user");

    public StoredStrategy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(origin, "origin");
        if (!ORIGINS.contains(origin)) {
            throw new IllegalArgumentException("origin must be one of " + ORIGINS + ", got " + origin);
        }
        parents = List.copyOf(parents);
    }

    /** {@code s} with its id and canonical JSON. */
    public static StoredStrategy of(Strategy s, String origin, String source) {
        return new StoredStrategy(StrategyId.of(s).hex(), s.name(), StrategyJson.toCanonicalJson(s), origin, source,
                null, List.of(), s.complexity());
    }
}

package dev.massbt.jobs.generate;

import dev.massbt.strategies.format.Strategy;
import dev.massbt.strategies.generate.RandomStrategyGenerator;
import dev.massbt.strategies.generate.SearchSpace;
import java.util.ArrayList;
import java.util.List;

/** {@code count} random strategies of {@code seed}, as stored rows with their provenance. */
public final class RandomStrategies {

    private RandomStrategies() {
    }

    public static List<StoredStrategy> generate(SearchSpace space, long seed, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        RandomStrategyGenerator g = new RandomStrategyGenerator(space, seed);
        List<Strategy> strategies = g.generate(0, count);
        List<StoredStrategy> out = new ArrayList<>(count);
        for (int i = 0; i < strategies.size(); i++) {
            out.add(StoredStrategy.of(strategies.get(i), "random", "seed=" + seed + " index=" + i));
        }
        return out;
    }
}

package dev.massbt.strategies.generate;

import dev.massbt.strategies.format.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Random valid strategies, deterministic for a seed. Strategy {@code i} depends only on
 * {@code (seed, i)}, so any range of indices can be generated anywhere (in parallel, on
 * executors) and gives the same strategies as one sequential run.
 */
public final class RandomStrategyGenerator {

    private final GeneDecoder decoder;
    private final long seed;

    public RandomStrategyGenerator(SearchSpace space, long seed) {
        this.decoder = new GeneDecoder(Objects.requireNonNull(space, "space"));
        this.seed = seed;
    }

    /** Strategy number {@code index} of this seed. */
    public Strategy strategy(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
        SplittableRandom rnd = new SplittableRandom(mix(seed, index));
        double[] genes = new double[GeneDecoder.LENGTH];
        for (int i = 0; i < genes.length; i++) {
            genes[i] = rnd.nextDouble();
        }
        return decoder.decode(genes);
    }

    /** Strategies {@code from .. from+count-1}. */
    public List<Strategy> generate(long from, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        List<Strategy> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(strategy(from + i));
        }
        return out;
    }

    /** SplitMix64 finaliser over (seed, index): independent streams per index. */
    private static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

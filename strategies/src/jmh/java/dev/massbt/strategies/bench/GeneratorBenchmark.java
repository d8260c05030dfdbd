package dev.massbt.strategies.bench;

import dev.massbt.strategies.format.Strategy;
import dev.massbt.strategies.generate.RandomStrategyGenerator;
import dev.massbt.strategies.generate.SearchSpace;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Time to generate 1,000 random valid strategies (milliseconds per 1,000). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class GeneratorBenchmark {

    private long seed;

    @Benchmark
    public List<Strategy> generate1000() {
        return new RandomStrategyGenerator(SearchSpace.DEFAULT, seed++).generate(0, 1_000);
    }
}

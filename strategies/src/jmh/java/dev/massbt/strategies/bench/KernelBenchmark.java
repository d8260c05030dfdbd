package dev.massbt.strategies.bench;

import dev.massbt.strategies.bars.BarSeries;
import dev.massbt.strategies.format.Comparison;
import dev.massbt.strategies.format.Condition;
import dev.massbt.strategies.format.ExitRule;
import dev.massbt.strategies.format.IndicatorRef;
import dev.massbt.strategies.format.RuleGroup;
import dev.massbt.strategies.format.Strategy;
import dev.massbt.strategies.generate.RandomStrategyGenerator;
import dev.massbt.strategies.generate.SearchSpace;
import dev.massbt.strategies.indicator.IndicatorType;
import dev.massbt.strategies.kernel.ChunkResult;
import dev.massbt.strategies.kernel.CostModel;
import dev.massbt.strategies.kernel.Detail;
import dev.massbt.strategies.kernel.Kernel;
import dev.massbt.strategies.kernel.Segment;
import dev.massbt.strategies.metrics.MetricsConfig;
import dev.massbt.strategies.timeframe.Timeframe;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Kernel throughput in strategy-bar evaluations per second on ONE thread (= per core):
 * each benchmark's score is (strategies x primary bars) / second, because every invocation
 * is declared as that many operations.
 *
 * <ul>
 *   <li>{@code randomStrategies}: 1,000 random strategies (primary 1m, secondaries 1h/4h/1d
 *       allowed, long and short, stops/targets/time exits) over 1,000,000 one-minute bars:
 *       indicators, conditions, positions and metrics included, daily returns kept.</li>
 *   <li>{@code smaCrossoverGrid}: SMA(fast) crosses above / below SMA(slow), fast 5..20 x
 *       slow 21..50 = 480 strategies over the same bars.</li>
 * </ul>
 * Run: {@code mvn -q -pl strategies -Pbench test-compile exec:exec@jmh}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx8g", "-XX:+UseParallelGC"})
@Threads(1)
@State(Scope.Benchmark)
public class KernelBenchmark {

    static final int BARS = 1_000_000;
    static final int RANDOM = 1_000;
    static final int GRID = 16 * 30;

    private BarSeries bars;
    private List<Strategy> random;
    private List<Strategy> grid;

    @Setup
    public void setUp() {
        bars = syntheticMinutes(42, BARS);
        random = new RandomStrategyGenerator(
                new SearchSpace(List.of(Timeframe.M1), List.of(Timeframe.H1, Timeframe.H4, Timeframe.D1)), 2024)
                .generate(0, RANDOM);
        grid = new ArrayList<>();
        for (int fast = 5; fast <= 20; fast++) {
            for (int slow = 21; slow <= 50; slow++) {
                IndicatorRef f = IndicatorRef.of(IndicatorType.SMA, fast);
                IndicatorRef s = IndicatorRef.of(IndicatorType.SMA, slow);
                grid.add(new Strategy("sma " + fast + "/" + slow, 1, Timeframe.M1, List.of(),
                        RuleGroup.and(new Condition(f, Comparison.CROSSES_ABOVE, s)), null,
                        new ExitRule(RuleGroup.or(new Condition(f, Comparison.CROSSES_BELOW, s)), 0, 0, 0), null));
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(RANDOM * BARS)
    public ChunkResult randomStrategies() {
        return new Kernel(bars, new CostModel(5, 2), MetricsConfig.crypto())
                .run(random, List.of(Segment.ALL), EnumSet.of(Detail.DAILY_RETURNS));
    }

    @Benchmark
    @OperationsPerInvocation(GRID * BARS)
    public ChunkResult smaCrossoverGrid() {
        return new Kernel(bars, new CostModel(5, 2), MetricsConfig.crypto())
                .run(grid, List.of(Segment.ALL), EnumSet.of(Detail.DAILY_RETURNS));
    }

    /** Geometric random walk with volatility clustering; one bar a minute from 2024-01-01. */
    static BarSeries syntheticMinutes(long seed, int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        BarSeries.Builder bars = BarSeries.builder(Timeframe.M1, n);
        double price = 100;
        double vol = 0.0008;
        for (int i = 0; i < n; i++) {
            vol = Math.max(0.0002, Math.min(0.005, vol * Math.exp(0.05 * rnd.nextGaussian())));
            double close = price * Math.exp(vol * rnd.nextGaussian());
            double high = Math.max(price, close) * (1 + Math.abs(0.3 * vol * rnd.nextGaussian()));
            double low = Math.min(price, close) * (1 - Math.abs(0.3 * vol * rnd.nextGaussian()));
            bars.add(1_704_067_200_000L + i * 60_000L, price, high, low, close, 1 + rnd.nextInt(100));
            price = close;
        }
        return bars.build();
    }
}

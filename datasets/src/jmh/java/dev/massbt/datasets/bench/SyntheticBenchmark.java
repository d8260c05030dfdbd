package dev.massbt.datasets.bench;

import dev.massbt.datasets.synthetic.SyntheticMarket;
import dev.massbt.strategies.bars.BarSeries;
import java.time.LocalDate;
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

/** Time to generate 1,008,000 one-minute bars (one symbol, 700 days, 24/7), milliseconds per call. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@State(Scope.Benchmark)
public class SyntheticBenchmark {

    private final SyntheticMarket market = SyntheticMarket.of(List.of("SYN"), LocalDate.of(2020, 1, 1), 700, 42);

    @Benchmark
    public BarSeries generateMillionBars() {
        return market.bars("SYN");
    }
}

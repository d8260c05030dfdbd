package dev.massbt.datasets.bench;

import dev.massbt.datasets.bars.TickAggregator;
import dev.massbt.datasets.bars.TradeBars;
import dev.massbt.datasets.read.BarFormat;
import dev.massbt.datasets.read.BarReader;
import dev.massbt.datasets.read.BarRow;
import dev.massbt.datasets.read.TradeFormat;
import dev.massbt.datasets.read.TradeReader;
import dev.massbt.datasets.validate.Quarantine;
import dev.massbt.datasets.validate.ValidationRules;
import dev.massbt.strategies.timeframe.Timeframe;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading real files end to end (decompress, split, parse, validate), milliseconds per file:
 * the HistData EURUSD 2018 zip (372,607 rows; needs -Dmassbt.shared.data, set by the bench
 * profile) and the Bitstamp trades of ta4j-examples (100,000 rows) aggregated into 1m bars.
 * Rows per second = rows / (ms / 1000).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@State(Scope.Benchmark)
public class ReaderBenchmark {

    private Path histData;
    private Path bitstamp;

    @Setup
    public void setUp() throws IOException {
        Path shared = Path.of(System.getProperty("massbt.shared.data", "../shared/data"));
        histData = shared.resolve("histdata-m1/HISTDATA_COM_ASCII_EURUSD_M12018.zip");
        if (!Files.exists(histData)) {
            throw new IllegalStateException("HistData file not found at " + histData.toAbsolutePath()
                    + "; run with -Dmassbt.shared.data=DIR");
        }
        bitstamp = Files.createTempFile("bitstamp", ".csv");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("bitstamp_trades_from_20131125_usd.csv")) {
            Files.copy(in, bitstamp, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Benchmark
    public long histDataEurUsd2018() {
        long n = 0;
        double sum = 0;
        try (BarReader r = BarReader.open(histData, BarFormat.HISTDATA_M1, Timeframe.M1, Quarantine.keepingFirst(0))) {
            while (r.hasNext()) {
                BarRow b = r.next();
                sum += b.close();
                n++;
            }
        }
        return n + (long) sum;
    }

    @Benchmark
    public TradeBars bitstampTradesToMinuteBars() {
        try (TradeReader r = TradeReader.open(bitstamp, TradeFormat.BITSTAMP, ValidationRules.DEFAULT,
                Quarantine.keepingFirst(0))) {
            return TickAggregator.aggregate(r, Timeframe.M1);
        }
    }
}

package dev.massbt.jobs.cli;

import dev.massbt.datasets.catalog.DatasetRef;
import dev.massbt.datasets.ingest.SyntheticIngest;
import dev.massbt.datasets.run.RunId;
import dev.massbt.jobs.tables.RunWrites;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code massbt synth}: a synthetic market into the bars table. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Generate a synthetic market (one-minute bars with volatility clustering, jumps and intraday "
                + "volume seasonality, deterministic by seed) into the bars table. Symbols are SYN<seed>_001...")
final class SynthCommand extends RecordedCommand {

    @Option(names = "--symbols", paramLabel = "N", defaultValue = "4", description = "Symbols (default ${DEFAULT-VALUE}).")
    int symbols;

    @Option(names = "--days", paramLabel = "D", defaultValue = "365", description = "Days (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--start", paramLabel = "yyyy-MM-dd", description = "First day (default 2024-01-01).")
    LocalDate start;


    @Override
    Map<String, Long> seeds() {
        return Map.of("market", seed);
    }

    @Override
    Outcome run(SparkSession spark, RunWrites writes, RunId run) {
        DatasetRef.Synthetic ref = new DatasetRef.Synthetic(symbols, days, seed);
        SyntheticIngest s = SyntheticIngest.on(spark).warehouse(writes.warehouse()).dataset(ref);
        if (start != null) {
            s.start(start);
        }
        SyntheticIngest.Result r = s.execute();
        out(String.format(java.util.Locale.ROOT, "%s: %d bars of %d symbols (%s ... %s), %d new, bars version %d, "
                        + "%.1f s", r.dataset(), r.barsGenerated(), r.symbols().size(), r.symbols().get(0),
                r.symbols().get(r.symbols().size() - 1), r.barsInserted(), r.barsVersion(), r.millis() / 1000.0));
        return new Outcome(Map.of(), Map.of("bars", r.barsVersion()),
                Map.of("bars_generated", r.barsGenerated(), "bars_inserted", r.barsInserted()));
    }
}

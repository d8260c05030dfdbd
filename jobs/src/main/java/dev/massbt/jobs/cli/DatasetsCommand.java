package dev.massbt.jobs.cli;

import dev.massbt.datasets.catalog.DatasetCatalog;
import dev.massbt.datasets.run.RunId;
import dev.massbt.jobs.tables.RunWrites;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;

/** {@code massbt datasets}: what the bars table holds. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "List the symbols of the bars table: timeframe, first and last bar, rows, sources, Delta version.")
final class DatasetsCommand extends JobCommand {

    @Override
    Outcome run(SparkSession spark, RunWrites writes, RunId run) {
        List<DatasetCatalog.Entry> entries = DatasetCatalog.list(spark, writes.warehouse());
        if (entries.isEmpty()) {
            out("No bars in " + writes.warehouse() + " yet: run 'massbt ingest ...' or 'massbt synth'.");
            return new Outcome(Map.of(), Map.of(), Map.of());
        }
        out(String.format(Locale.ROOT, "bars table %s, version %d", writes.warehouse(), entries.get(0).barsVersion()));
        out(String.format(Locale.ROOT, "%-16s %-4s %-20s %-20s %10s  %s", "symbol", "tf", "first bar", "last bar",
                "rows", "sources"));
        for (DatasetCatalog.Entry e : entries) {
            String sources = e.sources().size() <= 2 ? String.join(", ", e.sources())
                    : e.sources().get(0) + ", ... (" + e.sources().size() + " sources)";
            out(String.format(Locale.ROOT, "%-16s %-4s %-20s %-20s %10d  %s", e.symbol(), e.timeframe(),
                    e.firstBar().toString().replace("T", " ").replace("Z", ""),
                    e.lastBar().toString().replace("T", " ").replace("Z", ""), e.rows(), sources));
        }
        return new Outcome(Map.of(), Map.of(), Map.of());
    }
}

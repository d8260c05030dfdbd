package dev.massbt.jobs.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.massbt.datasets.run.RunId;
import dev.massbt.jobs.error.JobErrors;
import dev.massbt.jobs.tables.RunTable;
import dev.massbt.jobs.tables.RunWrites;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code massbt runs}: the runs table. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List job runs, newest first: command, status, duration, counts; or one run in full.")
final class RunsCommand extends JobCommand {

    @Option(names = "--run", paramLabel = "RUN", description = "Show this run in full.")
    String show;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Newest N runs "
            + "(default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    Outcome run(SparkSession spark, RunWrites writes, RunId run) {
        if (!writes.exists(RunTable.RUNS)) {
            out("No runs in " + writes.warehouse() + " yet.");
            return new Outcome(Map.of(), Map.of(), Map.of());
        }
        Dataset<Row> runs = spark.read().format("delta").load(writes.path(RunTable.RUNS));
        if (show != null) {
            List<Row> rows = runs.where(col("run_id").equalTo(lit(RunId.of(show).value()))).collectAsList();
            if (rows.isEmpty()) {
                throw JobErrors.unknownRun(show, writes.path(RunTable.RUNS));
            }
            Row r = rows.get(0);
            for (String f : RunTable.RUNS.schema().fieldNames()) {
                Object v = r.get(r.fieldIndex(f));
                out(String.format(Locale.ROOT, "%-16s %s", f, v instanceof scala.collection.Iterable<?> it
                        ? it.mkString(f.equals("args") ? " " : ", ") : v));
            }
            return new Outcome(Map.of(), Map.of(), Map.of());
        }
        List<Row> rows = runs.orderBy(col("started_at").desc()).limit(limit)
                .select("run_id", "command", "status", "started_at", "duration_ms", "counts").collectAsList();
        out(String.format(Locale.ROOT, "%-40s %-14s %-9s %-19s %9s  %s", "run_id", "command", "status", "started (UTC)",
                "seconds", "counts"));
        for (Row r : rows) {
            out(String.format(Locale.ROOT, "%-40s %-14s %-9s %-19s %9s  %s", r.getString(0), r.getString(1),
                    r.getString(2), r.get(3).toString().substring(0, 19),
                    r.isNullAt(4) ? "-" : String.format(Locale.ROOT, "%.1f", r.getLong(4) / 1000.0),
                    r.getMap(5).mkString(", ")));
        }
        return new Outcome(Map.of(), Map.of(), Map.of());
    }
}

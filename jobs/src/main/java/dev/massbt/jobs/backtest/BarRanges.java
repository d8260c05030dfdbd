package dev.massbt.jobs.backtest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.unix_millis;

import dev.massbt.datasets.table.Table;
import dev.massbt.datasets.table.TableVersion;
import dev.massbt.datasets.table.Warehouse;
import dev.massbt.jobs.error.JobErrors;
import dev.massbt.strategies.timeframe.Timeframe;
import io.delta.tables.DeltaTable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Which bars a job reads: the bars table at its current version, and each symbol's bar range in
 * it. Every task of a run then reads that one version, so the run is reproducible and its input
 * version recorded.
 */
public final class BarRanges {

    private BarRanges() {
    }

    /** The bars table's current version; a user error when there is none yet. */
    public static TableVersion barsVersion(SparkSession spark, Warehouse warehouse) {
        String barsPath = warehouse.path(Table.BARS);
        if (!DeltaTable.isDeltaTable(spark, barsPath)) {
            throw JobErrors.noBarsTable(barsPath);
        }
        return TableVersion.latest(spark, barsPath);
    }

    /**
     * Each symbol's {@code timeframe} bars with open time in [from, to) (either may be null) at
     * {@code bars}, in the order given; a user error naming the symbols without any.
     */
    public static List<SymbolRange> of(SparkSession spark, TableVersion bars, List<String> symbols, Timeframe timeframe,
                                       Instant from, Instant to) {
        Column where = col("symbol").isin(symbols.toArray()).and(col("timeframe").equalTo(lit(timeframe.label())));
        if (from != null) {
            where = where.and(col("ts").geq(lit(from)));
        }
        if (to != null) {
            where = where.and(col("ts").lt(lit(to)));
        }
        List<Row> found = spark.read().format("delta").option("versionAsOf", bars.version()).load(bars.path())
                .where(where).groupBy("symbol")
                .agg(unix_millis(min("ts")).as("first"), unix_millis(max("ts")).as("last"), count(lit(1)).as("n"))
                .collectAsList();
        Map<String, SymbolRange> bySymbol = new LinkedHashMap<>();
        for (Row r : found) {
            bySymbol.put(r.getString(0), new SymbolRange(r.getString(0), r.getLong(1),
                    r.getLong(2) + timeframe.millis(), r.getLong(3)));
        }
        List<String> missing = symbols.stream().filter(s -> !bySymbol.containsKey(s)).toList();
        if (!missing.isEmpty()) {
            String range = from != null || to != null ? " in [" + (from == null ? "start" : from) + ", "
                    + (to == null ? "end" : to) + ")" : "";
            throw JobErrors.noBars(timeframe.toString(), missing, range, bars.path(), bars.version());
        }
        return symbols.stream().map(bySymbol::get).toList();
    }
}

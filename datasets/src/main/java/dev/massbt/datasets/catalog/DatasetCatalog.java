package dev.massbt.datasets.catalog;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import dev.massbt.datasets.table.Table;
import dev.massbt.datasets.table.TableVersion;
import dev.massbt.datasets.table.Warehouse;
import io.delta.tables.DeltaTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What a warehouse holds: one line per (symbol, timeframe) of the {@code bars} table with its
 * first and last bar, row count and the sources they came from, all read at one table version
 * (the version a backtest of these bars would record).
 */
public final class DatasetCatalog {

    private DatasetCatalog() {
    }

    /** One symbol's bars on one timeframe. */
    public record Entry(String symbol, String timeframe, Instant firstBar, Instant lastBar, long rows,
                        List<String> sources, long barsVersion) {
        public Entry {
            Objects.requireNonNull(symbol, "symbol");
            sources = List.copyOf(sources);
        }
    }

    /** Every (symbol, timeframe) in the warehouse's bars table, sorted; empty when there is no table yet. */
    public static List<Entry> list(SparkSession spark, Warehouse warehouse) {
        String path = warehouse.path(Table.BARS);
        if (!DeltaTable.isDeltaTable(spark, path)) {
            return List.of();
        }
        TableVersion version = TableVersion.latest(spark, path);
        List<Row> rows = spark.read().format("delta").option("versionAsOf", version.version()).load(path)
                .groupBy(col("symbol"), col("timeframe"))
                .agg(min(col("ts")).as("first"), max(col("ts")).as("last"), count(col("ts")).as("rows"),
                        array_sort(collect_set(col("source"))).as("sources"))
                .orderBy(col("symbol"), col("timeframe"))
                .collectAsList();
        List<Entry> entries = new ArrayList<>(rows.size());
        for (Row r : rows) {
            entries.add(new Entry(r.getString(0), r.getString(1), instant(r.get(2)), instant(r.get(3)), r.getLong(4),
                    r.getList(5), version.version()));
        }
        return entries;
    }

    /** Spark hands timestamps out as java.sql.Timestamp, or as Instant with its java8API setting on. */
    private static Instant instant(Object value) {
        return value instanceof Instant i ? i : ((java.sql.Timestamp) value).toInstant();
    }
}

package dev.massbt.datasets.ingest;

import static org.apache.spark.sql.functions.col;

import dev.massbt.datasets.table.Table;
import dev.massbt.datasets.table.Warehouse;
import io.delta.tables.DeltaTable;
import io.delta.tables.DeltaTableBuilder;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Delta writes every ingest shares: create a table if needed, insert only new keys. */
final class DeltaWrites {

    private static final Logger LOG = LoggerFactory.getLogger(DeltaWrites.class);

    private final SparkSession spark;
    private final Warehouse warehouse;

    DeltaWrites(SparkSession spark, Warehouse warehouse) {
        this.spark = Objects.requireNonNull(spark, "spark");
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    }

    /** Rows inserted by one write and the table version after it. */
    record Written(long inserted, long version) {
    }

    /**
     * MERGE that inserts the rows of {@code rows} whose key is not in the table yet, never
     * updating one, so repeating it changes nothing. The condition is built from columns, never
     * from strings: {@code prune} restricts the target to the partitions the rows fall in.
     */
    Written insertNew(Table table, Dataset<Row> rows, Column prune) {
        long start = System.nanoTime();
        DeltaTable target = create(table);
        Row metrics = target.as("t").merge(rows.as("s"), prune.and(keyMatch(table)))
                .whenNotMatched().insertAll().execute().first();
        long n = metrics.getLong(metrics.fieldIndex("num_inserted_rows"));
        long version = version(target);
        LOG.info("ingest: {} rows inserted into {} (version {}) in {} ms", n, table.tableName(), version,
                (System.nanoTime() - start) / 1_000_000L);
        return new Written(n, version);
    }

    /** MERGE that replaces the rows with the same key and inserts the others (for the ingests log). */
    long upsert(Table table, Dataset<Row> rows) {
        DeltaTable target = create(table);
        target.as("t").merge(rows.as("s"), keyMatch(table))
                .whenMatched().updateAll().whenNotMatched().insertAll().execute();
        return version(target);
    }

    static Column keyMatch(Table table) {
        Set<String> columns = new LinkedHashSet<>(table.keyColumns());
        columns.addAll(table.partitionColumns());
        Column c = null;
        for (String name : columns) {
            Column eq = col("t." + name).equalTo(col("s." + name));
            c = c == null ? eq : c.and(eq);
        }
        return c;
    }

    DeltaTable create(Table table) {
        DeltaTableBuilder b = DeltaTable.createIfNotExists(spark).location(warehouse.path(table))
                .addColumns(table.schema());
        if (!table.partitionColumns().isEmpty()) {
            b = b.partitionedBy(table.partitionColumns().toArray(String[]::new));
        }
        return b.execute();
    }

    static long version(DeltaTable t) {
        return t.history(1).select("version").first().getLong(0);
    }
}

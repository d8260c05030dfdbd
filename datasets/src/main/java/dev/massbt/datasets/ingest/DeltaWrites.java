package dev.massbt.datasets.ingest;

import dev.massbt.datasets.table.Table;
import dev.massbt.datasets.table.Warehouse;
import io.delta.tables.DeltaTable;
import java.util.Objects;
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
     * from strings: {@code prune} restricts the target to the partitions the rows fall in. With
     * schema evolution: a table written by an older massbt gains the columns added since (its rows
     * have null there), such as {@code ticks.in_session}.
     */
    Written insertNew(Table table, Dataset<Row> rows, Column prune) {
        long start = System.nanoTime();
        DeltaTable target = create(table);
        Row metrics = asLaidOut(() -> target.as("t").merge(rows.as("s"), prune.and(table.keyMatch()))
                .withSchemaEvolution().whenNotMatched().insertAll().execute().first());
        long n = metrics.getLong(metrics.fieldIndex("num_inserted_rows"));
        long version = version(target);
        LOG.info("ingest: {} rows inserted into {} (version {}) in {} ms", n, table.tableName(), version,
                (System.nanoTime() - start) / 1_000_000L);
        return new Written(n, version);
    }

    /**
     * Runs {@code write} with the parsed rows written as they lie: each parse task holds one file
     * or piece, in time order, so its rows already fall in few partitions. Delta's default
     * (repartition by the partition columns, then sort in each task) sends every row of one
     * symbol and date through a shuffle into one task and sorts it again: measured on a 10 M-row
     * tick file, 33 s of a 67 s ingest; written as they lie, each task writes its own rows, with up
     * to {@value #OPEN_FILES} partition files open at once instead of a sort.
     */
    private <T> T asLaidOut(java.util.function.Supplier<T> write) {
        var conf = spark.conf();
        String repartition = conf.get(REPARTITION, "true");
        String writers = conf.get(WRITERS, "0");
        conf.set(REPARTITION, "false");
        conf.set(WRITERS, Integer.toString(OPEN_FILES));
        try {
            return write.get();
        } finally {
            conf.set(REPARTITION, repartition);
            conf.set(WRITERS, writers);
        }
    }

    private static final String REPARTITION = "spark.databricks.delta.merge.repartitionBeforeWrite.enabled";
    private static final String WRITERS = "spark.sql.maxConcurrentOutputFileWriters";
    private static final int OPEN_FILES = 16;

    /**
     * MERGE that replaces the rows with the same key and inserts the others (for the ingests log).
     * With schema evolution: a table written by an older massbt gains the columns added since.
     */
    long upsert(Table table, Dataset<Row> rows) {
        DeltaTable target = create(table);
        target.as("t").merge(rows.as("s"), table.keyMatch()).withSchemaEvolution()
                .whenMatched().updateAll().whenNotMatched().insertAll().execute();
        return version(target);
    }

    DeltaTable create(Table table) {
        return table.createIfNotExists(spark, warehouse);
    }

    static long version(DeltaTable t) {
        return t.history(1).select("version").first().getLong(0);
    }
}

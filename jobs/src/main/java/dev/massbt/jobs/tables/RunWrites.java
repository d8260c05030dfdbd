package dev.massbt.jobs.tables;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.massbt.datasets.run.RunId;
import dev.massbt.datasets.table.Warehouse;
import io.delta.tables.DeltaTable;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the jobs write their tables, each write one Delta commit:
 * <ul>
 *   <li>{@link #replaceRun}: a run's rows of a {@code run_id}-partitioned table replace that
 *       run's partition (dynamic partition overwrite), so re-running a run id leaves exactly
 *       the new rows and no other run is touched;</li>
 *   <li>{@link #insertNew}: rows whose key is not there yet are inserted, nothing is updated
 *       ({@code strategies}: deduplicated by id);</li>
 *   <li>{@link #upsert}: rows replace the rows with the same key ({@code runs}).</li>
 * </ul>
 * Conditions are built from {@link Column}s, never from SQL text.
 */
public final class RunWrites {

    private static final Logger LOG = LoggerFactory.getLogger(RunWrites.class);

    private final SparkSession spark;
    private final Warehouse warehouse;

    public RunWrites(SparkSession spark, Warehouse warehouse) {
        this.spark = Objects.requireNonNull(spark, "spark");
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    }

    public Warehouse warehouse() {
        return warehouse;
    }

    public String path(RunTable table) {
        return warehouse.path(table.tableName());
    }

    /**
     * Replaces run {@code run}'s rows of {@code table} with {@code rows} (all of that run, at least
     * one) in one commit, and returns the table version after it. (A dynamic partition overwrite
     * with no rows would leave the old partition: a run with nothing to write calls
     * {@link #deleteRun}, or {@link #replaceRun(RunTable, RunId, List)} which decides.) A table an
     * older massbt wrote gains the columns added since (schema evolution; its rows read null there).
     */
    public long replaceRun(RunTable table, RunId run, Dataset<Row> rows) {
        if (!table.perRun()) {
            throw new IllegalArgumentException(table.tableName() + " is not partitioned by run_id");
        }
        long start = System.nanoTime();
        DeltaTable target = create(table);
        rows.select(table.columns()).write().format("delta").mode("overwrite")
                .option("partitionOverwriteMode", "dynamic").option("mergeSchema", "true").save(path(table));
        long version = version(target);
        LOG.info("{}: run {} written (version {}) in {} ms", table.tableName(), run, version,
                (System.nanoTime() - start) / 1_000_000L);
        return version;
    }

    /** Replaces run {@code run}'s rows of {@code table} with {@code rows} built on the driver; none deletes them. */
    public long replaceRun(RunTable table, RunId run, List<Row> rows) {
        return rows.isEmpty() ? deleteRun(table, run)
                : replaceRun(table, run, spark.createDataFrame(rows, table.schema()).coalesce(1));
    }

    /**
     * Appends {@code rows} in one commit (a blind append: no read of the table), for tables a
     * run writes step by step ({@code evolution}); returns the version.
     */
    public long append(RunTable table, Dataset<Row> rows) {
        DeltaTable t = create(table);
        rows.write().format("delta").mode("append").save(path(table));
        return version(t);
    }

    /** Deletes run {@code run}'s rows of {@code table} (one commit); returns the version. */
    public long deleteRun(RunTable table, RunId run) {
        DeltaTable t = create(table);
        t.delete(col("run_id").equalTo(lit(run.value())));
        return version(t);
    }

    /** Inserts the rows whose key is not in {@code table} yet; returns (inserted, version). */
    public Written insertNew(RunTable table, Dataset<Row> rows) {
        DeltaTable target = create(table);
        Row m = target.as("t").merge(rows.as("s"), table.keyMatch()).whenNotMatched().insertAll().execute().first();
        return new Written(m.getLong(m.fieldIndex("num_inserted_rows")), version(target));
    }

    /** Inserts or replaces rows by key; returns the version. */
    public long upsert(RunTable table, Dataset<Row> rows) {
        DeltaTable target = create(table);
        target.as("t").merge(rows.as("s"), table.keyMatch()).whenMatched().updateAll().whenNotMatched().insertAll()
                .execute();
        return version(target);
    }

    /** The table, created empty with its schema and partitioning if it does not exist yet. */
    public DeltaTable create(RunTable table) {
        return table.createIfNotExists(spark, warehouse);
    }

    /** Whether the table exists yet. */
    public boolean exists(RunTable table) {
        return DeltaTable.isDeltaTable(spark, path(table));
    }

    public static long version(DeltaTable t) {
        return t.history(1).select("version").first().getLong(0);
    }

    /** Rows inserted by a write and the table version after it. */
    public record Written(long inserted, long version) {
    }
}

package dev.massbt.datasets.table;

import io.delta.tables.DeltaTable;
import java.io.Serializable;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;

/**
 * A Delta table at one version: what a job resolves once on the driver and ships to its tasks,
 * so that every task reads the same data and the run can be reproduced (time travel).
 */
public record TableVersion(String path, long version) implements Serializable {

    public TableVersion {
        Objects.requireNonNull(path, "path");
        if (version < 0) {
            throw new IllegalArgumentException("Delta version must be >= 0, got " + version);
        }
    }

    /** The table's current version. */
    public static TableVersion latest(SparkSession spark, String path) {
        long v = DeltaTable.forPath(spark, path).history(1).select("version").first().getLong(0);
        return new TableVersion(path, v);
    }
}

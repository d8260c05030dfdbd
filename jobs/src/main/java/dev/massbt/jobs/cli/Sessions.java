package dev.massbt.jobs.cli;

import dev.massbt.datasets.table.DeltaSessions;
import dev.massbt.datasets.table.Warehouse;
import org.apache.spark.sql.SparkSession;

/**
 * The SparkSession of a command: under spark-submit (which sets {@code spark.master}) the
 * cluster's, with Delta and UTC added; otherwise the embedded default, {@code local[cores]} on
 * loopback.
 */
final class Sessions {

    private Sessions() {
    }

    static SparkSession open(Warehouse warehouse, int cores) {
        if (System.getProperty("spark.master") != null) {
            return DeltaSessions.configure(SparkSession.builder(), warehouse).appName("massbt").getOrCreate();
        }
        int n = cores > 0 ? cores : Runtime.getRuntime().availableProcessors();
        SparkSession spark = DeltaSessions.local(warehouse, n);
        // One machine: a few shuffle and Delta-snapshot partitions, not Spark's cluster defaults
        // (200 and 50), which make every small query and commit schedule hundreds of tasks.
        spark.conf().set("spark.sql.shuffle.partitions", Integer.toString(2 * n));
        spark.conf().set("spark.databricks.delta.snapshotPartitions", Integer.toString(n));
        return spark;
    }
}

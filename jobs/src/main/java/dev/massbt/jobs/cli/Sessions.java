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
        return DeltaSessions.local(warehouse, n);
    }
}

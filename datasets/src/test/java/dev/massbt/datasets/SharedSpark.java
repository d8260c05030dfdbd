package dev.massbt.datasets;

import dev.massbt.datasets.table.DeltaSessions;
import dev.massbt.datasets.table.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of the test JVM (Iceberg's TestBase pattern): local[2], loopback only,
 * no UI, few shuffle and snapshot partitions so that small Delta writes are fast. Started on
 * first use, stopped by Spark's shutdown hook. Each test class makes its own warehouse under
 * target/.
 */
public final class SharedSpark {

    private static SparkSession session;

    private SharedSpark() {
    }

    public static synchronized SparkSession session() {
        if (session == null) {
            Warehouse sparkDir = Warehouse.at(Path.of("target", "spark-warehouse"));
            session = DeltaSessions.configure(SparkSession.builder(), sparkDir)
                    .master("local[2]")
                    .appName("massbt-datasets-tests")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.default.parallelism", "2")
                    .config("spark.databricks.delta.snapshotPartitions", "1")
                    .getOrCreate();
        }
        return session;
    }

    /** A fresh, empty warehouse directory under target/ for one test class. */
    public static Warehouse freshWarehouse(String name) {
        Path dir = Path.of("target", "warehouses", name + "-" + System.nanoTime()).toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Warehouse.at(dir);
    }
}

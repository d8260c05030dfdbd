package dev.massbt.datasets.table;

import static org.apache.spark.sql.functions.col;

import io.delta.tables.DeltaTable;
import io.delta.tables.DeltaTableBuilder;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A Delta table of the warehouse: its directory name, schema, partition columns and the key an
 * idempotent write matches on. The ingest tables ({@link Table}) and the jobs' tables implement it.
 */
public interface TableSpec {

    /** Directory name under the warehouse root ({@code [a-z_]+}). */
    String tableName();

    StructType schema();

    List<String> partitionColumns();

    /** Columns that identify a row: an idempotent write matches on them (plus the partition columns). */
    List<String> keyColumns();

    /** The table at {@code warehouse}, created empty with its schema and partitioning if it does not exist. */
    default DeltaTable createIfNotExists(SparkSession spark, Warehouse warehouse) {
        DeltaTableBuilder b = DeltaTable.createIfNotExists(spark).location(warehouse.path(tableName()))
                .addColumns(schema());
        if (!partitionColumns().isEmpty()) {
            b = b.partitionedBy(partitionColumns().toArray(String[]::new));
        }
        if (!statsColumns().isEmpty()) {
            b = b.property("delta.dataSkippingStatsColumns", String.join(",", statsColumns()));
        }
        return b.execute();
    }

    /**
     * The columns Delta keeps min/max statistics of for data skipping; empty: Delta's default (the
     * first 32). A table written by the row in bulk names the ones its reads filter on: gathering
     * statistics of every column, strings included, is a fifth of writing ten million ticks.
     */
    default List<String> statsColumns() {
        return List.of();
    }

    /** {@code t.k = s.k} for every key and partition column: the MERGE condition of target t and source s. */
    default Column keyMatch() {
        Set<String> columns = new LinkedHashSet<>(keyColumns());
        columns.addAll(partitionColumns());
        Column c = null;
        for (String name : columns) {
            Column eq = col("t." + name).equalTo(col("s." + name));
            c = c == null ? eq : c.and(eq);
        }
        return c;
    }

    static StructField notNull(String name, DataType type) {
        return new StructField(name, type, false, Metadata.empty());
    }

    static StructField nullable(String name, DataType type) {
        return new StructField(name, type, true, Metadata.empty());
    }
}

package dev.massbt.datasets.table;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.unix_millis;

import dev.massbt.strategies.bars.BarSeries;
import java.time.Instant;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Test fixture: a symbol's bars read on the driver through Spark SQL, independently of
 * {@link BarsLoader}'s Delta Kernel reader that the backtest tasks use.
 */
public final class DriverBars {

    private DriverBars() {
    }

    /** Driver side: the bars of {@code query} from the bars table at {@code barsPath}, through Spark SQL. */
    public static BarSeries load(SparkSession spark, String barsPath, BarsQuery query) {
        Dataset<Row> rows = spark.read().format("delta").load(barsPath)
                .where(col("symbol").equalTo(lit(query.symbol()))
                        .and(col("month").isin(query.months().toArray()))
                        .and(col("timeframe").equalTo(lit(query.timeframe().label())))
                        .and(col("ts").geq(lit(Instant.ofEpochMilli(query.fromMillis()))))
                        .and(col("ts").lt(lit(Instant.ofEpochMilli(query.toMillis())))))
                .select(unix_millis(col("ts")).as("ts"), col("open"), col("high"), col("low"), col("close"),
                        col("volume"))
                .orderBy("ts");
        BarSeries.Builder b = BarSeries.builder(query.timeframe(), 1024);
        for (Row r : rows.collectAsList()) {
            b.add(r.getLong(0), r.getDouble(1), r.getDouble(2), r.getDouble(3), r.getDouble(4), r.getDouble(5));
        }
        return b.build();
    }

}

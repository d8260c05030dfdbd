package dev.massbt.jobs.backtest;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/** One pass of a plan's tasks over a set of strategies, as the rows of {@link ResultTask}. */
public final class Evaluation {

    private Evaluation() {
    }

    /**
     * Every strategy of {@code set} on every task of {@code spec}'s plan, as one persisted
     * DataFrame of {@link ResultTask#ROW}s (one per strategy, symbol and segment), checked
     * complete. The caller unpersists it.
     */
    public static Dataset<Row> results(SparkSession spark, BacktestSpec spec, Broadcast<StrategySet> set) {
        BacktestPlan plan = spec.plan();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<Row> out = jsc.parallelize(plan.tasks(), plan.tasks().size()).mapPartitions(new ResultTask(spec, set));
        Dataset<Row> rows = spark.createDataFrame(out, ResultTask.ROW).persist(StorageLevel.MEMORY_AND_DISK());
        long n = rows.count();
        long expected = (long) plan.strategies() * plan.segments().stream().mapToLong(List::size).sum();
        if (n != expected) {
            rows.unpersist(true);
            throw new IllegalStateException("Backtest " + spec.runId() + " produced " + n + " result rows, expected "
                    + expected + ".");
        }
        return rows;
    }
}

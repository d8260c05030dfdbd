package dev.massbt.jobs.rank;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.massbt.strategies.metrics.Metric;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The one definition of a strategy's score across symbols, which {@code rank}, {@code optimize}
 * and {@code evolve} all use: a metric averaged over the symbols' {@code results} rows weighted
 * by each symbol's bars (a week of one symbol must not weigh like a year of another), exactly the
 * row's own value when there is one row (no multiply-divide rounding to reorder ties); the
 * worst drawdown; the trades summed.
 */
public final class Scores {

    private Scores() {
    }

    /** {@code metric}'s bar-weighted mean over a group's rows: {@code sum(m * bars) / sum(bars)}; one row: its value. */
    public static Column weighted(Metric metric) {
        Column c = col(metric.column());
        return when(count(lit(1)).equalTo(1), max(c)).otherwise(sum(c.multiply(col("bars"))).divide(sum(col("bars"))));
    }

    /** {@code metric}'s worst value over a group's rows: the largest drawdown, the smallest return. */
    public static Column worst(Metric metric) {
        return metric.higherIsBetter() ? min(metric.column()) : max(metric.column());
    }

    /**
     * Per key of {@code segment} (rows of one segment of {@code results}): {@code <prefix>score}
     * ({@code metric} weighted), {@code <prefix>sharpe} and {@code <prefix>total_return} (weighted),
     * {@code <prefix>max_drawdown} (the worst) and {@code <prefix>trades} (summed, a long).
     */
    public static Dataset<Row> aggregate(Dataset<Row> segment, Metric metric, Column[] keys, String prefix) {
        return segment.groupBy(keys).agg(weighted(metric).as(prefix + "score"),
                weighted(Metric.SHARPE).as(prefix + "sharpe"),
                weighted(Metric.TOTAL_RETURN).as(prefix + "total_return"),
                worst(Metric.MAX_DRAWDOWN).as(prefix + "max_drawdown"),
                sum(Metric.TRADES.column()).cast("long").as(prefix + "trades"));
    }

    /** Rows ordered best first by the score column {@code column} of {@code metric}. */
    public static Column best(Metric metric, String column) {
        return metric.higherIsBetter() ? col(column).desc() : col(column).asc();
    }
}

package dev.massbt.jobs.backtest;

import dev.massbt.datasets.table.TableVersion;
import dev.massbt.strategies.kernel.CostModel;
import dev.massbt.strategies.metrics.MetricsConfig;
import dev.massbt.strategies.timeframe.Timeframe;
import java.util.List;
import java.util.Objects;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * How a run evaluates set after set of strategies on the same market (evolution: each
 * generation's new strategies in-sample, then its best out of sample): the bars at one version,
 * the symbols' ranges, the split, costs, calendar and how tasks are cut. Each pass is one Spark
 * job; the bars stay cached in the executors between passes.
 */
public record Passes(String runId, TableVersion bars, Timeframe timeframe, List<SymbolRange> symbols, Split split,
                     CostModel costs, MetricsConfig metrics, int cores, int chunkSize) {

    public Passes {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(bars, "bars");
        Objects.requireNonNull(timeframe, "timeframe");
        symbols = List.copyOf(symbols);
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(costs, "costs");
        Objects.requireNonNull(metrics, "metrics");
    }

    /** The spec of a pass of {@code strategies} strategies over segment {@code segment} of every symbol. */
    public BacktestSpec spec(int strategies, String segment) {
        BacktestPlan plan = BacktestPlan.of(symbols, split, strategies, cores, chunkSize).onlySegment(segment);
        return new BacktestSpec(runId, bars, timeframe, plan, costs, metrics);
    }

    /** {@code set} on {@code segment}: persisted {@link ResultTask#ROW}s, checked complete; the caller unpersists. */
    public Dataset<Row> results(SparkSession spark, Broadcast<StrategySet> set, String segment) {
        return Evaluation.results(spark, spec(set.value().size(), segment), set);
    }
}

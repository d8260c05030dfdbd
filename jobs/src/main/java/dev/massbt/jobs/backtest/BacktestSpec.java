package dev.massbt.jobs.backtest;

import dev.massbt.datasets.table.BarsQuery;
import dev.massbt.datasets.table.TableVersion;
import dev.massbt.strategies.kernel.CostModel;
import dev.massbt.strategies.metrics.MetricsConfig;
import dev.massbt.strategies.timeframe.Timeframe;
import java.io.Serializable;
import java.util.Objects;

/**
 * What every task of one backtest pass shares: the run, the bars table at one version and their
 * timeframe, the plan, costs and the metrics' calendar. Shipped to the executors with the tasks.
 */
public record BacktestSpec(String runId, TableVersion bars, Timeframe timeframe, BacktestPlan plan, CostModel costs,
                           MetricsConfig metrics) implements Serializable {

    public BacktestSpec {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(bars, "bars");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(costs, "costs");
        Objects.requireNonNull(metrics, "metrics");
    }

    /** The same run on another plan (a segment only, the top strategies only). */
    public BacktestSpec withPlan(BacktestPlan other) {
        return new BacktestSpec(runId, bars, timeframe, other, costs, metrics);
    }

    /** The bars task {@code symbol} (an index into the plan's symbols) reads. */
    BarsQuery query(int symbol) {
        SymbolRange r = plan.symbols().get(symbol);
        return new BarsQuery(r.symbol(), timeframe, r.fromMillis(), r.toMillis());
    }
}

package dev.massbt.jobs.backtest;

import dev.massbt.datasets.table.BarsLoader;
import dev.massbt.datasets.table.BarsQuery;
import dev.massbt.datasets.table.TableVersion;
import dev.massbt.jobs.tables.RunTable;
import dev.massbt.strategies.bars.BarSeries;
import dev.massbt.strategies.format.Strategy;
import dev.massbt.strategies.format.StrategyJson;
import dev.massbt.strategies.kernel.ChunkResult;
import dev.massbt.strategies.kernel.CostModel;
import dev.massbt.strategies.kernel.DailyReturns;
import dev.massbt.strategies.kernel.Detail;
import dev.massbt.strategies.kernel.Kernel;
import dev.massbt.strategies.kernel.Segment;
import dev.massbt.strategies.kernel.StrategyResult;
import dev.massbt.strategies.kernel.Trade;
import dev.massbt.strategies.metrics.Metrics;
import dev.massbt.strategies.metrics.MetricsConfig;
import dev.massbt.strategies.timeframe.Timeframe;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The executor side of a backtest: for each {@link TaskSpec}, the symbol's bars (read once per
 * executor through {@link BarsLoader}'s cache), the chunk's strategies parsed from the
 * broadcast JSON, one {@link Kernel} run over every segment, and the rows to write. The work is
 * in {@link #rows(TaskSpec, BarSeries)}, callable without Spark running.
 */
public final class BacktestTask implements FlatMapFunction<Iterator<TaskSpec>, Row> {

    private static final long serialVersionUID = 1L;

    /** {@code results} columns followed by the {@code returns} arrays: one row per (strategy, symbol, segment). */
    public static final StructType RESULT_ROW = resultRow();
    /** The trades table's schema. */
    public static final StructType TRADE_ROW = RunTable.TRADES.schema();

    /** What every task of a run shares. */
    public record Context(String runId, TableVersion bars, Timeframe timeframe, BacktestPlan plan, CostModel costs,
                          MetricsConfig metrics) implements Serializable {
        public Context {
            Objects.requireNonNull(runId, "runId");
            Objects.requireNonNull(bars, "bars");
            Objects.requireNonNull(timeframe, "timeframe");
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(costs, "costs");
            Objects.requireNonNull(metrics, "metrics");
        }

        BarsQuery query(int symbol) {
            SymbolRange r = plan.symbols().get(symbol);
            return new BarsQuery(r.symbol(), timeframe, r.fromMillis(), r.toMillis());
        }
    }

    private final Context context;
    private final Broadcast<StrategySet> strategies;
    private final boolean trades;

    private BacktestTask(Context context, Broadcast<StrategySet> strategies, boolean trades) {
        this.context = Objects.requireNonNull(context, "context");
        this.strategies = Objects.requireNonNull(strategies, "strategies");
        this.trades = trades;
    }

    /** Tasks that give one {@link #RESULT_ROW} per (strategy, symbol, segment). */
    public static BacktestTask results(Context context, Broadcast<StrategySet> strategies) {
        return new BacktestTask(context, strategies, false);
    }

    /** Tasks that give the {@link #TRADE_ROW}s of every trade. */
    public static BacktestTask trades(Context context, Broadcast<StrategySet> strategies) {
        return new BacktestTask(context, strategies, true);
    }

    @Override
    public Iterator<Row> call(Iterator<TaskSpec> specs) {
        List<Row> out = new ArrayList<>();
        while (specs.hasNext()) {
            TaskSpec spec = specs.next();
            BarSeries bars = BarsLoader.load(context.bars(), context.query(spec.symbol()));
            out.addAll(rows(spec, bars));
        }
        return out.iterator();
    }

    /** The rows of one task over {@code bars} (the symbol's bars of the plan's range). */
    public List<Row> rows(TaskSpec spec, BarSeries bars) {
        StrategySet set = strategies.value();
        List<Strategy> chunk = new ArrayList<>(spec.strategies());
        for (int i = spec.fromStrategy(); i < spec.toStrategy(); i++) {
            chunk.add(StrategyJson.parse(set.json(i)));
        }
        String symbol = context.plan().symbols().get(spec.symbol()).symbol();
        List<Segment> segments = context.plan().segments().get(spec.symbol());
        Kernel kernel = new Kernel(bars, context.costs(), context.metrics());
        ChunkResult result = kernel.run(chunk, segments,
                trades ? EnumSet.of(Detail.TRADES) : EnumSet.of(Detail.DAILY_RETURNS));
        List<Row> rows = new ArrayList<>();
        for (StrategyResult r : result.results()) {
            String id = set.id(spec.fromStrategy() + r.strategyIndex());
            if (trades) {
                for (Trade t : r.trades()) {
                    rows.add(tradeRow(id, symbol, r.segment().name(), t));
                }
            } else {
                rows.add(resultRow(id, symbol, r, bars));
            }
        }
        return rows;
    }

    private Row resultRow(String id, String symbol, StrategyResult r, BarSeries bars) {
        Segment s = r.segment();
        long[] ts = bars.ts();
        int from = bars.indexAtOrAfter(s.fromMillis());
        int to = bars.indexAtOrAfter(s.toMillis());
        Metrics m = r.metrics();
        DailyReturns d = r.dailyReturns();
        long firstDay = d.epochDays().length == 0 ? Math.floorDiv(ts[from], 86_400_000L) : d.epochDays()[0];
        int[] offsets = new int[d.epochDays().length];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = Math.toIntExact(d.epochDays()[i] - firstDay);
        }
        Object[] values = {context.runId(), id, symbol, s.name(), Instant.ofEpochMilli(ts[from]),
            Instant.ofEpochMilli(ts[to - 1]), (long) (to - from),
            m.totalReturn(), m.cagr(), m.sharpe(), m.sortino(), m.maxDrawdown(), m.calmar(), m.winRate(),
            m.profitFactor(), m.avgTrade(), m.avgWin(), m.avgLoss(), m.tradeCount(), m.exposure(), m.var95(),
            m.cvar95(), LocalDate.ofEpochDay(firstDay), offsets, d.returns()};
        return RowFactory.create(values);
    }

    private Row tradeRow(String id, String symbol, String segment, Trade t) {
        return RowFactory.create(context.runId(), id, symbol, segment, t.side().name().toLowerCase(java.util.Locale.ROOT),
                Instant.ofEpochMilli(t.entryTs()), t.entryPrice(), Instant.ofEpochMilli(t.exitTs()), t.exitPrice(),
                t.bars(), t.netReturn(), t.reason().name().toLowerCase(java.util.Locale.ROOT));
    }

    private static StructType resultRow() {
        List<StructField> fields = new ArrayList<>(List.of(RunTable.RESULTS.schema().fields()));
        for (StructField f : RunTable.RETURNS.schema().fields()) {
            if (!RunTable.RESULTS.schema().getFieldIndex(f.name()).isDefined()) {
                fields.add(f);
            }
        }
        return DataTypes.createStructType(fields);
    }
}

package dev.massbt.jobs.backtest;

import dev.massbt.jobs.tables.RunTable;
import dev.massbt.strategies.bars.BarSeries;
import dev.massbt.strategies.kernel.DailyReturns;
import dev.massbt.strategies.kernel.Detail;
import dev.massbt.strategies.kernel.Segment;
import dev.massbt.strategies.kernel.StrategyResult;
import dev.massbt.strategies.metrics.Metric;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Backtest tasks that give one {@link #ROW} per (strategy, symbol, segment): the {@code results}
 * columns (one per {@link Metric}, in its order) followed by the daily {@code returns} arrays.
 */
public final class ResultTask extends ChunkTask {

    private static final long serialVersionUID = 1L;

    /** {@code results} columns followed by the {@code returns} arrays. */
    public static final StructType ROW = schema();

    /** The columns of {@code results} before the metrics. */
    private static final int HEAD = 8;

    public ResultTask(BacktestSpec spec, Broadcast<StrategySet> strategies) {
        super(spec, strategies);
    }

    @Override
    List<Row> rows(TaskSpec task, BarSeries bars) {
        Chunk chunk = run(task, bars, EnumSet.of(Detail.DAILY_RETURNS));
        List<Row> rows = new ArrayList<>(chunk.result().results().size());
        for (StrategyResult r : chunk.result().results()) {
            rows.add(row(chunk.strategyId(r.strategyIndex()), chunk.symbol(), r, bars));
        }
        return rows;
    }

    private Row row(String id, String symbol, StrategyResult r, BarSeries bars) {
        Segment s = r.segment();
        long[] ts = bars.ts();
        int from = bars.indexAtOrAfter(s.fromMillis());
        int to = bars.indexAtOrAfter(s.toMillis());
        DailyReturns d = r.dailyReturns();
        long firstDay = d.epochDays().length == 0 ? Math.floorDiv(ts[from], 86_400_000L) : d.epochDays()[0];
        int[] offsets = new int[d.epochDays().length];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = Math.toIntExact(d.epochDays()[i] - firstDay);
        }
        Metric[] metrics = Metric.values();
        Object[] values = new Object[HEAD + metrics.length + 3];
        values[0] = spec.runId();
        values[1] = id;
        values[2] = symbol;
        values[3] = s.name();
        values[4] = Instant.ofEpochMilli(ts[from]);
        values[5] = Instant.ofEpochMilli(ts[to - 1]);
        values[6] = (long) (to - from);
        values[7] = spec.metrics().periodsPerYear();
        for (int m = 0; m < metrics.length; m++) {
            double v = metrics[m].of(r.metrics());
            values[HEAD + m] = metrics[m].integral() ? (Object) (int) v : (Object) v;
        }
        values[HEAD + metrics.length] = LocalDate.ofEpochDay(firstDay);
        values[HEAD + metrics.length + 1] = offsets;
        values[HEAD + metrics.length + 2] = d.returns();
        return RowFactory.create(values);
    }

    private static StructType schema() {
        List<StructField> fields = new ArrayList<>(List.of(RunTable.RESULTS.schema().fields()));
        if (fields.size() != HEAD + Metric.values().length) {
            throw new IllegalStateException("results has " + fields.size() + " columns, expected " + HEAD + " + "
                    + Metric.values().length + " metrics");
        }
        for (StructField f : RunTable.RETURNS.schema().fields()) {
            if (!RunTable.RESULTS.schema().getFieldIndex(f.name()).isDefined()) {
                fields.add(f);
            }
        }
        return DataTypes.createStructType(fields);
    }
}

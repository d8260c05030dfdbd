package dev.massbt.jobs.backtest;

import dev.massbt.datasets.table.BarsLoader;
import dev.massbt.strategies.bars.BarSeries;
import dev.massbt.strategies.format.Strategy;
import dev.massbt.strategies.format.StrategyJson;
import dev.massbt.strategies.kernel.ChunkResult;
import dev.massbt.strategies.kernel.Detail;
import dev.massbt.strategies.kernel.Kernel;
import dev.massbt.strategies.kernel.Segment;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * The executor side of a backtest pass: for each {@link TaskSpec}, the symbol's bars (read once
 * per executor through {@link BarsLoader}'s cache), the chunk's strategies parsed from the
 * broadcast JSON, one {@link Kernel} run over every segment of the plan, and the rows a subclass
 * makes of it. {@link #rows(TaskSpec, BarSeries)} works without Spark running.
 */
abstract class ChunkTask implements FlatMapFunction<Iterator<TaskSpec>, Row> {

    private static final long serialVersionUID = 1L;

    protected final BacktestSpec spec;
    private final Broadcast<StrategySet> strategies;

    ChunkTask(BacktestSpec spec, Broadcast<StrategySet> strategies) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.strategies = Objects.requireNonNull(strategies, "strategies");
    }

    @Override
    public final Iterator<Row> call(Iterator<TaskSpec> tasks) {
        List<Row> out = new ArrayList<>();
        while (tasks.hasNext()) {
            TaskSpec task = tasks.next();
            out.addAll(rows(task, BarsLoader.load(spec.bars(), spec.query(task.symbol()))));
        }
        return out.iterator();
    }

    /** The rows of one task over {@code bars} (the symbol's bars of the plan's range). */
    abstract List<Row> rows(TaskSpec task, BarSeries bars);

    /** What the kernel gave for one task's chunk, and whose it is. */
    record Chunk(String symbol, StrategySet set, int firstStrategy, ChunkResult result) {
        String strategyId(int indexInChunk) {
            return set.id(firstStrategy + indexInChunk);
        }
    }

    /** Runs the task's chunk of strategies over every segment of its symbol, with {@code details}. */
    final Chunk run(TaskSpec task, BarSeries bars, Set<Detail> details) {
        StrategySet set = strategies.value();
        List<Strategy> chunk = new ArrayList<>(task.strategies());
        for (int i = task.fromStrategy(); i < task.toStrategy(); i++) {
            chunk.add(StrategyJson.parse(set.json(i)));
        }
        List<Segment> segments = spec.plan().segments().get(task.symbol());
        ChunkResult result = new Kernel(bars, spec.costs(), spec.metrics()).run(chunk, segments, details);
        return new Chunk(spec.plan().symbols().get(task.symbol()).symbol(), set, task.fromStrategy(), result);
    }
}

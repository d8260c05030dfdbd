package dev.massbt.jobs.backtest;

import dev.massbt.strategies.kernel.Segment;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a backtest is cut into Spark tasks: one task per (symbol, chunk of strategies). Chunks
 * are large enough to share indicator work (every strategy of a chunk reads the indicators
 * computed once for the chunk) and small enough that even one symbol gives every core several
 * tasks, so a slow chunk does not leave a core idle at the end.
 *
 * @param symbols  the symbols' bar ranges
 * @param segments per symbol, its segments (same order as {@code symbols})
 * @param tasks    symbol-major: all chunks of the first symbol, then the next
 */
public record BacktestPlan(List<SymbolRange> symbols, List<List<Segment>> segments, List<TaskSpec> tasks,
                           int strategies, int chunkSize) implements Serializable {

    /** Chunk size when none is given: at most this many strategies share a task. */
    public static final int MAX_CHUNK = 500;
    /** Tasks per core wanted at least, for load balance. */
    public static final int TASKS_PER_CORE = 4;

    public BacktestPlan {
        symbols = List.copyOf(symbols);
        segments = segments.stream().map(List::copyOf).toList();
        tasks = List.copyOf(tasks);
    }

    /**
     * Plans {@code strategies} strategies over {@code symbols} on {@code cores} cores.
     *
     * @param chunkSize strategies per task, or 0 to choose: the largest size up to
     *                  {@link #MAX_CHUNK} that still gives {@link #TASKS_PER_CORE} tasks per core
     */
    public static BacktestPlan of(List<SymbolRange> symbols, Split split, int strategies, int cores, int chunkSize) {
        Objects.requireNonNull(symbols, "symbols");
        Objects.requireNonNull(split, "split");
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("no symbols to backtest");
        }
        if (strategies < 1) {
            throw new IllegalArgumentException("no strategies to backtest");
        }
        if (cores < 1 || chunkSize < 0) {
            throw new IllegalArgumentException("cores must be >= 1 and chunk size >= 0");
        }
        int chunk = chunkSize > 0 ? chunkSize : chooseChunk(symbols.size(), strategies, cores);
        List<List<Segment>> segments = new ArrayList<>();
        List<TaskSpec> tasks = new ArrayList<>();
        for (int s = 0; s < symbols.size(); s++) {
            SymbolRange r = symbols.get(s);
            segments.add(split.segments(r.symbol(), r.fromMillis(), r.toMillis()));
            for (int from = 0; from < strategies; from += chunk) {
                tasks.add(new TaskSpec(s, from, Math.min(strategies, from + chunk)));
            }
        }
        return new BacktestPlan(symbols, segments, tasks, strategies, chunk);
    }

    /** The same tasks on segment {@code name} only (e.g. in-sample for evolution, out-of-sample for its best). */
    public BacktestPlan onlySegment(String name) {
        List<List<Segment>> kept = segments.stream().map(l -> l.stream().filter(s -> s.name().equals(name)).toList())
                .toList();
        if (kept.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("The plan has no segment '" + name + "' for every symbol: "
                    + segments.stream().map(l -> l.stream().map(Segment::name).toList()).toList());
        }
        return new BacktestPlan(symbols, kept, tasks, strategies, chunkSize);
    }

    static int chooseChunk(int symbols, int strategies, int cores) {
        long wantedTasks = (long) cores * TASKS_PER_CORE;
        long chunksPerSymbol = Math.max(1, (wantedTasks + symbols - 1) / symbols);
        long chunk = (strategies + chunksPerSymbol - 1) / chunksPerSymbol;
        return (int) Math.max(1, Math.min(MAX_CHUNK, chunk));
    }

    /** Strategy-bar evaluations the plan performs (strategies x bars, summed over symbols). */
    public long strategyBars() {
        long bars = symbols.stream().mapToLong(SymbolRange::bars).sum();
        return bars * strategies;
    }
}

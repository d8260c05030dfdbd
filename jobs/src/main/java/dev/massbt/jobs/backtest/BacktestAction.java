package dev.massbt.jobs.backtest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.unix_millis;

import dev.massbt.datasets.table.Table;
import dev.massbt.datasets.table.TableVersion;
import dev.massbt.jobs.progress.Progress;
import dev.massbt.jobs.tables.RunId;
import dev.massbt.jobs.tables.RunTable;
import dev.massbt.jobs.tables.RunWrites;
import dev.massbt.strategies.format.Strategy;
import dev.massbt.strategies.format.StrategyJson;
import dev.massbt.strategies.kernel.CostModel;
import dev.massbt.strategies.metrics.MetricsConfig;
import dev.massbt.strategies.timeframe.Timeframe;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backtests a set of strategies over symbols of the {@code bars} table and writes the run's
 * {@code results}, {@code returns} (every strategy), {@code trades} and {@code equity} (the top
 * strategies). Which strategies were evaluated is the caller's to record ({@code strategy_sets}).
 *
 * <pre>{@code
 * BacktestResult r = BacktestAction.on(spark, writes, RunId.of("bt-1"))
 *         .strategies(set).symbols(List.of("BTCUSD")).split(new Split.Fraction(0.7))
 *         .execute();
 * }</pre>
 *
 * <p>Tasks are (symbol, chunk of strategies) ({@link BacktestPlan}); every task reads the bars
 * table at one version, resolved here, so the run is reproducible and its input version is
 * recorded. Each table is replaced for the run in one commit; see {@link RunWrites}.
 */
public final class BacktestAction {

    private static final Logger LOG = LoggerFactory.getLogger(BacktestAction.class);
    static final Set<String> RANKABLE = Set.of("total_return", "cagr", "sharpe", "sortino", "calmar", "win_rate",
            "profit_factor", "avg_trade", "trades", "exposure");

    private final SparkSession spark;
    private final RunWrites writes;
    private final RunId run;
    private StrategySet strategies;
    private List<String> symbols = List.of();
    private Instant from;
    private Instant to;
    private Split split = new Split.Fraction(0.7);
    private int chunkSize;
    private Timeframe timeframe = Timeframe.M1;
    private CostModel costs = CostModel.ZERO;
    private MetricsConfig metrics = MetricsConfig.crypto();
    private int top = 20;
    private String topMetric = "sharpe";

    private BacktestAction(SparkSession spark, RunWrites writes, RunId run) {
        this.spark = Objects.requireNonNull(spark, "spark");
        this.writes = Objects.requireNonNull(writes, "writes");
        this.run = Objects.requireNonNull(run, "run");
    }

    public static BacktestAction on(SparkSession spark, RunWrites writes, RunId run) {
        return new BacktestAction(spark, writes, run);
    }

    public BacktestAction strategies(StrategySet s) {
        this.strategies = Objects.requireNonNull(s, "strategies");
        return this;
    }

    public BacktestAction symbols(List<String> s) {
        this.symbols = List.copyOf(new LinkedHashSet<>(s));
        return this;
    }

    /** Bars with open time in [from, to); either may be null (unbounded). */
    public BacktestAction range(Instant fromInclusive, Instant toExclusive) {
        this.from = fromInclusive;
        this.to = toExclusive;
        return this;
    }

    public BacktestAction split(Split s) {
        this.split = Objects.requireNonNull(s, "split");
        return this;
    }

    /** Strategies per task; 0 (default) lets {@link BacktestPlan} choose. */
    public BacktestAction chunkSize(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("chunk size must be >= 0, got " + n);
        }
        this.chunkSize = n;
        return this;
    }

    public BacktestAction timeframe(Timeframe tf) {
        this.timeframe = Objects.requireNonNull(tf, "timeframe");
        return this;
    }

    public BacktestAction costs(CostModel c) {
        this.costs = Objects.requireNonNull(c, "costs");
        return this;
    }

    public BacktestAction metrics(MetricsConfig m) {
        this.metrics = Objects.requireNonNull(m, "metrics");
        return this;
    }

    /** Keep trades and equity for the best {@code n} strategies by {@code metric} on the ranking segment. */
    public BacktestAction top(int n, String metric) {
        if (n < 0) {
            throw new IllegalArgumentException("top must be >= 0, got " + n);
        }
        if (!RANKABLE.contains(metric)) {
            throw new IllegalArgumentException("Cannot pick the top strategies by '" + metric + "': use one of "
                    + new TreeSet<>(RANKABLE) + ".");
        }
        this.top = n;
        this.topMetric = metric;
        return this;
    }

    public BacktestResult execute() {
        if (strategies == null || strategies.size() == 0) {
            throw new IllegalArgumentException("Cannot backtest: no strategies given.");
        }
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("Cannot backtest: no symbols given. Name at least one symbol of the "
                    + "bars table (massbt datasets lists them).");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("Cannot backtest: the date range [" + from + ", " + to + ") is empty.");
        }
        checkTimeframes();
        long start = System.nanoTime();
        SparkContext sc = spark.sparkContext();
        TableVersion bars = barsVersion(spark, writes);
        List<SymbolRange> ranges;
        try (Progress p = Progress.start(sc, run + "-ranges", "massbt backtest " + run + ": find the bars of "
                + symbols.size() + " symbol(s)", Duration.ofSeconds(10))) {
            ranges = ranges(spark, bars, symbols, timeframe, from, to);
        }
        int cores = Math.max(1, sc.defaultParallelism());
        BacktestPlan plan = BacktestPlan.of(ranges, split, strategies.size(), cores, chunkSize);
        LOG.info("backtest {}: {} strategies x {} symbols ({} bars), {} tasks of up to {} strategies on {} cores, "
                        + "bars version {}", run, plan.strategies(), ranges.size(),
                ranges.stream().mapToLong(SymbolRange::bars).sum(), plan.tasks().size(), plan.chunkSize(), cores,
                bars.version());
        BacktestTask.Context context = new BacktestTask.Context(run.value(), bars, timeframe, plan, costs, metrics);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(sc);
        Broadcast<StrategySet> all = jsc.broadcast(strategies);
        Map<RunTable, Long> versions = new EnumMap<>(RunTable.class);
        Dataset<Row> rows = null;
        long resultRows;
        long tradeRows;
        long evalMillis;
        try {
            long evalStart = System.nanoTime();
            try (Progress p = Progress.start(sc, run + "-backtest", "massbt backtest " + run + ": "
                    + plan.strategies() + " strategies x " + ranges.size() + " symbols in " + plan.tasks().size()
                    + " tasks", Duration.ofSeconds(10))) {
                rows = evaluate(spark, context, all);
                resultRows = rows.count();
            }
            evalMillis = (System.nanoTime() - evalStart) / 1_000_000L;
            try (Progress p = Progress.start(sc, run + "-write", "massbt backtest " + run + ": write results and "
                    + "returns", Duration.ofSeconds(10))) {
                versions.put(RunTable.RESULTS, writes.replaceRun(RunTable.RESULTS, run,
                        rows.select(RunTable.RESULTS.columns()).coalesce(cores), false));
                versions.put(RunTable.RETURNS, writes.replaceRun(RunTable.RETURNS, run,
                        rows.select(RunTable.RETURNS.columns()).coalesce(cores), false));
            }
            try (Progress p = Progress.start(sc, run + "-top", "massbt backtest " + run + ": trades and equity of the "
                    + "top " + top + " strategies", Duration.ofSeconds(10))) {
                tradeRows = writeTop(rows, context, jsc, ranges, versions);
            }
        } finally {
            if (rows != null) {
                rows.unpersist(true);
            }
            all.destroy();
        }
        long millis = (System.nanoTime() - start) / 1_000_000L;
        BacktestResult result = new BacktestResult(run.value(), plan.strategies(),
                ranges.stream().map(SymbolRange::symbol).toList(), plan.tasks().size(), plan.chunkSize(), resultRows,
                tradeRows, plan.strategyBars(), Map.of(Table.BARS.tableName(), bars.version()), tableVersions(versions),
                evalMillis, millis);
        LOG.info("{}", result.summary());
        return result;
    }

    /** Strategies on a timeframe below the bars' cannot run: say which before any task starts. */
    private void checkTimeframes() {
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < strategies.size() && bad.size() < 5; i++) {
            Strategy s = StrategyJson.parse(strategies.json(i));
            Set<Timeframe> used = new LinkedHashSet<>(s.secondary());
            used.add(s.primary());
            for (Timeframe tf : used) {
                if (tf != timeframe && !tf.isHigherThan(timeframe)) {
                    bad.add(strategies.id(i) + " ('" + s.name() + "' uses " + tf + ")");
                    break;
                }
            }
        }
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException("Cannot backtest on " + timeframe + " bars: strategies " + bad
                    + " read a shorter timeframe, which cannot be built from " + timeframe + " bars. Remove them or "
                    + "backtest on finer bars.");
        }
    }

    /** The bars table's current version; a clear error when there is none yet. */
    public static TableVersion barsVersion(SparkSession spark, RunWrites writes) {
        String barsPath = writes.warehouse().path(Table.BARS);
        if (!io.delta.tables.DeltaTable.isDeltaTable(spark, barsPath)) {
            throw new IllegalArgumentException("Cannot backtest: there is no bars table at " + barsPath + ". Ingest "
                    + "data first (massbt ingest ... or massbt synth ...).");
        }
        return TableVersion.latest(spark, barsPath);
    }

    /**
     * The runs' strategies on every task of the context's plan, as one persisted DataFrame of
     * {@link BacktestTask#RESULT_ROW}s (one per strategy, symbol and segment), checked complete.
     * The caller unpersists it.
     */
    public static Dataset<Row> evaluate(SparkSession spark, BacktestTask.Context context, Broadcast<StrategySet> set) {
        BacktestPlan plan = context.plan();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<Row> out = jsc.parallelize(plan.tasks(), plan.tasks().size())
                .mapPartitions(BacktestTask.results(context, set));
        Dataset<Row> rows = spark.createDataFrame(out, BacktestTask.RESULT_ROW).persist(StorageLevel.MEMORY_AND_DISK());
        long n = rows.count();
        long expected = (long) plan.strategies() * plan.segments().stream().mapToLong(List::size).sum();
        if (n != expected) {
            rows.unpersist(true);
            throw new IllegalStateException("Backtest " + context.runId() + " produced " + n + " result rows, expected "
                    + expected + ". This is a bug in massbt.");
        }
        return rows;
    }

    /** Each symbol's bars in [from, to) (either may be null) at {@code bars}; a clear error for any without. */
    public static List<SymbolRange> ranges(SparkSession spark, TableVersion bars, List<String> symbols,
                                           Timeframe timeframe, Instant from, Instant to) {
        Column where = col("symbol").isin(symbols.toArray()).and(col("timeframe").equalTo(lit(timeframe.label())));
        if (from != null) {
            where = where.and(col("ts").geq(lit(from)));
        }
        if (to != null) {
            where = where.and(col("ts").lt(lit(to)));
        }
        List<Row> found = spark.read().format("delta").option("versionAsOf", bars.version()).load(bars.path())
                .where(where).groupBy("symbol")
                .agg(unix_millis(min("ts")).as("first"), unix_millis(max("ts")).as("last"), count(lit(1)).as("n"))
                .collectAsList();
        Map<String, SymbolRange> bySymbol = new LinkedHashMap<>();
        for (Row r : found) {
            bySymbol.put(r.getString(0), new SymbolRange(r.getString(0), r.getLong(1),
                    r.getLong(2) + timeframe.millis(), r.getLong(3)));
        }
        List<String> missing = symbols.stream().filter(s -> !bySymbol.containsKey(s)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Cannot backtest: no " + timeframe + " bars of " + missing
                    + (from != null || to != null ? " in [" + (from == null ? "start" : from) + ", "
                    + (to == null ? "end" : to) + ")" : "") + " in " + bars.path() + " (version " + bars.version()
                    + "). Check the symbols and dates with 'massbt datasets'.");
        }
        return symbols.stream().map(bySymbol::get).toList();
    }

    /** Trades of the top strategies (recomputed with trade lists) and their equity curves (from the returns). */
    private long writeTop(Dataset<Row> rows, BacktestTask.Context context, JavaSparkContext jsc,
                          List<SymbolRange> ranges, Map<RunTable, Long> versions) {
        List<String> topIds = top == 0 ? List.of() : rows.where(col("segment").equalTo(lit(split.rankingSegment())))
                .orderBy(desc(topMetric), col("strategy_id"), col("symbol")).select("strategy_id").limit(top * 4)
                .collectAsList().stream().map(r -> r.getString(0)).distinct().limit(top).toList();
        if (topIds.isEmpty()) {
            versions.put(RunTable.TRADES, writes.replaceRun(RunTable.TRADES, run, null, true));
            versions.put(RunTable.EQUITY, writes.replaceRun(RunTable.EQUITY, run, null, true));
            return 0;
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < strategies.size(); i++) {
            index.putIfAbsent(strategies.id(i), i);
        }
        StrategySet best = strategies.select(topIds.stream().mapToInt(index::get).toArray());
        BacktestPlan plan = BacktestPlan.of(ranges, split, best.size(), 1, best.size());
        BacktestTask.Context topContext = new BacktestTask.Context(context.runId(), context.bars(), context.timeframe(),
                plan, context.costs(), context.metrics());
        Broadcast<StrategySet> b = jsc.broadcast(best);
        try {
            JavaRDD<Row> trades = jsc.parallelize(plan.tasks(), plan.tasks().size())
                    .mapPartitions(BacktestTask.trades(topContext, b));
            Dataset<Row> tradeRows = spark.createDataFrame(trades, BacktestTask.TRADE_ROW)
                    .persist(StorageLevel.MEMORY_AND_DISK());
            long tradeCount = tradeRows.count();
            versions.put(RunTable.TRADES, writes.replaceRun(RunTable.TRADES, run, tradeRows.coalesce(1),
                    tradeCount == 0));
            tradeRows.unpersist(true);
            Dataset<Row> curves = rows.where(col("strategy_id").isin(topIds.toArray()))
                    .select("run_id", "strategy_id", "symbol", "segment", "first_day", "day_offsets", "returns");
            Dataset<Row> equity = spark.createDataFrame(curves.javaRDD().flatMap(new EquityCurve()),
                    RunTable.EQUITY.schema()).coalesce(1);
            versions.put(RunTable.EQUITY, writes.replaceRun(RunTable.EQUITY, run, equity, false));
            return tradeCount;
        } finally {
            b.destroy();
        }
    }

    /** Spark hands dates out as java.sql.Date, or as LocalDate with its java8API setting on. */
    static LocalDate localDate(Object value) {
        return value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
    }


    private static Map<String, Long> tableVersions(Map<RunTable, Long> versions) {
        Map<String, Long> out = new LinkedHashMap<>();
        versions.forEach((t, v) -> out.put(t.tableName(), v));
        return out;
    }
}

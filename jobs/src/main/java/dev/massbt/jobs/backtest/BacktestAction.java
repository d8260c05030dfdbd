package dev.massbt.jobs.backtest;

import static org.apache.spark.sql.functions.asc;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;

import dev.massbt.datasets.run.RunId;
import dev.massbt.datasets.table.Table;
import dev.massbt.datasets.table.TableVersion;
import dev.massbt.jobs.action.JobAction;
import dev.massbt.jobs.error.JobErrors;
import dev.massbt.jobs.tables.RunTable;
import dev.massbt.jobs.tables.RunWrites;
import dev.massbt.strategies.format.Strategy;
import dev.massbt.strategies.format.StrategyJson;
import dev.massbt.strategies.kernel.CostModel;
import dev.massbt.strategies.metrics.Metric;
import dev.massbt.strategies.metrics.MetricsConfig;
import dev.massbt.strategies.timeframe.Timeframe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
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
public final class BacktestAction extends JobAction {

    private static final Logger LOG = LoggerFactory.getLogger(BacktestAction.class);

    private StrategySet strategies;
    private List<String> symbols = List.of();
    private Instant from;
    private Instant to;
    private Split split = new Split.Fraction(0.7);
    private int chunkSize;
    private Timeframe timeframe;
    private CostModel costs = CostModel.ZERO;
    private MetricsConfig metrics = MetricsConfig.crypto();
    private Calendar calendar;
    private int top = 20;
    private Metric topMetric = Metric.SHARPE;

    private BacktestAction(SparkSession spark, RunWrites writes, RunId run) {
        super("backtest", spark, writes, run);
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
            throw JobErrors.option("chunk size must be >= 0, got " + n);
        }
        this.chunkSize = n;
        return this;
    }

    /**
     * The bars' timeframe to run on. Default: the coarsest timeframe the bars table holds for every
     * symbol that the strategies' finest timeframe is a multiple of ({@link BarRanges#base}).
     */
    public BacktestAction timeframe(Timeframe tf) {
        this.timeframe = Objects.requireNonNull(tf, "timeframe");
        return this;
    }

    public BacktestAction costs(CostModel c) {
        this.costs = Objects.requireNonNull(c, "costs");
        return this;
    }

    /**
     * How metrics are annualised ({@link Calendar}): {@link Calendar#AUTO} counts the days with bars.
     * Default: {@link #metrics}'s periods per year as given.
     */
    public BacktestAction calendar(Calendar c) {
        this.calendar = Objects.requireNonNull(c, "calendar");
        return this;
    }

    public BacktestAction metrics(MetricsConfig m) {
        this.metrics = Objects.requireNonNull(m, "metrics");
        return this;
    }

    /** Keep trades and equity for the best {@code n} strategies by {@code metric} on the ranking segment. */
    public BacktestAction top(int n, String metric) {
        if (n < 0) {
            throw JobErrors.option("top must be >= 0, got " + n);
        }
        this.topMetric = Metric.byColumn(metric).filter(Metric::rankable).orElseThrow(() -> JobErrors.metric(
                "Cannot pick the top strategies by", metric, Metric.rankableMetrics()));
        this.top = n;
        return this;
    }

    public BacktestResult execute() {
        check();
        long start = System.nanoTime();
        TableVersion bars = BarRanges.barsVersion(spark, writes.warehouse());
        BarRanges.Found found = step("ranges", "find the bars of " + symbols.size() + " symbol(s)",
                () -> timeframe != null ? new BarRanges.Found(timeframe, BarRanges.of(spark, bars, symbols, timeframe,
                        from, to)) : BarRanges.base(spark, bars, symbols, finestTimeframe(), from, to));
        Timeframe base = found.base();
        if (timeframe != null) {
            checkTimeframes(base); // the base found is one every strategy's timeframes are multiples of
        }
        List<SymbolRange> ranges = found.ranges();
        MetricsConfig annualised = calendar == null ? metrics : calendar.apply(metrics, ranges);
        BacktestPlan plan = BacktestPlan.of(ranges, split, strategies.size(), cores(), chunkSize);
        LOG.info("backtest {}: {} strategies x {} symbols ({} {} bars), {} tasks of up to {} strategies on {} cores, "
                        + "{} periods per year, bars version {}", run, plan.strategies(), ranges.size(), base,
                ranges.stream().mapToLong(SymbolRange::bars).sum(), plan.tasks().size(), plan.chunkSize(), cores(), annualised.periodsPerYear(),
                bars.version());
        BacktestSpec spec = new BacktestSpec(run.value(), bars, base, plan, costs, annualised);
        Broadcast<StrategySet> all = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(strategies);
        Map<RunTable, Long> versions = new EnumMap<>(RunTable.class);
        Dataset<Row> rows = null;
        try {
            long evalStart = System.nanoTime();
            rows = step("backtest", plan.strategies() + " strategies x " + ranges.size() + " symbols in " + plan.tasks().size()
                    + " tasks", () -> Evaluation.results(spark, spec, all));
            long evalMillis = millisSince(evalStart);
            long resultRows = rows.count();
            Dataset<Row> written = rows;
            step("write", "write results and returns", () -> {
                versions.put(RunTable.RESULTS, writes.replaceRun(RunTable.RESULTS, run,
                        written.select(RunTable.RESULTS.columns()).coalesce(cores())));
                versions.put(RunTable.RETURNS, writes.replaceRun(RunTable.RETURNS, run,
                        written.select(RunTable.RETURNS.columns()).coalesce(cores())));
            });
            long tradeRows = step("top", "trades and equity of the top " + top + " strategies",
                    () -> writeTop(written, spec, versions));
            BacktestResult result = new BacktestResult(run.value(), plan.strategies(),
                    ranges.stream().map(SymbolRange::symbol).toList(), plan.tasks().size(), plan.chunkSize(),
                    resultRows, tradeRows, plan.strategyBars(), Map.of(Table.BARS.tableName(), bars.version()),
                    tableVersions(versions), evalMillis, millisSince(start), annualised.periodsPerYear());
            LOG.info("{}", result.summary());
            return result;
        } finally {
            if (rows != null) {
                rows.unpersist(true);
            }
            all.destroy();
        }
    }

    private void check() {
        if (strategies == null || strategies.size() == 0) {
            throw JobErrors.nothingTo("backtest", "no strategies given", "Give a run's strategies, JSON files or "
                    + "--all");
        }
        if (symbols.isEmpty()) {
            throw JobErrors.nothingTo("backtest", "no symbols given", "Name at least one symbol of the bars table "
                    + "(massbt datasets lists them)");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw JobErrors.emptyRange(from, to);
        }
    }

    /** The shortest timeframe any strategy reads. */
    private Timeframe finestTimeframe() {
        Timeframe finest = Timeframe.D1;
        for (int i = 0; i < strategies.size(); i++) {
            Strategy s = StrategyJson.parse(strategies.json(i));
            for (Timeframe tf : timeframes(s)) {
                finest = tf.minutes() < finest.minutes() ? tf : finest;
            }
        }
        return finest;
    }

    private static Set<Timeframe> timeframes(Strategy s) {
        Set<Timeframe> used = new LinkedHashSet<>(s.secondary());
        used.add(s.primary());
        return used;
    }

    /** Strategies on a timeframe that {@code base} bars cannot build cannot run: say which before any task starts. */
    private void checkTimeframes(Timeframe base) {
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < strategies.size() && bad.size() < 5; i++) {
            Strategy s = StrategyJson.parse(strategies.json(i));
            for (Timeframe tf : timeframes(s)) {
                if (tf != base && !tf.isHigherThan(base)) {
                    bad.add(strategies.id(i) + " ('" + s.name() + "' uses " + tf + ")");
                    break;
                }
            }
        }
        if (!bad.isEmpty()) {
            throw JobErrors.finerTimeframe(base.toString(), bad);
        }
    }

    /** Trades of the top strategies (recomputed with trade lists) and their equity curves (from the returns). */
    private long writeTop(Dataset<Row> rows, BacktestSpec spec, Map<RunTable, Long> versions) {
        Column order = topMetric.higherIsBetter() ? desc(topMetric.column()) : asc(topMetric.column());
        List<String> topIds = top == 0 ? List.of() : rows.where(col("segment").equalTo(lit(split.rankingSegment())))
                .orderBy(order, col("strategy_id"), col("symbol")).select("strategy_id").limit(top * 4)
                .collectAsList().stream().map(r -> r.getString(0)).distinct().limit(top).toList();
        if (topIds.isEmpty()) {
            versions.put(RunTable.TRADES, writes.deleteRun(RunTable.TRADES, run));
            versions.put(RunTable.EQUITY, writes.deleteRun(RunTable.EQUITY, run));
            return 0;
        }
        long trades = writeTrades(spec, topIds, versions);
        Dataset<Row> curves = rows.where(col("strategy_id").isin(topIds.toArray()))
                .select("run_id", "strategy_id", "symbol", "segment", "first_day", "day_offsets", "returns");
        Dataset<Row> equity = spark.createDataFrame(curves.javaRDD().flatMap(new EquityCurve()),
                RunTable.EQUITY.schema()).coalesce(1);
        versions.put(RunTable.EQUITY, writes.replaceRun(RunTable.EQUITY, run, equity));
        return trades;
    }

    /** The trade lists of the strategies {@code ids}, recomputed in one small pass; returns how many. */
    private long writeTrades(BacktestSpec spec, List<String> ids, Map<RunTable, Long> versions) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < strategies.size(); i++) {
            index.putIfAbsent(strategies.id(i), i);
        }
        StrategySet best = strategies.select(ids.stream().mapToInt(index::get).toArray());
        BacktestPlan plan = BacktestPlan.of(spec.plan().symbols(), split, best.size(), 1, best.size());
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<StrategySet> b = jsc.broadcast(best);
        try {
            JavaRDD<Row> trades = jsc.parallelize(plan.tasks(), plan.tasks().size())
                    .mapPartitions(new TradeTask(spec.withPlan(plan), b));
            Dataset<Row> tradeRows = spark.createDataFrame(trades, TradeTask.ROW).persist(StorageLevel.MEMORY_AND_DISK());
            long n = tradeRows.count();
            versions.put(RunTable.TRADES, n == 0 ? writes.deleteRun(RunTable.TRADES, run)
                    : writes.replaceRun(RunTable.TRADES, run, tradeRows.coalesce(1)));
            tradeRows.unpersist(true);
            return n;
        } finally {
            b.destroy();
        }
    }

    private static Map<String, Long> tableVersions(Map<RunTable, Long> versions) {
        Map<String, Long> out = new LinkedHashMap<>();
        versions.forEach((t, v) -> out.put(t.tableName(), v));
        return out;
    }
}

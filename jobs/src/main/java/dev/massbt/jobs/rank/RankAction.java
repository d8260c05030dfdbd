package dev.massbt.jobs.rank;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import dev.massbt.datasets.run.RunId;
import dev.massbt.jobs.action.JobAction;
import dev.massbt.jobs.backtest.Split;
import dev.massbt.jobs.error.JobErrors;
import dev.massbt.jobs.runs.RunRecorder;
import dev.massbt.jobs.tables.RunTable;
import dev.massbt.jobs.tables.RunWrites;
import dev.massbt.strategies.format.StrategyJson;
import dev.massbt.strategies.metrics.Metric;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Ranks the strategies of a finished backtest run into {@code leaderboard}: by a metric on the
 * in-sample segment (or the whole range when the run had no split), across symbols as {@link Scores}
 * defines, after filters on trade
 * count, drawdown and out-of-sample agreement, with the out-of-sample figures beside. The JSON
 * of the top strategies is exported next to the tables ({@code exports/<run>/}), so the
 * leaderboard names a file a user can open, edit and backtest again.
 *
 * <p>Reads the run's results at the version the {@code runs} table recorded for it: a run
 * that has not finished, or failed, cannot be ranked.
 */
public final class RankAction extends JobAction {

    private static final Logger LOG = LoggerFactory.getLogger(RankAction.class);

    /** Rank strategies across symbols (metric averaged) or each (strategy, symbol) pair. */
    public enum Group { STRATEGY, SYMBOL }

    private Metric metric = Metric.SHARPE;
    private Group group = Group.STRATEGY;
    private long minTrades = 1;
    private Double maxDrawdown;
    private boolean oosPositive;
    private Double minOosRatio;
    private int export = 10;
    private Long resultsVersion;
    private boolean outOfSampleOnly;

    private RankAction(SparkSession spark, RunWrites writes, RunId run) {
        super("rank", spark, writes, run);
    }

    public static RankAction on(SparkSession spark, RunWrites writes, RunId backtestRun) {
        return new RankAction(spark, writes, backtestRun);
    }

    /** The metric to rank by: one of {@link Metric#rankableMetrics()}, by column name. */
    public RankAction metric(String m) {
        this.metric = Metric.byColumn(m).filter(Metric::rankable)
                .orElseThrow(() -> JobErrors.metric("Cannot rank by", m, Metric.rankableMetrics()));
        return this;
    }

    public RankAction group(Group g) {
        this.group = Objects.requireNonNull(g, "group");
        return this;
    }

    /** Keep strategies with at least {@code n} in-sample trades (summed over symbols). Default 1. */
    public RankAction minTrades(long n) {
        if (n < 0) {
            throw JobErrors.option("minimum trades must be >= 0, got " + n);
        }
        this.minTrades = n;
        return this;
    }

    /** Keep strategies whose in-sample max drawdown is at most {@code fraction} (e.g. 0.3). */
    public RankAction maxDrawdown(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw JobErrors.option("maximum drawdown must be in (0, 1], got " + fraction);
        }
        this.maxDrawdown = fraction;
        return this;
    }

    /** Keep strategies whose out-of-sample score is positive too. */
    public RankAction oosPositive() {
        this.oosPositive = true;
        return this;
    }

    /** Keep strategies whose out-of-sample score is at least {@code ratio} x the in-sample score. */
    public RankAction minOosRatio(double ratio) {
        this.minOosRatio = ratio;
        return this;
    }

    /** How many top strategies get their JSON exported (default 10). */
    public RankAction export(int n) {
        if (n < 0) {
            throw JobErrors.option("export count must be >= 0, got " + n);
        }
        this.export = n;
        return this;
    }

    /**
     * Reads the results at {@code version} instead of the version the runs table recorded: for
     * a job that ranks its own run before recording it as succeeded (evolve).
     */
    public RankAction resultsAt(long version) {
        this.resultsVersion = version;
        return this;
    }

    /** Rank only the strategies that were tested out of sample (evolve's best K). */
    public RankAction outOfSampleOnly() {
        this.outOfSampleOnly = true;
        return this;
    }

    public Leaderboard execute() {
        long start = System.nanoTime();
        long version = resultsVersion != null ? resultsVersion : recordedResultsVersion();
        Dataset<Row> results = spark.read().format("delta").option("versionAsOf", version)
                .load(writes.path(RunTable.RESULTS)).where(col("run_id").equalTo(lit(run.value())));
        List<String> segments = step("segments", "find the run's segments", () -> results.select("segment").distinct()
                .collectAsList().stream().map(r -> r.getString(0)).toList());
        String rankSegment = segments.contains(Split.IN_SAMPLE) ? Split.IN_SAMPLE : Split.ALL;
        boolean hasOos = segments.contains(Split.OUT_OF_SAMPLE);
        if ((oosPositive || minOosRatio != null || outOfSampleOnly) && !hasOos) {
            throw JobErrors.noOutOfSample(run.value());
        }
        long trials = step("trials", "count the trials", () -> results.agg(countDistinct("strategy_id")).first().getLong(0));
        List<Row> rows = step("rank", "rank " + trials + " strategies by " + rankSegment + " " + metric,
                () -> ranked(results, rankSegment, hasOos).collectAsList());
        String filters = filters(rankSegment);
        List<Leaderboard.Entry> entries = entries(rows);
        long lbVersion = step("leaderboard", "write the leaderboard of " + entries.size() + " strategies",
                () -> writes.replaceRun(RunTable.LEADERBOARD, run, boardRows(entries, filters, trials)));
        Leaderboard lb = new Leaderboard(run.value(), metric.column(), rankSegment, filters, trials, entries, version,
                lbVersion, millisSince(start));
        LOG.info("rank {}: {} of {} strategies pass {} (leaderboard version {})", run, entries.size(), trials, filters,
                lbVersion);
        return lb;
    }

    private long recordedResultsVersion() {
        Row runRow = RunRecorder.find(spark, writes, run);
        if (runRow == null) {
            throw JobErrors.rankUnknownRun(run.value(), writes.path(RunTable.RUNS));
        }
        String status = runRow.getString(runRow.fieldIndex("status"));
        String command = runRow.getString(runRow.fieldIndex("command"));
        Map<String, Long> outputs = runRow.getJavaMap(runRow.fieldIndex("output_versions"));
        if (!RunRecorder.SUCCEEDED.equals(status) || !outputs.containsKey(RunTable.RESULTS.tableName())) {
            throw JobErrors.rankUnfinished(run.value(), command, status);
        }
        return outputs.get(RunTable.RESULTS.tableName());
    }

    /** The passing strategies (or pairs), best first, with their names, JSON and in- and out-of-sample figures. */
    private Dataset<Row> ranked(Dataset<Row> results, String rankSegment, boolean hasOos) {
        Column[] keys = group == Group.STRATEGY ? new Column[] {col("strategy_id")}
                : new Column[] {col("strategy_id"), col("symbol")};
        Dataset<Row> ranked = Scores.aggregate(results.where(col("segment").equalTo(lit(rankSegment))), metric, keys,
                "is_");
        if (hasOos) {
            List<String> joinKeys = group == Group.STRATEGY ? List.of("strategy_id") : List.of("strategy_id", "symbol");
            Dataset<Row> oos = Scores.aggregate(results.where(col("segment").equalTo(lit(Split.OUT_OF_SAMPLE))), metric,
                    keys, "oos_");
            ranked = ranked.join(oos, CollectionConverters.asScala(joinKeys).toSeq(), outOfSampleOnly ? "inner" : "left");
        }
        Dataset<Row> names = spark.read().format("delta").load(writes.path(RunTable.STRATEGIES))
                .select("strategy_id", "name", "json");
        return ranked.where(keep()).join(names, "strategy_id")
                .orderBy(Scores.best(metric, "is_score"), col("strategy_id"))
                .select(col("strategy_id"), group == Group.SYMBOL ? col("symbol") : lit(null).cast("string").as("symbol"),
                        col("name"), col("json"), col("is_score"), col("is_sharpe"), col("is_total_return"),
                        col("is_max_drawdown"), col("is_trades"),
                        hasOos ? col("oos_sharpe") : lit(null).cast("double"),
                        hasOos ? col("oos_total_return") : lit(null).cast("double"),
                        hasOos ? col("oos_max_drawdown") : lit(null).cast("double"),
                        hasOos ? col("oos_trades") : lit(null).cast("long"));
    }

    /** The filters as one condition on the aggregated columns. */
    private Column keep() {
        Column keep = col("is_trades").geq(lit(minTrades));
        if (maxDrawdown != null) {
            keep = keep.and(col("is_max_drawdown").leq(lit(maxDrawdown)));
        }
        if (oosPositive) {
            keep = keep.and(col("oos_score").gt(lit(0.0)));
        }
        if (minOosRatio != null) {
            keep = keep.and(col("oos_score").geq(col("is_score").multiply(lit(minOosRatio))));
        }
        return keep;
    }

    /** One entry per ranked row; the first {@link #export(int)} get their JSON exported. */
    private List<Leaderboard.Entry> entries(List<Row> rows) {
        List<Leaderboard.Entry> entries = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            String path = i < export ? exportJson(i + 1, r.getString(0), r.getString(3)) : null;
            entries.add(new Leaderboard.Entry(i + 1, r.getString(0), r.getString(2), r.getString(1),
                    r.getDouble(4), r.getDouble(5), r.getDouble(6), r.getDouble(7), r.getLong(8),
                    r.isNullAt(9) ? null : r.getDouble(9), r.isNullAt(10) ? null : r.getDouble(10),
                    r.isNullAt(11) ? null : r.getDouble(11), r.isNullAt(12) ? null : r.getLong(12), path));
        }
        return entries;
    }

    private List<Row> boardRows(List<Leaderboard.Entry> entries, String filters, long trials) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Row> board = new ArrayList<>(entries.size());
        for (Leaderboard.Entry e : entries) {
            board.add(RowFactory.create(run.value(), e.rank(), e.strategyId(), e.name(), e.symbol(), metric.column(),
                    e.score(), e.isSharpe(), e.isTotalReturn(), e.isMaxDrawdown(), e.isTrades(), e.oosSharpe(),
                    e.oosTotalReturn(), e.oosMaxDrawdown(), e.oosTrades(), e.jsonPath(), filters, trials, now));
        }
        return board;
    }

    private String filters(String segment) {
        StringBuilder b = new StringBuilder("metric=" + metric.column() + " segment=" + segment + " group="
                + group.name().toLowerCase(Locale.ROOT) + " min_trades=" + minTrades);
        if (maxDrawdown != null) {
            b.append(" max_drawdown=").append(maxDrawdown);
        }
        if (oosPositive) {
            b.append(" oos_positive");
        }
        if (minOosRatio != null) {
            b.append(" min_oos_ratio=").append(minOosRatio);
        }
        return b.toString();
    }

    /** Writes {@code json} to {@code <warehouse>/exports/<run>/<rank>-<id>.json} on any Hadoop file system. */
    private String exportJson(int rank, String id, String json) {
        String file = writes.warehouse().root() + "/exports/" + run.value() + "/"
                + String.format(Locale.ROOT, "%02d-%s.json", rank, id);
        Path p = new Path(file);
        try {
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            try (OutputStream out = fs.create(p, true)) {
                out.write(StrategyJson.toPrettyJson(StrategyJson.parse(json)).getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}

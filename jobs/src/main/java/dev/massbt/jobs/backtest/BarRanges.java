package dev.massbt.jobs.backtest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.unix_millis;

import dev.massbt.datasets.table.Table;
import dev.massbt.datasets.table.TableVersion;
import dev.massbt.datasets.table.Warehouse;
import dev.massbt.jobs.error.JobErrors;
import dev.massbt.strategies.timeframe.Timeframe;
import io.delta.tables.DeltaTable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Which bars a job reads: the bars table at its current version, and each symbol's bar range in
 * it. Every task of a run then reads that one version, so the run is reproducible and its input
 * version recorded.
 */
public final class BarRanges {

    /** Distinct UTC days with bars (from epoch millis: the session's time zone plays no part). */
    private static final Column DAYS = count_distinct(floor(unix_millis(col("ts")).divide(86_400_000L))).as("days");

    private BarRanges() {
    }

    /** The bars table's current version; a user error when there is none yet. */
    public static TableVersion barsVersion(SparkSession spark, Warehouse warehouse) {
        String barsPath = warehouse.path(Table.BARS);
        if (!DeltaTable.isDeltaTable(spark, barsPath)) {
            throw JobErrors.noBarsTable(barsPath);
        }
        return TableVersion.latest(spark, barsPath);
    }

    /** The timeframe a run reads and each symbol's range of it. */
    public record Found(Timeframe base, List<SymbolRange> ranges) {
    }

    /**
     * The bars strategies whose finest timeframe is {@code finest} run on: of the timeframes the
     * bars table holds for every one of {@code symbols} in [from, to), the coarsest that is
     * {@code finest} or divides it (1d strategies on 1d bars if there are, else on 1h, ..., 1m
     * bars, resampled), with each symbol's range of it. A user error when there is none, saying
     * which timeframes each symbol has.
     */
    public static Found base(SparkSession spark, TableVersion bars, List<String> symbols, Timeframe finest,
                             Instant from, Instant to) {
        Column where = inRange(col("symbol").isin(symbols.toArray()), from, to);
        List<Row> found = spark.read().format("delta").option("versionAsOf", bars.version()).load(bars.path())
                .where(where).groupBy("symbol", "timeframe")
                .agg(unix_millis(min("ts")).as("first"), unix_millis(max("ts")).as("last"), count(lit(1)).as("n"),
                        DAYS)
                .collectAsList();
        Map<Timeframe, Map<String, Row>> byTimeframe = new TreeMap<>();
        Map<String, Set<String>> held = new TreeMap<>();
        for (Row r : found) {
            Timeframe tf = Timeframe.fromLabel(r.getString(1));
            held.computeIfAbsent(r.getString(0), s -> new TreeSet<>()).add(r.getString(1));
            if (tf != null) {
                byTimeframe.computeIfAbsent(tf, t -> new LinkedHashMap<>()).put(r.getString(0), r);
            }
        }
        Timeframe base = null;
        for (Map.Entry<Timeframe, Map<String, Row>> e : byTimeframe.entrySet()) {
            Timeframe tf = e.getKey();
            if (e.getValue().size() == symbols.size() && (tf == finest || finest.isHigherThan(tf))) {
                base = tf; // entries ascend by duration: the last that fits is the coarsest
            }
        }
        List<String> missing = symbols.stream().filter(s -> !held.containsKey(s)).toList();
        if (!missing.isEmpty()) {
            throw JobErrors.noBars(null, missing, range(from, to), bars.path(), bars.version());
        }
        if (base == null) {
            throw JobErrors.noBaseTimeframe(finest.toString(), held, symbols, range(from, to));
        }
        Timeframe tf = base;
        Map<String, Row> rows = byTimeframe.get(base);
        return new Found(base, symbols.stream().map(s -> new SymbolRange(s, rows.get(s).getLong(2),
                rows.get(s).getLong(3) + tf.millis(), rows.get(s).getLong(4), rows.get(s).getLong(5))).toList());
    }

    private static Column inRange(Column where, Instant from, Instant to) {
        Column w = where;
        if (from != null) {
            w = w.and(col("ts").geq(lit(from)));
        }
        if (to != null) {
            w = w.and(col("ts").lt(lit(to)));
        }
        return w;
    }

    private static String range(Instant from, Instant to) {
        return from != null || to != null ? " in [" + (from == null ? "start" : from) + ", "
                + (to == null ? "end" : to) + ")" : "";
    }

    /**
     * Each symbol's {@code timeframe} bars with open time in [from, to) (either may be null) at
     * {@code bars}, in the order given; a user error naming the symbols without any.
     */
    public static List<SymbolRange> of(SparkSession spark, TableVersion bars, List<String> symbols, Timeframe timeframe,
                                       Instant from, Instant to) {
        Column where = inRange(col("symbol").isin(symbols.toArray()).and(col("timeframe").equalTo(lit(timeframe.label()))),
                from, to);
        List<Row> found = spark.read().format("delta").option("versionAsOf", bars.version()).load(bars.path())
                .where(where).groupBy("symbol")
                .agg(unix_millis(min("ts")).as("first"), unix_millis(max("ts")).as("last"), count(lit(1)).as("n"),
                        DAYS)
                .collectAsList();
        Map<String, SymbolRange> bySymbol = new LinkedHashMap<>();
        for (Row r : found) {
            bySymbol.put(r.getString(0), new SymbolRange(r.getString(0), r.getLong(1),
                    r.getLong(2) + timeframe.millis(), r.getLong(3), r.getLong(4)));
        }
        List<String> missing = symbols.stream().filter(s -> !bySymbol.containsKey(s)).toList();
        if (!missing.isEmpty()) {
            throw JobErrors.noBars(timeframe.toString(), missing, range(from, to), bars.path(), bars.version());
        }
        return symbols.stream().map(bySymbol::get).toList();
    }
}

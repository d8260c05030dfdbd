package dev.massbt.jobs.tables;

import static dev.massbt.datasets.table.TableSpec.notNull;
import static dev.massbt.datasets.table.TableSpec.nullable;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;

import dev.massbt.datasets.table.TableSpec;
import dev.massbt.strategies.metrics.Metric;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The tables the jobs write: name, schema, partition columns and key. Every table but
 * {@code strategies} and {@code runs} is partitioned by {@code run_id}: a run replaces its own
 * partition in one commit and touches nothing else.
 */
public enum RunTable implements TableSpec {

    /**
     * Every strategy ever generated, evolved or given, once: key {@code strategy_id} (the hash
     * of the canonical JSON). {@code origin}: random, genetic, grid or user; {@code source}
     * says where exactly (generator seed and index, file name). The first run that stored a
     * strategy is kept in {@code created_run}.
     */
    STRATEGIES("strategies", new StructType(new StructField[] {
            notNull("strategy_id", StringType),
            notNull("name", StringType),
            notNull("json", StringType),
            notNull("origin", StringType),
            nullable("source", StringType),
            nullable("generation", IntegerType),
            notNull("parents", createArrayType(StringType, false)),
            notNull("complexity", IntegerType),
            notNull("created_run", StringType),
            notNull("created_at", TimestampType)}),
            List.of(), List.of("strategy_id")),

    /** Which strategies a run produced or evaluated, in order: {@code backtest --strategies-run} reads it. */
    STRATEGY_SETS("strategy_sets", new StructType(new StructField[] {
            notNull("run_id", StringType),
            notNull("ordinal", IntegerType),
            notNull("strategy_id", StringType)}),
            List.of("run_id"), List.of("run_id", "ordinal")),

    /**
     * Metrics of every (strategy, symbol, segment) of a backtest run: one column per {@link Metric}
     * (units and signs there, definitions in {@code Metrics}).
     */
    RESULTS("results", withMetrics(new StructField[] {
            notNull("run_id", StringType),
            notNull("strategy_id", StringType),
            notNull("symbol", StringType),
            notNull("segment", StringType),
            notNull("from_ts", TimestampType),
            notNull("to_ts", TimestampType),
            notNull("bars", LongType),
            nullable("periods_per_year", IntegerType)}),
            List.of("run_id"), List.of("run_id", "strategy_id", "symbol", "segment")),

    /**
     * Daily returns of EVERY evaluated (strategy, symbol, segment), one array per row:
     * {@code returns[i]} is the simple return of UTC day {@code first_day + day_offsets[i]}.
     * Overfitting statistics need all trials, not just the winners.
     */
    RETURNS("returns", new StructType(new StructField[] {
            notNull("run_id", StringType),
            notNull("strategy_id", StringType),
            notNull("symbol", StringType),
            notNull("segment", StringType),
            notNull("first_day", DateType),
            notNull("day_offsets", createArrayType(IntegerType, false)),
            notNull("returns", createArrayType(DoubleType, false))}),
            List.of("run_id"), List.of("run_id", "strategy_id", "symbol", "segment")),

    /** The trade list of the run's top strategies. */
    TRADES("trades", new StructType(new StructField[] {
            notNull("run_id", StringType),
            notNull("strategy_id", StringType),
            notNull("symbol", StringType),
            notNull("segment", StringType),
            notNull("side", StringType),
            notNull("entry_ts", TimestampType),
            notNull("entry_price", DoubleType),
            notNull("exit_ts", TimestampType),
            notNull("exit_price", DoubleType),
            notNull("bars", IntegerType),
            notNull("net_return", DoubleType),
            notNull("exit_reason", StringType)}),
            List.of("run_id"), List.of("run_id", "strategy_id", "symbol", "segment", "entry_ts")),

    /**
     * Every generation of an evolve run: the population after the generation (index, strategy,
     * fitness, the generation the individual was born in, its parents' ids for offspring of this
     * generation, its genes; {@code member} true), followed by the strategies first evaluated in
     * the generation that did not survive it ({@code member} false: they are trials too). A run
     * is resumed from its last complete generation here.
     */
    EVOLUTION("evolution", new StructType(new StructField[] {
            notNull("run_id", StringType),
            notNull("generation", IntegerType),
            notNull("idx", IntegerType),
            notNull("strategy_id", StringType),
            notNull("fitness", DoubleType),
            notNull("born", IntegerType),
            notNull("parents", createArrayType(StringType, false)),
            notNull("genes", createArrayType(DoubleType, false)),
            notNull("member", BooleanType)}),
            List.of("run_id"), List.of("run_id", "generation", "idx")),

    /** Daily equity (start 1.0) and drawdown of the run's top strategies. */
    EQUITY("equity", new StructType(new StructField[] {
            notNull("run_id", StringType),
            notNull("strategy_id", StringType),
            notNull("symbol", StringType),
            notNull("segment", StringType),
            notNull("date", DateType),
            notNull("equity", DoubleType),
            notNull("drawdown", DoubleType)}),
            List.of("run_id"), List.of("run_id", "strategy_id", "symbol", "segment", "date")),

    /**
     * A backtest run's ranking: {@code run_id} is the backtest run; ranking it again replaces it.
     * {@code symbol} is null when strategies are ranked across symbols.
     */
    LEADERBOARD("leaderboard", new StructType(new StructField[] {
            notNull("run_id", StringType),
            notNull("rank", IntegerType),
            notNull("strategy_id", StringType),
            notNull("name", StringType),
            nullable("symbol", StringType),
            notNull("metric", StringType),
            notNull("score", DoubleType),
            notNull("is_sharpe", DoubleType),
            notNull("is_total_return", DoubleType),
            notNull("is_max_drawdown", DoubleType),
            notNull("is_trades", LongType),
            nullable("oos_sharpe", DoubleType),
            nullable("oos_total_return", DoubleType),
            nullable("oos_max_drawdown", DoubleType),
            nullable("oos_trades", LongType),
            nullable("json_path", StringType),
            notNull("filters", StringType),
            notNull("trials", LongType),
            notNull("ranked_at", TimestampType)}),
            List.of("run_id"), List.of("run_id", "rank")),

    /**
     * The parameter sets of an {@code optimize} run: which strategy each evaluated combination of
     * the template's grid became. Join with {@code results} on (run_id, strategy_id) for a heat
     * map. {@code combination} is the index in grid order (first parameter slowest, skipped
     * combinations counted); {@code label} reads {@code fast=10 slow=30}.
     */
    GRID("grid", new StructType(new StructField[] {
            notNull("run_id", StringType),
            notNull("combination", IntegerType),
            notNull("strategy_id", StringType),
            notNull("template", StringType),
            notNull("label", StringType),
            notNull("params", createMapType(StringType, DoubleType, false))}),
            List.of("run_id"), List.of("run_id", "strategy_id")),

    /**
     * One row per job run: what ran (command, arguments, seeds, code version), on what (input
     * table versions), what it wrote (output table versions, counts), how it ended and how long
     * it took. A run's rows in other tables count only once its status here is {@code SUCCEEDED},
     * read at the output versions recorded here. Partitioned by run_id like the result tables, so
     * that recording a run's status is one blind overwrite of its own partition, not a MERGE
     * (a MERGE costs seconds of join planning per status change).
     */
    RUNS("runs", new StructType(new StructField[] {
            notNull("run_id", StringType),
            notNull("command", StringType),
            notNull("args", createArrayType(StringType, false)),
            notNull("seeds", createMapType(StringType, LongType, false)),
            notNull("code_version", StringType),
            notNull("spark_master", StringType),
            notNull("input_versions", createMapType(StringType, LongType, false)),
            notNull("output_versions", createMapType(StringType, LongType, false)),
            notNull("counts", createMapType(StringType, LongType, false)),
            notNull("status", StringType),
            nullable("error", StringType),
            notNull("started_at", TimestampType),
            nullable("finished_at", TimestampType),
            nullable("duration_ms", LongType)}),
            List.of("run_id"), List.of("run_id"));

    private final String tableName;
    private final StructType schema;
    private final List<String> partitionColumns;
    private final List<String> keyColumns;

    RunTable(String tableName, StructType schema, List<String> partitionColumns, List<String> keyColumns) {
        this.tableName = tableName;
        this.schema = schema;
        this.partitionColumns = partitionColumns;
        this.keyColumns = keyColumns;
    }

    @Override
    public String tableName() {
        return tableName;
    }

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    public List<String> partitionColumns() {
        return partitionColumns;
    }

    @Override
    public List<String> keyColumns() {
        return keyColumns;
    }

    /** The table's columns in schema order, to select a wider DataFrame down to this table. */
    public org.apache.spark.sql.Column[] columns() {
        return java.util.Arrays.stream(schema.fieldNames()).map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new);
    }

    /** Partitioned by run_id: written by replacing the run's partition. */
    public boolean perRun() {
        return partitionColumns.equals(List.of("run_id"));
    }

    /** {@code head} followed by one column per {@link Metric}, in its order: trades an integer, the others doubles. */
    private static StructType withMetrics(StructField[] head) {
        List<StructField> fields = new ArrayList<>(List.of(head));
        for (Metric m : Metric.values()) {
            fields.add(notNull(m.column(), m.integral() ? IntegerType : DoubleType));
        }
        return new StructType(fields.toArray(StructField[]::new));
    }
}

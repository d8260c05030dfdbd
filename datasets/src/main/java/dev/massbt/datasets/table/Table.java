package dev.massbt.datasets.table;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createMapType;

import static dev.massbt.datasets.table.TableSpec.notNull;
import static dev.massbt.datasets.table.TableSpec.nullable;

import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The ingest tables: name, Spark schema, partition columns and the key an idempotent write
 * matches on. Timestamps are instants (UTC); partition values are computed in Java by
 * {@link PartitionValues}, never from the session time zone.
 */
public enum Table implements TableSpec {

    /**
     * One row per accepted trade. Key: (source, line), the row's lineage, so re-ingesting a file
     * adds nothing. {@code ts_us} keeps the exact microseconds beside {@code ts}; {@code side} is
     * {@code buy}, {@code sell} or null when the data does not say; {@code trade_id} null when the
     * data has none. {@code in_session}: whether the trade is in the ingest's session (bars are built
     * from those that are), null when the ingest had none; added after the first release, last, so
     * older tables gain it by schema evolution and their rows have null.
     */
    TICKS("ticks", new StructType(new StructField[] {
            notNull("symbol", StringType),
            notNull("ts", TimestampType),
            notNull("ts_us", LongType),
            notNull("price", DoubleType),
            notNull("size", DoubleType),
            nullable("side", StringType),
            nullable("trade_id", LongType),
            notNull("date", DateType),
            notNull("source", StringType),
            notNull("line", LongType),
            nullable("in_session", BooleanType)}),
            List.of("symbol", "date"), List.of("source", "line")),

    /**
     * One row per bar of the base timeframe. Key: (symbol, timeframe, ts): one bar per bucket,
     * whichever file it came from. {@code month} is the date bucket, by timeframe
     * ({@link PartitionValues#bucketOf}): the month ({@code 2018-01}) below 1h, where a month of
     * one-minute bars is ~2 MB; the year for 1h and 4h; {@code all} for 1d. vwap, buy/sell volume and trades are null
     * for bar sources that do not carry them. Lineage: source and line of the bar row, or of the
     * first trade of the bar when aggregated from ticks.
     */
    BARS("bars", new StructType(new StructField[] {
            notNull("symbol", StringType),
            notNull("timeframe", StringType),
            notNull("ts", TimestampType),
            notNull("open", DoubleType),
            notNull("high", DoubleType),
            notNull("low", DoubleType),
            notNull("close", DoubleType),
            notNull("volume", DoubleType),
            nullable("vwap", DoubleType),
            nullable("buy_volume", DoubleType),
            nullable("sell_volume", DoubleType),
            nullable("trades", LongType),
            notNull("month", StringType),
            notNull("source", StringType),
            notNull("line", LongType)}),
            List.of("symbol", "month"), List.of("symbol", "timeframe", "ts")),

    /**
     * Every rejected input row with its reason. Partitioned by {@code source_key}, a sanitised,
     * hashed form of the source name ({@link PartitionValues#sourceKey(String)}): file names may
     * hold any character, partition directory names should not.
     */
    QUARANTINE("quarantine", new StructType(new StructField[] {
            notNull("source_key", StringType),
            notNull("source", StringType),
            notNull("line", LongType),
            notNull("symbol", StringType),
            notNull("reason", StringType),
            notNull("message", StringType),
            notNull("raw", StringType),
            notNull("run_id", StringType),
            notNull("ingested_at", TimestampType)}),
            List.of("source_key"), List.of("source", "line")),

    /**
     * One row per (ingest run, source file): what was read, accepted and rejected by reason, the
     * observations, the table versions the run wrote (null for a table it did not write), and for
     * a headered file how its columns were mapped ({@code columns}: {@code ts=Date, open=Open, ...;
     * ignored: ...; back-adjusted by adj_close}; null for a fixed format; added after the first
     * release, so older rows have none). Re-running with the same run id replaces the run's rows.
     */
    INGESTS("ingests", new StructType(new StructField[] {
            notNull("run_id", StringType),
            notNull("source", StringType),
            notNull("symbol", StringType),
            notNull("format", StringType),
            notNull("rows_read", LongType),
            notNull("accepted", LongType),
            notNull("rejected", LongType),
            notNull("rejected_by_reason", createMapType(StringType, LongType, false)),
            notNull("observations", createMapType(StringType, LongType, false)),
            notNull("bars", LongType),
            nullable("ticks_version", LongType),
            nullable("bars_version", LongType),
            nullable("quarantine_version", LongType),
            notNull("ingested_at", TimestampType),
            nullable("columns", StringType)}),
            List.of(), List.of("run_id", "source"));

    private final String tableName;
    private final StructType schema;
    private final List<String> partitionColumns;
    private final List<String> keyColumns;

    Table(String tableName, StructType schema, List<String> partitionColumns, List<String> keyColumns) {
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

    /** Ticks are read by symbol and date (partitions) and time: statistics of the numbers only. */
    @Override
    public List<String> statsColumns() {
        return this == TICKS ? List.of("ts", "ts_us", "price", "size", "line") : List.of();
    }
}

package dev.massbt.datasets.ingest;

import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;

import dev.massbt.datasets.read.BarRow;
import dev.massbt.datasets.read.Side;
import dev.massbt.datasets.read.TradeRow;
import dev.massbt.datasets.table.PartitionValues;
import dev.massbt.datasets.table.Table;
import dev.massbt.datasets.validate.IngestReport;
import dev.massbt.datasets.validate.RejectedRow;
import dev.massbt.strategies.timeframe.Timeframe;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The one-pass output of parsing: every row is tagged {@code tick}, {@code bar}, {@code rejected}
 * or {@code report} and carries its payload in the struct column of that name (the others null),
 * so one read of a file yields all of its tables' rows and its counts.
 */
final class Tagged {

    static final String TICK = "tick";
    static final String BAR = "bar";
    static final String REJECTED = "rejected";
    static final String REPORT = "report";

    /** The first rejected row of a file, for the message that refuses it. */
    static final StructType FIRST_REJECTED = new StructType(new StructField[] {
            field("line", LongType),
            field("reason", StringType),
            field("message", StringType),
            field("raw", StringType)});

    /** Per file: the reader's counts, and the partitions its rows fall in (for pruning the writes). */
    static final StructType REPORT_SCHEMA = new StructType(new StructField[] {
            field("source", StringType),
            field("symbols", createArrayType(StringType, false)),
            field("columns", StringType),
            field("rows_read", LongType),
            field("accepted", LongType),
            field("rejected", createMapType(StringType, LongType, false)),
            field("observations", createMapType(StringType, LongType, false)),
            field("bars", LongType),
            field("dates", createArrayType(StringType, false)),
            field("months", createArrayType(StringType, false)),
            new StructField("first_rejected", FIRST_REJECTED, true, Metadata.empty())});

    static final StructType SCHEMA = new StructType(new StructField[] {
            field("tag", StringType),
            new StructField(TICK, Table.TICKS.schema(), true, Metadata.empty()),
            new StructField(BAR, Table.BARS.schema(), true, Metadata.empty()),
            new StructField(REJECTED, Table.QUARANTINE.schema(), true, Metadata.empty()),
            new StructField(REPORT, REPORT_SCHEMA, true, Metadata.empty())});

    private Tagged() {
    }

    /** {@code inSession}: whether the trade is in the ingest's session, null when it has none. */
    static Row tick(String symbol, TradeRow t, Boolean inSession) {
        String side = t.side() == Side.BUY ? "buy" : t.side() == Side.SELL ? "sell" : null;
        Row tick = RowFactory.create(symbol, instantOfMicros(t.tsMicros()), t.tsMicros(), t.price(), t.size(), side,
                t.tradeId() < 0 ? null : t.tradeId(), PartitionValues.dateOfMicros(t.tsMicros()), t.source(), t.line(),
                inSession);
        return RowFactory.create(TICK, tick, null, null, null);
    }

    static Row bar(String symbol, Timeframe timeframe, BarRow b) {
        Row bar = RowFactory.create(symbol, timeframe.label(), Instant.ofEpochMilli(b.tsMillis()), b.open(), b.high(),
                b.low(), b.close(), b.volume(), null, null, null, null, PartitionValues.bucketOf(timeframe, b.tsMillis()),
                b.source(), b.line());
        return RowFactory.create(BAR, null, bar, null, null);
    }

    static Row aggregatedBar(String symbol, Timeframe timeframe, long ts, double open, double high, double low,
                             double close, double volume, double vwap, double buy, double sell, long trades,
                             String source, long firstLine) {
        Row bar = RowFactory.create(symbol, timeframe.label(), Instant.ofEpochMilli(ts), open, high, low, close, volume,
                vwap, buy, sell, trades, PartitionValues.bucketOf(timeframe, ts), source, firstLine);
        return RowFactory.create(BAR, null, bar, null, null);
    }

    static Row rejected(String symbol, RejectedRow r, String runId, long ingestedAtMicros) {
        Row q = RowFactory.create(PartitionValues.sourceKey(r.source()), r.source(), r.line(), symbol, r.reason().code(),
                r.message(), r.raw(), runId, instantOfMicros(ingestedAtMicros));
        return RowFactory.create(REJECTED, null, null, q, null);
    }

    static Row report(Collection<String> symbols, IngestReport report, RejectedRow first, long bars,
                      Collection<String> dates, Collection<String> months) {
        Map<String, Long> rejected = new LinkedHashMap<>();
        report.rejected().forEach((k, v) -> rejected.put(k.code(), v));
        Map<String, Long> observations = new LinkedHashMap<>();
        report.observations().forEach((k, v) -> observations.put(k.code(), v));
        Row firstRejected = first == null ? null
                : RowFactory.create(first.line(), first.reason().code(), first.message(), first.raw());
        Row r = RowFactory.create(report.source(), CollectionConverters.asScala(symbols.iterator()).toSeq(),
                report.columns(), report.rowsRead(), report.accepted(),
                CollectionConverters.asScala(rejected), CollectionConverters.asScala(observations), bars,
                CollectionConverters.asScala(dates.iterator()).toSeq(),
                CollectionConverters.asScala(months.iterator()).toSeq(), firstRejected);
        return RowFactory.create(REPORT, null, null, null, r);
    }

    static Instant instantOfMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    private static StructField field(String name, org.apache.spark.sql.types.DataType type) {
        return new StructField(name, type, false, Metadata.empty());
    }
}

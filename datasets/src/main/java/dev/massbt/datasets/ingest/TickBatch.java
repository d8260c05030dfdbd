package dev.massbt.datasets.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.types.DataTypes.ByteType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import dev.massbt.datasets.read.Side;
import dev.massbt.datasets.read.TradeRow;
import java.time.LocalDate;
import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Up to {@value #SIZE} accepted ticks of one symbol, date and source, column by column in
 * primitive arrays, filled as the file is read. {@link #rows} turns the batches back into rows of
 * the {@code ticks} table inside Spark's generated code ({@code inline}), never as one Java
 * object per tick. Side: 0 unknown, 1 buy, 2 sell; trade id {@value #NO_ID}: none; in session:
 * 0 no session given (null), 1 in, 2 out.
 */
final class TickBatch {

    static final int SIZE = 4096;
    private static final long NO_ID = -1;

    static final StructType SCHEMA = new StructType(new StructField[] {
            field("symbol", StringType),
            field("date", DateType),
            field("source", StringType),
            array("ts_us", LongType),
            array("price", DoubleType),
            array("size", DoubleType),
            array("side", ByteType),
            array("trade_id", LongType),
            array("line", LongType),
            array("in_session", ByteType)});

    private final String symbol;
    private final String source;
    private LocalDate date;
    private final long[] ts = new long[SIZE];
    private final double[] price = new double[SIZE];
    private final double[] size = new double[SIZE];
    private final byte[] side = new byte[SIZE];
    private final long[] tradeId = new long[SIZE];
    private final long[] line = new long[SIZE];
    private final byte[] inSession = new byte[SIZE];
    private int n;

    /** An empty batch of one symbol's ticks from one source; {@link #restart} gives it its date. */
    TickBatch(String symbol, String source) {
        this.symbol = symbol;
        this.source = source;
    }

    /** Whether a tick of UTC date {@code day} goes here: the same date, and room left. */
    boolean takes(LocalDate day) {
        return n < SIZE && day.equals(date);
    }

    /** Empties the batch (its rows already taken) for ticks of {@code day}. */
    void restart(LocalDate day) {
        date = day;
        n = 0;
    }

    /** {@code session}: whether the trade is in the ingest's session, null when it has none. */
    void add(TradeRow t, Boolean session) {
        ts[n] = t.tsMicros();
        price[n] = t.price();
        size[n] = t.size();
        side[n] = (byte) (t.side() == Side.BUY ? 1 : t.side() == Side.SELL ? 2 : 0);
        tradeId[n] = t.tradeId() < 0 ? NO_ID : t.tradeId();
        line[n] = t.line();
        inSession[n] = (byte) (session == null ? 0 : session ? 1 : 2);
        n++;
    }

    boolean isEmpty() {
        return n == 0;
    }

    Row row() {
        return RowFactory.create(symbol, date, source, Arrays.copyOf(ts, n), Arrays.copyOf(price, n),
                Arrays.copyOf(size, n), Arrays.copyOf(side, n), Arrays.copyOf(tradeId, n), Arrays.copyOf(line, n), Arrays.copyOf(inSession, n));
    }

    /** The rows of the {@code ticks} table in {@code batches} (of {@link #SCHEMA}). */
    static Dataset<Row> rows(Dataset<Row> batches) {
        return batches.select(col("symbol"), col("date"), col("source"),
                        expr("inline(arrays_zip(ts_us, price, size, side, trade_id, line, in_session))"))
                .select(col("symbol"), expr("timestamp_micros(ts_us)").as("ts"), col("ts_us"), col("price"), col("size"),
                        expr("CASE side WHEN 1 THEN 'buy' WHEN 2 THEN 'sell' END").as("side"),
                        expr("nullif(trade_id, " + NO_ID + ")").as("trade_id"), col("date"), col("source"), col("line"),
                        expr("CASE in_session WHEN 1 THEN true WHEN 2 THEN false END").as("in_session"));
    }

    private static StructField field(String name, org.apache.spark.sql.types.DataType type) {
        return new StructField(name, type, false, Metadata.empty());
    }

    private static StructField array(String name, org.apache.spark.sql.types.DataType element) {
        return new StructField(name, createArrayType(element, false), false, Metadata.empty());
    }
}

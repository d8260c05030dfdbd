package dev.massbt.datasets.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.massbt.datasets.catalog.DatasetRef;
import dev.massbt.datasets.run.Steps;
import dev.massbt.datasets.synthetic.SyntheticMarket;
import dev.massbt.datasets.table.PartitionValues;
import dev.massbt.datasets.table.Table;
import dev.massbt.datasets.table.Warehouse;
import dev.massbt.strategies.timeframe.Timeframe;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a synthetic market ({@code synthetic:<symbols>x<days>:<seed>}) into the {@code bars}
 * table, one Spark task per symbol, so benchmarks and the demo read generated data exactly as
 * they read ingested data. Idempotent like every ingest: the same dataset again inserts nothing.
 *
 * <pre>{@code
 * SyntheticIngest.on(spark).warehouse(w).dataset(new DatasetRef.Synthetic(4, 365, 42)).execute();
 * }</pre>
 */
public final class SyntheticIngest {

    /** Default first day of a synthetic market. */
    public static final LocalDate DEFAULT_START = LocalDate.of(2024, 1, 1);
    private static final Logger LOG = LoggerFactory.getLogger(SyntheticIngest.class);

    private final SparkSession spark;
    private Warehouse warehouse;
    private DatasetRef.Synthetic dataset;
    private LocalDate start = DEFAULT_START;

    private SyntheticIngest(SparkSession spark) {
        this.spark = Objects.requireNonNull(spark, "spark");
    }

    public static SyntheticIngest on(SparkSession spark) {
        return new SyntheticIngest(spark);
    }

    public SyntheticIngest warehouse(Warehouse w) {
        this.warehouse = Objects.requireNonNull(w, "warehouse");
        return this;
    }

    public SyntheticIngest dataset(DatasetRef.Synthetic ref) {
        this.dataset = Objects.requireNonNull(ref, "dataset");
        return this;
    }

    public SyntheticIngest start(LocalDate day) {
        this.start = Objects.requireNonNull(day, "start");
        return this;
    }

    /** What was written: symbols, bars generated and inserted, the bars table version. */
    public record Result(String dataset, List<String> symbols, long barsGenerated, long barsInserted, long barsVersion,
                         long millis) {

        public Result {
            symbols = List.copyOf(symbols);
        }

        public double barsPerSecond() {
            return millis == 0 ? 0 : barsGenerated * 1000.0 / millis;
        }
    }

    public Result execute() {
        if (warehouse == null || dataset == null) {
            throw new IllegalStateException("Cannot generate: " + (warehouse == null ? "no warehouse" : "no dataset")
                    + " given. Call warehouse(...) and dataset(...) before execute().");
        }
        long startNanos = System.nanoTime();
        List<String> symbols = dataset.symbolNames();
        SyntheticMarket market = SyntheticMarket.of(symbols, start, dataset.days(), dataset.seed());
        long generated = (long) market.barsPerSymbol() * symbols.size();
        Steps steps = Steps.of(spark.sparkContext(), "synth", dataset.name());
        DeltaWrites.Written w = steps.run("write", "generate and write " + generated + " bars", () -> write(symbols));
        Result result = new Result(dataset.name(), symbols, generated, w.inserted(), w.version(),
                (System.nanoTime() - startNanos) / 1_000_000L);
        LOG.info("synthetic {}: {} bars of {} symbols, {} inserted (bars version {}) in {} ms, {} bars/s",
                dataset.name(), generated, symbols.size(), w.inserted(), w.version(), result.millis(),
                Math.round(result.barsPerSecond()));
        return result;
    }

    /** One task per symbol generates its bars; one MERGE inserts those not in the table yet. */
    private DeltaWrites.Written write(List<String> symbols) {
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(symbols, symbols.size())
                .mapPartitions(new GenerateBars(dataset, start));
        Dataset<Row> bars = spark.createDataFrame(rows, Table.BARS.schema());
        long from = start.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long to = start.plusDays(dataset.days()).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
        List<String> months = PartitionValues.monthsBetween(from, to);
        return new DeltaWrites(spark, warehouse).insertNew(Table.BARS, bars,
                col("t.symbol").isin(symbols.toArray()).and(col("t.timeframe").equalTo(lit(Timeframe.M1.label())))
                        .and(col("t.month").isin(months.toArray())));
    }
}

package dev.massbt.jobs.cli;

import dev.massbt.datasets.catalog.DatasetRef;
import dev.massbt.datasets.ingest.DatasetIngest;
import dev.massbt.datasets.read.BarFormat;
import dev.massbt.datasets.read.GenericBars;
import dev.massbt.datasets.read.GenericTrades;
import dev.massbt.datasets.read.RowFormat;
import dev.massbt.datasets.read.TradeFormat;
import dev.massbt.datasets.run.RunId;
import dev.massbt.jobs.error.JobErrors;
import dev.massbt.jobs.tables.RunWrites;
import dev.massbt.strategies.error.UserException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code massbt ingest}: a named dataset or the user's files into ticks / bars, with quarantine. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Ingest a dataset into the Delta tables: trades into ticks (and 1m bars), bar files into bars, "
                + "rejected rows into quarantine with their reason; idempotent (re-ingesting a file adds nothing).")
final class IngestCommand extends RecordedCommand {

    @Parameters(paramLabel = "DATASET", description = "bitstamp-btcusd-2013, histdata-<instrument>-m1, "
            + "synthetic:<symbols>x<days>:<seed>, or a path or file:/hdfs:/s3a: URI of your files (a file or a "
            + "directory of them; then give --format and --symbol).")
    String dataset;

    @Option(names = "--format", paramLabel = "FORMAT", description = "For your files: bitstamp, binance-trades, "
            + "binance-klines, histdata-m1, trades-csv (timestamp,price,size[,side]) or bars-csv "
            + "(timestamp,open,high,low,close,volume).")
    String format;

    @Option(names = "--symbol", paramLabel = "SYMBOL", description = "For your files: the symbol, e.g. BTCUSD.")
    String symbol;

    @Option(names = "--delimiter", paramLabel = "C", description = "For trades-csv / bars-csv: the field delimiter "
            + "(default ',').")
    Character delimiter;

    @Option(names = "--side-column", description = "For trades-csv: a fourth column holds the side (buy/sell).")
    boolean sideColumn;

    @Option(names = "--timeframe", paramLabel = "TF", description = "Timeframe of bar files, or that trades are "
            + "aggregated to (default 1m).")
    String timeframe;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where downloaded datasets (HistData zips) are. "
            + "Default: $MASSBT_DATA_DIR, else ./data.")
    Path dataDir;


    /** The formats --format names, in the order the help lists them. */
    static final List<String> FORMATS = List.of("bitstamp", "binance-trades", "binance-klines", "histdata-m1",
            "trades-csv", "bars-csv");

    private DatasetRef ref;

    @Override
    void check() {
        ref = DatasetRef.parse(dataset);
        if (format != null) {
            try {
                format(format, delimiter, sideColumn);
            } catch (UserException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw JobErrors.option("--format / --delimiter / --side-column", e);
            }
        }
        if (timeframe != null) {
            GenerateCommand.timeframe(timeframe);
        }
    }

    @Override
    Outcome run(SparkSession spark, RunWrites writes, RunId run) {
        DatasetIngest.Result r = ingest(spark, writes, run, ref, dataDir());
        out(r.summary());
        return outcome(r);
    }

    DatasetIngest.Result ingest(SparkSession spark, RunWrites writes, RunId run, DatasetRef ref, Path data) {
        DatasetIngest in = DatasetIngest.on(spark).warehouse(writes.warehouse()).dataset(ref).dataDir(data)
                .workDir(workDir());
        if (!(ref instanceof DatasetRef.Synthetic)) {
            in.runId(run.value());
        }
        if (format != null) {
            in.format(format(format, delimiter, sideColumn));
        }
        if (symbol != null) {
            in.symbol(symbol);
        }
        if (timeframe != null) {
            in.timeframe(GenerateCommand.timeframe(timeframe));
        }
        return in.execute();
    }

    static Outcome outcome(DatasetIngest.Result r) {
        Map<String, Long> versions = new LinkedHashMap<>();
        r.versions().forEach((t, v) -> versions.put(t.tableName(), v));
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("rows_read", r.rowsRead());
        counts.put("accepted", r.accepted());
        counts.put("rejected", r.rejected());
        counts.put("bars", r.bars());
        counts.put("bars_inserted", r.barsInserted());
        return new Outcome(Map.of(), versions, counts);
    }

    Path dataDir() {
        if (dataDir != null) {
            return dataDir;
        }
        String env = System.getenv("MASSBT_DATA_DIR");
        return Path.of(env == null || env.isBlank() ? "data" : env);
    }

    /** Where a dataset shipped as a classpath resource is copied to be read (local to this machine). */
    static Path workDir() {
        return Path.of(System.getProperty("java.io.tmpdir"), "massbt-" + System.getProperty("user.name", "user"));
    }

    static RowFormat format(String name, Character delimiter, boolean side) {
        return switch (name) {
            case "bitstamp" -> TradeFormat.BITSTAMP;
            case "binance-trades" -> TradeFormat.BINANCE;
            case "binance-klines" -> BarFormat.BINANCE_KLINES;
            case "histdata-m1" -> BarFormat.HISTDATA_M1;
            case "trades-csv" -> {
                GenericTrades t = GenericTrades.csv();
                if (side) {
                    t = t.withColumns(4, 0, 1, 2, 3);
                }
                yield delimiter == null ? t : t.withDelimiter(delimiter);
            }
            case "bars-csv" -> delimiter == null ? GenericBars.csv() : GenericBars.csv().withDelimiter(delimiter);
            default -> throw JobErrors.unknownFormat(name, FORMATS);
        };
    }
}

package dev.massbt.datasets.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.massbt.datasets.catalog.DatasetRef;
import dev.massbt.datasets.ingest.DatasetIngest;
import dev.massbt.datasets.ingest.IngestAction;
import dev.massbt.datasets.ingest.IngestResult;
import dev.massbt.datasets.read.GenericTrades;
import dev.massbt.datasets.read.Side;
import dev.massbt.datasets.read.ColumnNames;
import dev.massbt.datasets.read.EpochUnit;
import dev.massbt.datasets.read.TimeSpec;
import dev.massbt.datasets.read.TradeFormat;
import dev.massbt.datasets.synthetic.SyntheticMarket;
import dev.massbt.datasets.table.DeltaSessions;
import dev.massbt.datasets.table.Warehouse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * End-to-end ingest throughput on one {@code local[2]} Delta session in a temporary warehouse,
 * printed as one line of JSON on stdout (progress goes to the log on stderr). Not a unit test
 * and not JMH: each figure is one cold run of a whole ingest (parse, validate, aggregate, MERGE
 * into every table), which is what a user waits for.
 *
 * <pre>
 * mvn -B -ntp -q -pl datasets -am -Pbench test-compile exec:exec@ingest-bench \
 *     -Dingest.args="--histdata ../shared/data/histdata-m1 --synthetic-ticks 10000000"
 * </pre>
 *
 * <ul>
 *   <li>{@code --histdata DIR}: every HistData ASCII M1 zip in DIR, one ingest per instrument
 *       (all its years together, as {@code massbt ingest histdata-<instrument>-m1} does): rows
 *       read and rows/s per instrument and overall.</li>
 *   <li>{@code --synthetic-ticks N}: about N synthetic trades of one symbol, written first as one
 *       CSV (its generation timed apart and not counted), then ingested to {@code ticks} and
 *       one-minute {@code bars}: rows/s.</li>
 * </ul>
 */
public final class IngestBench {

    private static final Logger LOG = LoggerFactory.getLogger(IngestBench.class);
    private static final Pattern HISTDATA_ZIP = Pattern.compile("HISTDATA_COM_ASCII_([A-Z0-9]{3,10})_M1\\d{4}\\.zip");
    /** Synthetic bars have 4 to 11 trades, 7.5 on average. */
    private static final double TICKS_PER_DAY = 7.5 * 1440;
    private static final String TICK_SYMBOL = "SYNTICKS";
    private static final TradeFormat TICKS_CSV = new GenericTrades(',', 4, 0, 1, 2, 3, TimeSpec.of(EpochUnit.MICROS), ColumnNames.AUTO);

    private IngestBench() {
    }

    /** What to measure. */
    record Options(Path histData, long syntheticTicks) {
        static final String USAGE = "usage: IngestBench [--histdata DIR] [--synthetic-ticks N]  (at least one)";

        Options {
            if (histData == null && syntheticTicks == 0) {
                throw new IllegalArgumentException("nothing to measure. " + USAGE);
            }
            if (histData != null && !Files.isDirectory(histData)) {
                throw new IllegalArgumentException("--histdata " + histData + " is not a directory. Give the directory "
                        + "of the HistData ASCII M1 zips.");
            }
            if (syntheticTicks < 0) {
                throw new IllegalArgumentException("--synthetic-ticks must be positive, got " + syntheticTicks);
            }
        }

        static Options parse(String... args) {
            Path dir = null;
            long ticks = 0;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("'" + a + "' needs a value. " + USAGE);
                }
                String v = args[++i];
                switch (a) {
                    case "--histdata" -> dir = Path.of(v).toAbsolutePath().normalize();
                    case "--synthetic-ticks" -> {
                        try {
                            ticks = Long.parseLong(v.replace("_", ""));
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--synthetic-ticks takes a number, got '" + v + "'");
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option '" + a + "'. " + USAGE);
                }
            }
            return new Options(dir, ticks);
        }
    }

    /** Rows ingested in a wall time. */
    record Rate(long rows, double seconds) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rows", rows);
            m.put("seconds", Math.round(seconds * 1000) / 1000.0);
            m.put("rows_per_second", seconds == 0 ? 0 : Math.round(rows / seconds));
            return m;
        }
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("IngestBench: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            System.out.println(new ObjectMapper().writeValueAsString(run(options)));
        } catch (Exception e) {
            LOG.error("IngestBench failed", e);
            System.exit(1);
        }
    }

    static Map<String, Object> run(Options options) throws IOException {
        Path tmp = Files.createTempDirectory("massbt-ingest-bench-");
        try {
            long start = System.nanoTime();
            SparkSession spark = DeltaSessions.local(Warehouse.at(tmp.resolve("spark")), 2);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("spark", "local[2]");
            out.put("session_seconds", Math.round(seconds(start) * 1000) / 1000.0);
            try {
                if (options.histData() != null) {
                    out.put("histdata", histData(spark, options.histData(), Warehouse.at(tmp.resolve("histdata"))));
                }
                if (options.syntheticTicks() > 0) {
                    out.put("synthetic_ticks", syntheticTicks(spark, options.syntheticTicks(), tmp));
                }
            } finally {
                spark.stop();
            }
            return out;
        } finally {
            deleteRecursively(tmp);
        }
    }

    private static Map<String, Object> histData(SparkSession spark, Path dir, Warehouse warehouse) throws IOException {
        Map<String, List<Path>> byInstrument = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "HISTDATA_COM_ASCII_*_M1*.zip")) {
            for (Path f : files) {
                Matcher m = HISTDATA_ZIP.matcher(f.getFileName().toString());
                if (m.matches()) {
                    byInstrument.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(f);
                }
            }
        }
        if (byInstrument.isEmpty()) {
            throw new IllegalArgumentException("No HistData zips (HISTDATA_COM_ASCII_<instrument>_M1<year>.zip) in "
                    + dir + ". Give the directory of the ASCII M1 downloads.");
        }
        Map<String, Object> instruments = new LinkedHashMap<>();
        long rows = 0;
        double secs = 0;
        for (Map.Entry<String, List<Path>> e : byInstrument.entrySet()) {
            long start = System.nanoTime();
            DatasetIngest.Result r = DatasetIngest.on(spark).warehouse(warehouse)
                    .dataset(new DatasetRef.HistData(e.getKey())).dataDir(dir).execute();
            Rate rate = new Rate(r.rowsRead(), seconds(start));
            Map<String, Object> json = rate.json();
            json.put("files", e.getValue().size());
            instruments.put(e.getKey(), json);
            rows += rate.rows();
            secs += rate.seconds();
            LOG.info("bench: {} {} rows in {} s", e.getKey(), rate.rows(), rate.seconds());
        }
        Map<String, Object> json = new Rate(rows, secs).json();
        json.put("by_instrument", instruments);
        return json;
    }

    private static Map<String, Object> syntheticTicks(SparkSession spark, long ticks, Path tmp) throws IOException {
        int days = (int) Math.max(1, Math.round(ticks / TICKS_PER_DAY));
        Path csv = tmp.resolve("synthetic-ticks.csv");
        long start = System.nanoTime();
        long written = writeTicks(csv, days);
        double generation = seconds(start);
        LOG.info("bench: {} synthetic ticks ({} days) written to {} ({} bytes) in {} s", written, days, csv,
                Files.size(csv), generation);

        start = System.nanoTime();
        IngestResult r = IngestAction.on(spark).warehouse(Warehouse.at(tmp.resolve("ticks")))
                .trades(TICKS_CSV).symbol(TICK_SYMBOL).input(csv).execute();
        Map<String, Object> json = new Rate(r.rowsRead(), seconds(start)).json();
        json.put("bars", r.bars());
        json.put("csv_bytes", Files.size(csv));
        json.put("generation_seconds", Math.round(generation * 1000) / 1000.0);
        return json;
    }

    /** One symbol's trades over {@code days} days as {@code ts_us,price,size,side}; returns the count. */
    private static long writeTicks(Path csv, int days) throws IOException {
        SyntheticMarket market = SyntheticMarket.of(List.of(TICK_SYMBOL), LocalDate.of(2020, 1, 1), days, 42);
        long[] count = new long[1];
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("ts_us,price,size,side\n");
            StringBuilder line = new StringBuilder(64);
            market.barsAndTicks(TICK_SYMBOL, (tsMicros, price, size, side) -> {
                line.setLength(0);
                line.append(tsMicros).append(',').append(price).append(',').append(size).append(',')
                        .append(side == Side.BUY ? "buy" : side == Side.SELL ? "sell" : "").append('\n');
                try {
                    out.append(line);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                count[0]++;
            });
        }
        return count[0];
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    LOG.warn("could not delete {}: {}", p, e.toString());
                }
            });
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", root, e.toString());
        }
    }
}

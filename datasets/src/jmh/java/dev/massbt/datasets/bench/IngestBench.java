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
import dev.massbt.datasets.read.PrintFilters;
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
 *   <li>{@code --iso-ticks N}: N trades in a headered file as public tick sources publish them
 *       ({@code ts,price,size,exch,cond,suspicious}, ISO-8601 UTC times with milliseconds), mapped by
 *       header, to {@code ticks} and one-minute {@code bars}: rows/s.</li>
 *   <li>{@code --daily-universe FILESxBARS}: a directory of FILES per-symbol daily files of BARS
 *       weekday bars each ({@code Date,Open,High,Low,Close,Adj Close,Volume}), ingested as one run
 *       with each file's symbol from its name and {@code --adjust}: rows/s and wall time.</li>
 * </ul>
 */
public final class IngestBench {

    private static final Logger LOG = LoggerFactory.getLogger(IngestBench.class);
    private static final Pattern HISTDATA_ZIP = Pattern.compile("HISTDATA_COM_ASCII_([A-Z0-9]{3,10})_M1\\d{4}\\.zip");
    /** Synthetic bars have 4 to 11 trades, 7.5 on average. */
    private static final double TICKS_PER_DAY = 7.5 * 1440;
    private static final String TICK_SYMBOL = "SYNTICKS";
    private static final TradeFormat TICKS_CSV = new GenericTrades(',', 4, 0, 1, 2, 3, TimeSpec.of(EpochUnit.MICROS), ColumnNames.AUTO,
            PrintFilters.DEFAULT);

    private IngestBench() {
    }

    /** What to measure. */
    record Options(Path histData, long syntheticTicks, long isoTicks, int universeFiles, int universeBars) {
        static final String USAGE = "usage: IngestBench [--histdata DIR] [--synthetic-ticks N] [--iso-ticks N] "
                + "[--daily-universe FILESxBARS]  (at least one)";

        Options {
            if (histData == null && syntheticTicks == 0 && isoTicks == 0 && universeFiles == 0) {
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
            long iso = 0;
            int files = 0;
            int bars = 0;
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
                    case "--iso-ticks" -> iso = Long.parseLong(v.replace("_", ""));
                    case "--daily-universe" -> {
                        String[] p = v.split("x");
                        if (p.length != 2) {
                            throw new IllegalArgumentException("--daily-universe takes FILESxBARS, e.g. 410x4900");
                        }
                        files = Integer.parseInt(p[0]);
                        bars = Integer.parseInt(p[1]);
                    }
                    default -> throw new IllegalArgumentException("unknown option '" + a + "'. " + USAGE);
                }
            }
            return new Options(dir, ticks, iso, files, bars);
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
                if (options.isoTicks() > 0) {
                    out.put("iso_ticks", isoTicks(spark, options.isoTicks(), tmp));
                }
                if (options.universeFiles() > 0) {
                    out.put("daily_universe", dailyUniverse(spark, options.universeFiles(), options.universeBars(), tmp));
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

    private static Map<String, Object> isoTicks(SparkSession spark, long ticks, Path tmp) throws IOException {
        Path csv = tmp.resolve("spy-iso-ticks.csv");
        long start = System.nanoTime();
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        java.time.format.DateTimeFormatter iso = java.time.format.DateTimeFormatter.ISO_INSTANT;
        long ms = java.time.Instant.parse("2013-10-07T08:00:00Z").toEpochMilli();
        double price = 169.5;
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("ts,price,size,exch,cond,suspicious\n");
            StringBuilder line = new StringBuilder(96);
            for (long i = 0; i < ticks; i++) {
                ms += r.nextInt(8);
                price = Math.max(1, price + (r.nextInt(3) - 1) * 0.01);
                line.setLength(0);
                iso.formatTo(java.time.Instant.ofEpochMilli(ms), line);
                line.append(',').append(Math.round(price * 100) / 100.0).append(',').append(1 + r.nextInt(500))
                        .append(",P,@,false\n");
                out.append(line);
            }
        }
        double generation = seconds(start);
        start = System.nanoTime();
        IngestResult res = IngestAction.on(spark).warehouse(Warehouse.at(tmp.resolve("iso")))
                .trades(GenericTrades.csv()).symbol("SPY").input(csv).execute();
        Map<String, Object> json = new Rate(res.rowsRead(), seconds(start)).json();
        json.put("bars", res.bars());
        json.put("csv_bytes", Files.size(csv));
        json.put("generation_seconds", Math.round(generation * 1000) / 1000.0);
        return json;
    }

    private static Map<String, Object> dailyUniverse(SparkSession spark, int files, int bars, Path tmp)
            throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("universe"));
        long start = System.nanoTime();
        java.util.SplittableRandom r = new java.util.SplittableRandom(11);
        for (int f = 0; f < files; f++) {
            StringBuilder b = new StringBuilder(bars * 64).append("Date,Open,High,Low,Close,Adj Close,Volume\n");
            LocalDate d = LocalDate.of(2005, 1, 3);
            double close = 20 + r.nextDouble(200);
            for (int i = 0; i < bars; d = d.plusDays(1)) {
                if (d.getDayOfWeek().getValue() > 5) {
                    continue;
                }
                double open = close * (1 + r.nextGaussian() * 0.004);
                close = open * (1 + r.nextGaussian() * 0.015);
                b.append(d).append(',').append(String.format(java.util.Locale.ROOT, "%.4f,%.4f,%.4f,%.4f,%.4f,%d%n",
                        open, Math.max(open, close) * 1.004, Math.min(open, close) * 0.996, close, close * 0.97,
                        100_000 + r.nextInt(5_000_000)));
                i++;
            }
            Files.writeString(dir.resolve(String.format(java.util.Locale.ROOT, "S%03d.csv", f)), b);
        }
        double generation = seconds(start);
        start = System.nanoTime();
        DatasetIngest.Result res = DatasetIngest.on(spark).warehouse(Warehouse.at(tmp.resolve("daily")))
                .dataset(DatasetRef.parse(dir.toString())).format(dev.massbt.datasets.read.GenericBars.csv().adjusted())
                .symbolsFromFileNames().timeframe(dev.massbt.strategies.timeframe.Timeframe.D1).execute();
        Map<String, Object> json = new Rate(res.rowsRead(), seconds(start)).json();
        json.put("files", files);
        json.put("symbols", res.symbols().size());
        json.put("bars_inserted", res.barsInserted());
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

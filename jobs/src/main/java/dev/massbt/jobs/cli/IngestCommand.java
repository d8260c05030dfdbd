package dev.massbt.jobs.cli;

import dev.massbt.datasets.catalog.DatasetRef;
import dev.massbt.datasets.ingest.DatasetIngest;
import dev.massbt.datasets.read.BarFormat;
import dev.massbt.datasets.read.ColumnNames;
import dev.massbt.datasets.read.EpochUnit;
import dev.massbt.datasets.read.GenericBars;
import dev.massbt.datasets.read.GenericTrades;
import dev.massbt.datasets.read.PrintFilters;
import dev.massbt.datasets.read.RowFormat;
import dev.massbt.datasets.read.TimeSpec;
import dev.massbt.datasets.read.TradeFormat;
import dev.massbt.datasets.run.RunId;
import dev.massbt.datasets.validate.Observation;
import dev.massbt.datasets.validate.Session;
import dev.massbt.datasets.validate.ValidationRules;
import dev.massbt.jobs.error.JobErrors;
import dev.massbt.jobs.tables.RunWrites;
import dev.massbt.strategies.error.UserException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Stack;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
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

    @Option(names = "--format", paramLabel = "FORMAT", description = "For your files: trades-csv or bars-csv "
            + "(a file with a header is mapped by its column names, extra columns ignored; a headerless one is "
            + "timestamp,price,size[,side] or timestamp,open,high,low,close,volume), or a named layout: bitstamp, "
            + "binance-trades, binance-klines, histdata-m1.")
    String format;

    @Option(names = "--symbol", paramLabel = "SYMBOL", description = "For your files: the symbol of all their rows, "
            + "e.g. BTCUSD.")
    String symbol;

    @Option(names = "--symbol-from", paramLabel = "filename", description = "For a directory of per-symbol files: "
            + "each file's symbol is its name without extensions, upper-cased (aapl.us.txt is AAPL.US, BRK-B.csv.gz "
            + "is BRK-B). Instead of --symbol.")
    String symbolFrom;

    @Option(names = "--symbol-column", paramLabel = "NAME", description = "For a headered trades-csv / bars-csv "
            + "file holding many symbols (e.g. Date,Ticker,Open,...): the column whose values are the symbols "
            + "(upper-cased, validated); each symbol's rows must be in time order. Instead of --symbol.")
    String symbolColumn;

    @Option(names = "--columns", paramLabel = "KEY=NAME,...", description = "For trades-csv / bars-csv with a "
            + "header: which header column holds what, where the built-in names do not find it, e.g. "
            + "ts=Date,close=Close. Keys: ts, date, time, open, high, low, close, adj_close, volume, price, size, "
            + "side, buyer_maker.")
    String columns;

    @Option(names = "--time-unit", paramLabel = "UNIT", description = "Unit of numeric epoch times: s, ms, us or "
            + "ns (default: detected from the magnitude).")
    String timeUnit;

    @Option(names = "--time-format", paramLabel = "PATTERN", description = "A java.time pattern for times that "
            + "are not epochs, ISO-8601 or yyyyMMdd, e.g. 'dd.MM.yyyy HH:mm:ss.SSS'.")
    String timeFormat;

    @Option(names = "--timezone", paramLabel = "ZONE", description = "Zone of times written without an offset, "
            + "e.g. America/New_York (default UTC); daylight-saving changes are followed. Dates alone stay UTC days.")
    String timezone;

    @Option(names = "--adjust", description = "For bars-csv with an adjusted-close column (Adj Close): back-adjust "
            + "open, high, low and close by adjusted close / close (splits and dividends).")
    boolean adjust;

    @Option(names = "--keep-suspicious", description = "For trades-csv with a suspicious column: keep the prints "
            + "it flags (by default they are quarantined as suspicious).")
    boolean keepSuspicious;

    @Option(names = "--exclude-conditions", paramLabel = "CODE,...", split = ",", description = "For trades-csv "
            + "with a condition column: quarantine prints with any of these sale conditions (e.g. Z,T,U).")
    List<String> excludeConditions;

    @Option(names = "--outlier-bps", paramLabel = "BPS", description = "For trades: quarantine prints more than BPS "
            + "basis points from the median of the 21 prints around them (10 before, 10 after: a genuine move is "
            + "kept), as outlier. Off by default.")
    Double outlierBps;

    @Option(names = "--session", paramLabel = "HH:MM-HH:MM ZONE", parameterConsumer = SessionValue.class,
            description = "For trades: build bars from the trades in this daily session only, e.g. 09:30-16:00 "
                    + "America/New_York (wall-clock times of the zone, daylight saving followed; start included, end "
                    + "not; a start after the end crosses midnight, e.g. 18:00-17:00 America/Chicago). The other "
                    + "trades stay in ticks with in_session false and are counted as out_of_session. One argument "
                    + "in quotes or two.")
    String session;

    @Option(names = "--min-accepted", paramLabel = "SHARE", description = "Refuse the run, writing nothing, when a "
            + "file has fewer accepted rows than this share: 0.5 or 50% (default), 0 to accept any.")
    String minAccepted;

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
            format();
        } else if (columns != null || timeUnit != null || timeFormat != null || timezone != null || adjust
                || keepSuspicious || excludeConditions != null) {
            throw JobErrors.optionNeeds("--columns, --time-*, --adjust, --keep-suspicious and --exclude-conditions",
                    "--format trades-csv or --format bars-csv");
        }
        if (symbolFrom != null && !symbolFrom.equals("filename")) {
            throw JobErrors.option("--symbol-from", new IllegalArgumentException("'" + symbolFrom + "' is not a "
                    + "symbol source; the one there is: filename"));
        }
        if ((symbolFrom != null ? 1 : 0) + (symbol != null ? 1 : 0) + (symbolColumn != null ? 1 : 0) > 1) {
            throw JobErrors.option("--symbol / --symbol-from / --symbol-column", new IllegalArgumentException("give "
                    + "one of them: --symbol for files of one symbol, --symbol-from filename for one file per symbol, "
                    + "--symbol-column NAME for files whose rows name their symbol"));
        }
        if (symbolColumn != null && format == null) {
            throw JobErrors.optionNeeds("--symbol-column", "--format trades-csv or --format bars-csv");
        }
        if (minAccepted != null) {
            minAccepted();
        }
        if (outlierBps != null || session != null) {
            rules();
            String option = outlierBps == null ? "--session" : session == null ? "--outlier-bps"
                    : "--outlier-bps and --session";
            if (format != null && !(format() instanceof TradeFormat)) {
                throw JobErrors.optionNeeds(option, "a trades format (trades-csv, bitstamp, binance-trades)");
            }
        }
        if (timeframe != null) {
            GenerateCommand.timeframe(timeframe);
        }
    }

    /** The format the options describe. */
    RowFormat format() {
        try {
            RowFormat f = format(format, delimiter, sideColumn, layout());
            if (symbolColumn == null) {
                return f;
            }
            if (f instanceof GenericTrades t) {
                return t.withSymbolColumn(symbolColumn);
            }
            if (f instanceof GenericBars b) {
                return b.withSymbolColumn(symbolColumn);
            }
            throw JobErrors.optionNeeds("--symbol-column", "--format trades-csv or --format bars-csv");
        } catch (UserException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw JobErrors.option("--format / --delimiter / --side-column / --columns / --time-*", e);
        }
    }

    private Layout layout() {
        TimeSpec time = TimeSpec.AUTO;
        if (timeUnit != null) {
            time = time.withUnit(switch (timeUnit) {
                case "s" -> EpochUnit.SECONDS;
                case "ms" -> EpochUnit.MILLIS;
                case "us" -> EpochUnit.MICROS;
                case "ns" -> EpochUnit.NANOS;
                default -> throw new IllegalArgumentException("--time-unit '" + timeUnit + "' is not s, ms, us or ns");
            });
        }
        if (timeFormat != null) {
            time = time.withPattern(timeFormat);
        }
        if (timezone != null) {
            time = time.withZone(timezone);
        }
        PrintFilters filters = keepSuspicious ? PrintFilters.DEFAULT.keepingSuspicious() : PrintFilters.DEFAULT;
        if (excludeConditions != null) {
            filters = filters.excluding(Set.copyOf(excludeConditions));
        }
        return new Layout(time, columns == null ? ColumnNames.AUTO : ColumnNames.parse(columns), adjust, filters);
    }

    ValidationRules rules() {
        ValidationRules rules = ValidationRules.DEFAULT;
        try {
            rules = outlierBps == null ? rules : rules.withOutlierBps(outlierBps);
        } catch (IllegalArgumentException e) {
            throw JobErrors.option("--outlier-bps", e);
        }
        try {
            return session == null ? rules : rules.withSession(Session.parse(session));
        } catch (IllegalArgumentException e) {
            throw JobErrors.option("--session", e);
        }
    }

    /**
     * {@code --session} as one argument ({@code "09:30-16:00 America/New_York"}) or two
     * ({@code 09:30-16:00 America/New_York}): a value without a space takes the next argument as
     * its zone unless that is an option.
     */
    static final class SessionValue implements IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, ArgSpec arg, CommandSpec command) {
            if (args.isEmpty()) {
                throw new picocli.CommandLine.ParameterException(command.commandLine(), "--session needs a value "
                        + "HH:MM-HH:MM ZONE, e.g. " + Session.EXAMPLES);
            }
            String value = args.pop();
            if (!value.strip().contains(" ") && !args.isEmpty() && !args.peek().startsWith("-")) {
                value = value + " " + args.pop();
            }
            arg.setValue(value);
        }
    }

    double minAccepted() {
        String s = minAccepted.strip();
        boolean percent = s.endsWith("%");
        double v;
        try {
            v = Double.parseDouble(percent ? s.substring(0, s.length() - 1) : s);
        } catch (NumberFormatException e) {
            throw JobErrors.option("--min-accepted", new IllegalArgumentException("'" + minAccepted + "' is not a "
                    + "share such as 0.5 or 50%"));
        }
        double share = percent ? v / 100 : v;
        if (!(share >= 0 && share <= 1)) {
            throw JobErrors.option("--min-accepted", new IllegalArgumentException("'" + minAccepted + "' is not "
                    + "between 0 and 1 (0% and 100%)"));
        }
        return share;
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
            in.format(format());
        }
        if (symbol != null) {
            in.symbol(symbol);
        }
        if (symbolFrom != null) {
            in.symbolsFromFileNames();
        }
        if (minAccepted != null) {
            in.minAccepted(minAccepted());
        }
        if (outlierBps != null || session != null) {
            in.rules(rules());
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
        r.files().map(f -> f.observed(Observation.OUT_OF_SESSION)).filter(n -> n > 0)
                .ifPresent(n -> counts.put("out_of_session", n));
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

    /** How a trades-csv / bars-csv file is laid out beyond its delimiter: times, column names, adjustment. */
    record Layout(TimeSpec time, ColumnNames columns, boolean adjust, PrintFilters filters) {
        static final Layout DEFAULT = new Layout(TimeSpec.AUTO, ColumnNames.AUTO, false, PrintFilters.DEFAULT);
    }

    static RowFormat format(String name, Character delimiter, boolean side, Layout layout) {
        boolean generic = name.equals("trades-csv") || name.equals("bars-csv");
        if (!generic && !layout.equals(Layout.DEFAULT)) {
            throw JobErrors.optionNeeds("--columns, --time-unit, --time-format, --timezone and --adjust",
                    "--format trades-csv or --format bars-csv (" + name + " has a fixed layout)");
        }
        if (layout.adjust() && !name.equals("bars-csv")) {
            throw JobErrors.optionNeeds("--adjust", "--format bars-csv");
        }
        if (!layout.filters().equals(PrintFilters.DEFAULT) && !name.equals("trades-csv")) {
            throw JobErrors.optionNeeds("--keep-suspicious and --exclude-conditions", "--format trades-csv");
        }
        return switch (name) {
            case "bitstamp" -> TradeFormat.BITSTAMP;
            case "binance-trades" -> TradeFormat.BINANCE;
            case "binance-klines" -> BarFormat.BINANCE_KLINES;
            case "histdata-m1" -> BarFormat.HISTDATA_M1;
            case "trades-csv" -> {
                GenericTrades t = GenericTrades.csv().withTime(layout.time()).withColumnNames(layout.columns())
                        .withFilters(layout.filters());
                if (side) {
                    t = t.withColumns(4, 0, 1, 2, 3);
                }
                yield delimiter == null ? t : t.withDelimiter(delimiter);
            }
            case "bars-csv" -> {
                GenericBars b = GenericBars.csv().withTime(layout.time()).withColumnNames(layout.columns());
                b = layout.adjust() ? b.adjusted() : b;
                yield delimiter == null ? b : b.withDelimiter(delimiter);
            }
            default -> throw JobErrors.unknownFormat(name, FORMATS);
        };
    }
}

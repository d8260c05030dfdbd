package dev.massbt.datasets.error;

import dev.massbt.datasets.validate.IngestReport;
import dev.massbt.datasets.validate.RejectedRow;
import dev.massbt.strategies.error.UserException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Every user error of the datasets module, in one place: what cannot be done, why, and what to
 * do. Names (run ids, symbols), locations (warehouse, inputs), dataset names and built-in
 * datasets' files, ingest settings, and whole files that cannot be read. A bad row is not here:
 * it goes to the quarantine with its reason and reading goes on.
 */
public final class DatasetErrors {

    private DatasetErrors() {
    }

    // --- names ---------------------------------------------------------------------------------

    public static UserException badRunId(String value) {
        return new UserException("Run id '" + value + "' is not valid: use letters, digits, '.', '_', '+', ':' or "
                + "'-', up to 64 characters, starting with a letter or digit (e.g. bt-2026-11-21).");
    }

    public static IngestException badSymbol(String symbol) {
        return new IngestException("Cannot ingest: symbol " + (symbol == null ? "is missing" : "'" + symbol
                + "' is not valid") + ". Give symbol(...) in upper case: letters, digits, '.', '_' or '-', up to 32 "
                + "characters (e.g. EURUSD, BTC-USD).");
    }

    /** Two of: a symbol, symbols from file names, a symbol column. */
    public static IngestException symbolTwice(String one, String other) {
        return new IngestException("Cannot ingest with symbols from both " + one + " and " + other + ": give one of "
                + "them.");
    }

    public static IngestException symbolFromFileName(String file, String name) {
        return new IngestException("Cannot ingest " + file + " with its symbol from its file name: '" + name
                + "' without its extensions is not a symbol (upper-case letters, digits, '.', '_' or '-', up to 32 "
                + "characters, e.g. AAPL, BRK-B). Rename the file, or ingest it on its own with a symbol.");
    }

    public static IngestException minAccepted(double share) {
        return new IngestException("The least share of accepted rows must be between 0 and 1 (e.g. 0.5 or 50%), got "
                + share + ".");
    }

    /** A file that is not data in the format: its counts, top reasons and first rejected line. */
    public static IngestException notData(IngestReport r, RejectedRow first, double minAccepted, int files) {
        StringBuilder reasons = new StringBuilder();
        r.rejected().entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(3)
                .forEach(e -> reasons.append(reasons.length() > 0 ? ", " : "").append(e.getKey().code()).append(' ')
                        .append(e.getValue()));
        String firstLine = first == null ? "" : " First rejected: line " + first.line() + " (" + first.reason().code()
                + ": " + first.message() + "): " + clip(first.raw()) + ".";
        return new IngestException(r.source() + " is not data in this format: " + r.accepted() + " of " + r.rowsRead()
                + " rows accepted" + (r.accepted() == 0 ? "" : ", below the least share of "
                + Math.round(minAccepted * 100) + "%") + "; rejected " + reasons + "." + firstLine
                + " Check the --format and its options (--columns, --time-format, --delimiter)"
                + (files > 1 ? ", or leave this file out" : "") + "; --min-accepted lowers the bar.");
    }

    private static String clip(String raw) {
        return raw.length() <= 120 ? raw : raw.substring(0, 117) + "...";
    }

    // --- the warehouse -------------------------------------------------------------------------

    public static UserException emptyWarehouse() {
        return new UserException("Warehouse root is empty: give a directory or a URI such as file:/data/massbt, "
                + "hdfs://namenode:8020/massbt or s3a://bucket/massbt.");
    }

    public static UserException warehouseScheme(String root, String scheme, List<String> accepted) {
        return new UserException("Warehouse root '" + root + "' has scheme '" + scheme + ":', which is not supported. "
                + "Use one of " + accepted.stream().sorted().toList() + " (for Amazon S3 the Hadoop scheme is s3a:) or "
                + "a local path.");
    }

    public static UserException warehouseWithoutDirectory(String root, String scheme) {
        return new UserException("Warehouse root '" + root + "' names no directory: add a path, e.g. " + scheme
                + "://bucket/massbt.");
    }

    public static UserException warehouseWithoutAuthority(String root, String scheme) {
        return new UserException("Warehouse root '" + root + "' has no authority: write " + scheme
                + "://host-or-bucket/path.");
    }

    public static UserException barsRange(String symbol, long fromMillis, long toMillis) {
        return new UserException("Bars range of " + symbol + " must lie within years 1900..2299, got [" + fromMillis
                + ", " + toMillis + ") epoch ms.");
    }

    // --- dataset names and built-in datasets ---------------------------------------------------

    public static UserException unknownDataset(String text, String why, String accepted) {
        return new UserException("Unknown dataset '" + text + "': " + why + ". Use " + accepted + ".");
    }

    public static UserException syntheticSize(String what) {
        return new UserException(what);
    }

    public static UserException generatedDataset(String name) {
        return new UserException("Dataset " + name + " is generated, not read from files: use SyntheticIngest.");
    }

    public static UserException userFilesDataset(String name) {
        return new UserException("Dataset " + name + " is your own files: give their format and symbol to "
                + "IngestAction.");
    }

    public static UserException noDataDirectory(String dataset, String glob, Path dataDir) {
        return new UserException("Dataset " + dataset + " needs the HistData.com downloads " + glob + " in a data "
                + "directory, and " + (dataDir == null ? "none was given" : dataDir.toAbsolutePath()
                + " is not a directory") + ". Download the ASCII M1 zips from histdata.com into a directory and pass "
                + "it as the data directory.");
    }

    public static UserException noDataFiles(String dataset, String glob, Path dataDir, String instrument) {
        return new UserException("Dataset " + dataset + " needs " + glob + " in " + dataDir.toAbsolutePath()
                + ", and there is none. Download the ASCII M1 zips of " + instrument + " from histdata.com into "
                + "that directory.");
    }

    // --- ingest settings -----------------------------------------------------------------------

    public static IngestException missingSetting(String what, String fix) {
        return new IngestException("Cannot ingest: " + what + ". " + fix);
    }

    public static IngestException syntheticOptions(String dataset, List<String> extra) {
        return new IngestException("Cannot generate " + dataset + " with " + String.join(", ", extra) + ": a "
                + "synthetic market is one-minute bars with symbols named by its seed, generated without validation "
                + "or run id. Leave these options out.");
    }

    /** {@code missing}: what was not given, e.g. {@code their format and symbol}. */
    public static IngestException userFilesNeed(String location, String missing) {
        return new IngestException("Cannot ingest " + location + ": your own files need " + missing
                + ", and none was given. Pass the format (e.g. generic trades CSV timestamp,price,size, or Bitstamp, "
                + "Binance, HistData M1) and the symbol all rows belong to (e.g. BTCUSD).");
    }

    public static IngestException builtInWith(String dataset, String option) {
        return new IngestException("Cannot ingest " + dataset + " with a " + option + " of yours: a built-in dataset "
                + "has its own format and symbol. Leave the " + option + " out, or give a path to ingest your own "
                + "files.");
    }

    public static IngestException noWorkDirectory(String dataset) {
        return new IngestException("Cannot ingest " + dataset + ": it ships inside massbt and is copied to a work "
                + "directory to be read, and none was given. Call workDir(dir).");
    }

    public static IngestException histDataTimeframe(String dataset, Object timeframe) {
        return new IngestException("Cannot ingest " + dataset + " as " + timeframe + " bars: HistData M1 files hold "
                + "one-minute bars. Leave the timeframe out.");
    }

    /** A trading session for bar files, which have no trades to keep out of the bars. */
    public static IngestException sessionNeedsTrades(String format, Object session) {
        return new IngestException("Cannot ingest " + format + " bars with the session " + session + ": a session "
                + "chooses the trades bars are built from, and bar files hold bars, not trades. Leave the session "
                + "out, or ingest trades.");
    }

    public static IngestException neitherTradesNorBars(String format) {
        return new IngestException("Cannot ingest with format " + format + ": it is neither a trades format "
                + "(TradeFormat) nor a bars format (BarFormat). Use one of those.");
    }

    public static IngestException sameFileName(String file, String other, String name) {
        return new IngestException("Cannot ingest " + file + " and " + other + " in one run: both are named '" + name
                + "', and rows are identified by file name and line. Rename one of them.");
    }

    public static IngestException overlappingBars(String symbol, List<?> sources, Object timeframe, Object at) {
        return new IngestException("Cannot ingest these files of " + symbol + " together: " + sources + " all hold a "
                + timeframe + " bar at " + at + " (and maybe more). Remove the overlap, or ingest the files in "
                + "separate runs (a bar already in the table is kept).");
    }

    public static IngestException nothingWritten(String run, String message, Throwable cause) {
        return new IngestException("Ingest " + run + " failed, nothing was written: " + message, cause);
    }

    // --- input locations -----------------------------------------------------------------------

    public static IngestException emptyLocation(String accepted) {
        return new IngestException("Cannot ingest '': the input location is empty. Give a local path or a "
                + accepted + " URI.");
    }

    public static IngestException inputScheme(String location, String scheme, String accepted) {
        return new IngestException("Cannot ingest '" + location + "': scheme '" + scheme + ":' is not supported. Give "
                + "a local path or a " + accepted + " URI (for Amazon S3 the Hadoop scheme is s3a:).");
    }

    public static IngestException invalidUri(String location, String why) {
        return new IngestException("Cannot ingest '" + location + "': it is not a valid URI (" + why + "). Write it "
                + "as scheme://authority/path, e.g. hdfs://namenode:8020/data/trades.csv.");
    }

    public static IngestException uriWithoutFile(String location, String scheme) {
        return new IngestException("Cannot ingest '" + location + "': the URI names no file. Add the file's path, "
                + "e.g. " + scheme + "://host-or-bucket/data/trades.csv.");
    }

    public static IngestException emptyDirectory(String location) {
        return new IngestException("Cannot ingest directory " + location + ": it holds no files (hidden files, whose "
                + "names start with '.' or '_', and subdirectories are skipped). Put the data files in it, or give a "
                + "file.");
    }

    public static IngestException noSuchPath(Path p) {
        return new IngestException("Cannot ingest " + p + ": no such file or directory. Check the path (relative "
                + "paths resolve against " + Path.of("").toAbsolutePath() + ").");
    }

    public static IngestException cannotListDirectory(Path p, IOException e) {
        return new IngestException("Cannot list directory " + p + ": " + e + ". Check its permissions.", e);
    }

    public static IngestException noSuchUri(String uri, Object parent, IOException e) {
        return new IngestException("Cannot ingest " + uri + ": no such file or directory. Check the URI (e.g. with "
                + "hadoop fs -ls " + parent + ").", e);
    }

    public static IngestException cannotListUri(String uri, IOException e) {
        return new IngestException("Cannot list " + uri + ": " + e + ". Check that the file system is reachable and "
                + "its settings and credentials (spark.hadoop.fs.*) are given to Spark.", e);
    }

    public static IngestException uriIsDirectory(String uri) {
        return new IngestException("Cannot read " + uri + ": it is a directory, not a file. Give each file, or give "
                + "the directory as a dataset to ingest every file in it.");
    }

    public static IngestException noSuchUriFile(String uri, Object parent, IOException e) {
        return new IngestException("Cannot read " + uri + ": no such file. Check the URI (e.g. with hadoop fs -ls "
                + parent + ").", e);
    }

    public static IngestException cannotCopy(String uri, IOException e) {
        return new IngestException("Cannot read " + uri + ": copying it to the task's local disk ("
                + System.getProperty("java.io.tmpdir") + ") failed: " + e + ". Check that the file system is "
                + "reachable, its settings and credentials (spark.hadoop.fs.*), and the free space there.", e);
    }

    /** A file a task could not read, as the driver reports it ({@code message} names the file). */
    public static IngestException unreadableInput(String message) {
        return new IngestException(message);
    }

    // --- whole files that cannot be read -------------------------------------------------------

    public static DataFileException missing(Path file) {
        return new DataFileException(file, 0, "Cannot read " + abs(file) + ": no such file. Check the path (relative "
                + "paths resolve against " + abs(Path.of("")) + ").", null);
    }

    public static DataFileException notAFile(Path file) {
        return new DataFileException(file, 0, "Cannot read " + abs(file) + ": it is a directory, not a file. "
                + "Give one file per reader.", null);
    }

    public static DataFileException unreadable(Path file, long line, IOException cause) {
        return new DataFileException(file, line, "Cannot read " + abs(file) + at(line) + ": " + cause
                + ". Check the file's permissions and the disk.", cause);
    }

    public static DataFileException corrupt(Path file, long line, String what, IOException cause) {
        return new DataFileException(file, line, "Cannot read " + abs(file) + at(line) + ": the " + what
                + " data is corrupt or truncated (" + cause.getMessage() + "). Download the file again; rows read before "
                + "this point are not a complete file.", cause);
    }

    public static DataFileException notCompressed(Path file, String kind) {
        return new DataFileException(file, 0, "Cannot read " + abs(file) + ": its name ends in ." + kind
                + " but its content is not " + kind + " data. Rename it or download it again.", null);
    }

    public static DataFileException zipEntries(Path file, List<String> entries) {
        return new DataFileException(file, 0, "Cannot read " + abs(file) + ": a zip must hold exactly one file, this one "
                + "holds " + entries.size() + (entries.isEmpty() ? "" : " " + entries) + ". Unzip it and give each file "
                + "to the reader.", null);
    }

    public static DataFileException empty(Path file) {
        return new DataFileException(file, 0, "Cannot read " + abs(file) + ": the file is empty (no lines, or blank "
                + "lines only). Check that the download or export completed.", null);
    }

    public static DataFileException headerOnly(Path file, long headerLine) {
        return new DataFileException(file, headerLine, "Cannot read " + abs(file) + at(headerLine) + ": the file has a "
                + "header but no data rows. Check that the export completed.", null);
    }

    public static DataFileException badHeader(Path file, long line, String format, String why) {
        return new DataFileException(file, line, "Cannot read " + abs(file) + at(line) + " as " + format + ": " + why
                + ".", null);
    }

    public static DataFileException wrongDelimiter(Path file, long line, String format, char expected,
                                                   int expectedFields, char found, int foundFields) {
        return new DataFileException(file, line, "Cannot read " + abs(file) + at(line) + " as " + format + ": the line "
                + "has " + foundFields + " fields separated by " + name(found) + " where " + expectedFields
                + " separated by " + name(expected) + " are expected. Use a format configured with delimiter "
                + name(found) + ", or check that this is the right file.", null);
    }

    /** A delimiter in words: {@code ';' (semicolon)}. */
    public static String name(char delimiter) {
        return switch (delimiter) {
            case ',' -> "',' (comma)";
            case ';' -> "';' (semicolon)";
            case '\t' -> "'\\t' (tab)";
            case '|' -> "'|' (pipe)";
            case ' ' -> "' ' (space)";
            default -> "'" + delimiter + "'";
        };
    }

    private static String at(long line) {
        return line > 0 ? " at line " + line : "";
    }

    private static String abs(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }
}

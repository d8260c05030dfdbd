package dev.massbt.jobs.error;

import dev.massbt.strategies.error.UserException;
import dev.massbt.strategies.metrics.Metric;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every user error of the jobs and the command line, in one place: what cannot be done, why, and
 * what to do. A user error exits 2 with its message; anything else that fails exits 1 (see
 * {@code Commands}).
 */
public final class JobErrors {

    private JobErrors() {
    }

    // --- options ------------------------------------------------------------------------------

    /** An option's value is out of its range: {@code --count must be 1..10000000, got 0}. */
    public static UserException option(String problem) {
        return new UserException(problem);
    }

    /** A value the user gave was refused by the object it configures ({@code cause} says why). */
    public static UserException option(String option, IllegalArgumentException cause) {
        return new UserException(option + ": " + cause.getMessage(), cause);
    }

    /** Options that only make sense with another: {@code --adjust needs --format bars-csv}. */
    public static UserException optionNeeds(String options, String needed) {
        return new UserException(options + " need" + (options.contains(",") || options.contains(" and ") ? "" : "s")
                + " " + needed + ".");
    }

    /** {@code what} by {@code name} is not possible: {@code name} is no metric of {@code accepted}. */
    public static UserException metric(String what, String name, List<Metric> accepted) {
        return new UserException(what + " '" + name + "': use one of " + Metric.columns(accepted) + ".");
    }

    public static UserException badTimeframe(String label, List<String> labels) {
        return new UserException("Timeframe '" + label + "' is not supported: use one of " + labels + ".");
    }

    public static UserException unknownFormat(String name, List<String> formats) {
        return new UserException("Format '" + name + "' is not known: use one of " + formats + ".");
    }

    public static UserException resumeWithoutRun() {
        return new UserException("--resume needs --run-id RUN: the run to continue.");
    }

    public static UserException notSynthetic(String market) {
        return new UserException("--market must be synthetic:<symbols>x<days>:<seed>, got " + market);
    }

    public static UserException noSecret(String variable) {
        return new UserException("spark.authenticate is true but no secret is given: set " + variable + " to the "
                + "cluster's shared secret (the same value the master and workers were started with)");
    }

    // --- splits -------------------------------------------------------------------------------

    public static UserException splitNotUnderstood(String text) {
        return new UserException("Split '" + text + "' is not understood: give none, a date (2024-07-01: "
                + "out-of-sample from that day) or a fraction (0.7: first 70% of each symbol's range in-sample).");
    }

    public static UserException splitNotADate(String text) {
        return new UserException("Split '" + text + "' is not a valid date (yyyy-MM-dd).");
    }

    public static UserException splitFraction(double fraction) {
        return new UserException("A split fraction must be strictly between 0 and 1, got " + fraction
                + " (e.g. 0.7 = first 70% in-sample).");
    }

    public static UserException splitOutsideRange(String symbol, LocalDate date, Instant first, Instant last) {
        return new UserException("Cannot split " + symbol + " at " + date + ": its bars run from " + first + " to "
                + last + ", so one segment would be empty. Give a date inside that range or a fraction (e.g. 0.7).");
    }

    public static UserException splitTooShort(String symbol, double fraction, Instant first, Instant last) {
        return new UserException("Cannot split " + symbol + " at fraction " + fraction + ": its bars from " + first
                + " to " + last + " are too few to cut.");
    }

    public static UserException splitNeeded() {
        return new UserException("Evolution needs an out-of-sample segment to check its best strategies on: give a "
                + "split fraction (e.g. 0.7) or date, not none.");
    }

    // --- what a job reads ---------------------------------------------------------------------

    public static UserException nothingTo(String job, String missing, String fix) {
        return UserException.of("Cannot " + job, missing, fix);
    }

    public static UserException emptyRange(Instant from, Instant to) {
        return new UserException("Cannot backtest: the date range [" + from + ", " + to + ") is empty.");
    }

    public static UserException noBarsTable(String path) {
        return new UserException("Cannot backtest: there is no bars table at " + path + ". Ingest data first "
                + "(massbt ingest ... or massbt synth ...).");
    }

    /** {@code timeframe}: the one asked for, or null when any would do. */
    public static UserException noBars(String timeframe, List<String> missing, String range, String path,
                                       long version) {
        return new UserException("Cannot backtest: no " + (timeframe == null ? "" : timeframe + " ") + "bars of " + missing
                + range + " in " + path
                + " (version " + version + "). Check the symbols and dates with 'massbt datasets'.");
    }

    /** No timeframe the strategies can run on is there for every symbol: what each one has. */
    public static UserException noBaseTimeframe(String finest, Map<String, Set<String>> held, List<String> symbols,
                                                String range) {
        StringBuilder has = new StringBuilder();
        for (String s : symbols) {
            has.append(has.length() > 0 ? "; " : "").append(s).append(": ")
                    .append(held.containsKey(s) ? String.join(", ", held.get(s)) : "no bars");
        }
        return new UserException("Cannot run strategies on " + finest + " bars" + range + ": they need bars of " + finest
                + " or of a timeframe that divides it for every symbol, and the bars table has " + has + ". Generate "
                + "strategies on the bars' timeframe (e.g. massbt generate --primary 1d --secondary none), or ingest "
                + "finer bars.");
    }

    public static UserException finerTimeframe(String timeframe, List<String> strategies) {
        return new UserException("Cannot backtest on " + timeframe + " bars: strategies " + strategies + " read a "
                + "shorter timeframe, which cannot be built from " + timeframe + " bars. Remove them or backtest on "
                + "finer bars.");
    }

    public static UserException runWithoutStrategies(String run, String path) {
        return new UserException("Run " + run + " has no strategies in " + path + ". Give the id of a generate or "
                + "backtest run ('massbt runs' lists them).");
    }

    public static UserException noStrategyMatches(String origin, Integer maxComplexity) {
        return new UserException("No stored strategy matches origin=" + origin + ", max complexity=" + maxComplexity
                + ". Generate some first (massbt generate).");
    }

    public static UserException noStoredStrategies(String warehouse) {
        return new UserException("There are no stored strategies in " + warehouse + ": run 'massbt generate' first, "
                + "or give strategy JSON files.");
    }

    public static UserException noStrategyFiles(Path dir) {
        return new UserException("Directory " + dir + " holds no .json strategy files.");
    }

    public static UserException noStrategyFile(Path file) {
        return new UserException("Strategy file " + file + " does not exist.");
    }

    public static UserException invalidStrategyFile(Path file, IllegalArgumentException e) {
        return new UserException(file + ": " + e.getMessage(), e);
    }

    public static UserException noTemplateFile(Path file) {
        return new UserException("Template file " + file + " does not exist (or is not a file). Give the path of a "
                + "grid template JSON, e.g. examples/sma-cross-grid.json.");
    }

    // --- runs ---------------------------------------------------------------------------------

    public static UserException unknownRun(String run, String path) {
        return new UserException("Run " + run + " is not in " + path + ".");
    }

    public static UserException rankUnknownRun(String run, String path) {
        return new UserException("Cannot rank run " + run + ": it is not in " + path + ". Give the id of a backtest "
                + "run ('massbt runs' lists them).");
    }

    public static UserException rankUnfinished(String run, String command, String status) {
        return new UserException("Cannot rank run " + run + ": it is a " + command + " run with status " + status
                + " and no results. Rank a backtest run that succeeded.");
    }

    public static UserException noOutOfSample(String run) {
        return new UserException("Cannot filter on out-of-sample agreement: run " + run + " has no out-of-sample "
                + "segment. Backtest with --split.");
    }

    public static UserException resumeMismatch(String run, int generation, int individuals, int population) {
        return new UserException("Cannot resume evolve run " + run + ": its generation " + generation + " has "
                + individuals + " individuals, but the population is " + population + ". Resume with the same "
                + "options as the run.");
    }

    // --- Airflow ------------------------------------------------------------------------------

    public static UserException badConf(String detail) {
        return new UserException("--conf must be a JSON object, e.g. '{\"symbols\": \"BTCUSD\"}': " + detail);
    }

    public static UserException badLogicalDate(String text) {
        return new UserException("--logical-date '" + text + "' is not an ISO-8601 instant, e.g. "
                + "2026-11-20T00:00:00Z.");
    }
}

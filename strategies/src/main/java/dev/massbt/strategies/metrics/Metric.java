package dev.massbt.strategies.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The metrics of {@link Metrics}, each defined once: its column name in the result tables, how
 * it is read from a {@link Metrics}, which way is better, and what it may be used for. The
 * {@code results} schema, the result rows, the metrics {@code rank}, {@code optimize},
 * {@code backtest --top-metric} and {@code evolve --fitness} accept, and their help texts are all
 * derived from this list; the Airflow DAGs' list is checked against it by a test.
 *
 * <h2>Units and signs</h2>
 * Returns, drawdowns, rates and exposure are fractions ({@code 0.05} = 5%), never percent.
 * <ul>
 *   <li>{@link #MAX_DRAWDOWN}, {@link #VAR95} and {@link #CVAR95} are <b>positive</b> loss
 *       fractions in {@code [0, 1]}: smaller is better;</li>
 *   <li>{@link #AVG_LOSS} is <b>negative</b> (or 0 without a losing trade);</li>
 *   <li>{@link #PROFIT_FACTOR} is a ratio capped at {@link Metrics#PROFIT_FACTOR_NO_LOSS} (1000),
 *       which is also its value when there are wins and no loss;</li>
 *   <li>{@link #SHARPE}, {@link #SORTINO} and {@link #CALMAR} are annualised ratios, {@link #CAGR}
 *       an annual fraction, all clamped to {@code ±}{@link Metrics#MAX_MAGNITUDE};</li>
 *   <li>{@link #TRADES} is a count (stored as an integer column).</li>
 * </ul>
 * The exact definition and edge cases of every number are in the Javadoc of {@link Metrics}.
 */
public enum Metric {

    TOTAL_RETURN("total_return", Metrics::totalReturn, Direction.HIGHER, Use.FITNESS, "fraction"),
    CAGR("cagr", Metrics::cagr, Direction.HIGHER, Use.FITNESS, "fraction per year"),
    SHARPE("sharpe", Metrics::sharpe, Direction.HIGHER, Use.FITNESS, "annualised ratio"),
    SORTINO("sortino", Metrics::sortino, Direction.HIGHER, Use.FITNESS, "annualised ratio"),
    MAX_DRAWDOWN("max_drawdown", Metrics::maxDrawdown, Direction.LOWER, Use.REPORT, "positive fraction"),
    CALMAR("calmar", Metrics::calmar, Direction.HIGHER, Use.FITNESS, "ratio"),
    WIN_RATE("win_rate", Metrics::winRate, Direction.HIGHER, Use.FITNESS, "fraction of trades"),
    PROFIT_FACTOR("profit_factor", Metrics::profitFactor, Direction.HIGHER, Use.FITNESS, "ratio, capped at 1000"),
    AVG_TRADE("avg_trade", Metrics::avgTrade, Direction.HIGHER, Use.FITNESS, "fraction per trade"),
    AVG_WIN("avg_win", Metrics::avgWin, Direction.HIGHER, Use.REPORT, "fraction per winning trade"),
    AVG_LOSS("avg_loss", Metrics::avgLoss, Direction.HIGHER, Use.REPORT, "negative fraction per losing trade"),
    TRADES("trades", m -> m.tradeCount(), Direction.HIGHER, Use.RANK, "count"),
    EXPOSURE("exposure", Metrics::exposure, Direction.HIGHER, Use.RANK, "fraction of bars"),
    VAR95("var95", Metrics::var95, Direction.LOWER, Use.REPORT, "positive fraction per day"),
    CVAR95("cvar95", Metrics::cvar95, Direction.LOWER, Use.REPORT, "positive fraction per day");

    /** Which way a metric is better. */
    public enum Direction { HIGHER, LOWER }

    /** What a metric may be used for, each use including the ones before it. */
    private enum Use {
        /** Reported in the result tables only. */
        REPORT,
        /** Also a key to rank (leaderboard, optimize, the top strategies of a backtest). */
        RANK,
        /** Also a fitness to maximise in evolution. */
        FITNESS
    }

    private static final List<Metric> RANKABLE = Arrays.stream(values()).filter(Metric::rankable).toList();
    private static final List<Metric> FITNESS = Arrays.stream(values()).filter(Metric::fitness).toList();

    private final String column;
    private final ToDoubleFunction<Metrics> accessor;
    private final Direction direction;
    private final Use use;
    private final String unit;

    Metric(String column, ToDoubleFunction<Metrics> accessor, Direction direction, Use use, String unit) {
        this.column = column;
        this.accessor = accessor;
        this.direction = direction;
        this.use = use;
        this.unit = unit;
    }

    /** The column name in {@code results} and the name users give ({@code profit_factor}). */
    public String column() {
        return column;
    }

    /** This metric's value in {@code m}. */
    public double of(Metrics m) {
        return accessor.applyAsDouble(m);
    }

    public Direction direction() {
        return direction;
    }

    public boolean higherIsBetter() {
        return direction == Direction.HIGHER;
    }

    /** Whether strategies can be ranked by it (every such metric is higher-is-better). */
    public boolean rankable() {
        return use.compareTo(Use.RANK) >= 0;
    }

    /** Whether evolution can maximise it as fitness. */
    public boolean fitness() {
        return use == Use.FITNESS;
    }

    /** Whether it is a count, stored as an integer column; the others are doubles. */
    public boolean integral() {
        return this == TRADES;
    }

    /** Its unit and sign convention, in words ({@code positive fraction}). */
    public String unit() {
        return unit;
    }

    /** The metric named {@code column} (case-insensitive, surrounding blanks ignored), if there is one. */
    public static Optional<Metric> byColumn(String column) {
        if (column == null) {
            return Optional.empty();
        }
        String c = column.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.column.equals(c)).findFirst();
    }

    /** The metrics strategies can be ranked by, in {@link Metrics} order. */
    public static List<Metric> rankableMetrics() {
        return RANKABLE;
    }

    /** The metrics evolution can maximise, in {@link Metrics} order. */
    public static List<Metric> fitnessMetrics() {
        return FITNESS;
    }

    /** The column names of {@code metrics}, comma-separated, for messages and help. */
    public static String columns(List<Metric> metrics) {
        return String.join(", ", metrics.stream().map(Metric::column).toList());
    }

    @Override
    public String toString() {
        return column;
    }
}

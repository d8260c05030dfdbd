package dev.massbt.jobs.optimize;

import dev.massbt.jobs.backtest.BacktestResult;
import dev.massbt.strategies.generate.GridExpansion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What an optimize run did: the grid's counts, the backtest, and the best parameter sets.
 *
 * @param templateSource the template's file, or empty
 * @param segment        the segment the parameter sets were ranked on (in_sample, or all without a split)
 * @param ranked         parameter sets with at least {@code minTrades} trades on that segment
 * @param best           the best {@code ranked} parameter sets, best first (ties: grid order)
 * @param gridPath       where the {@code grid} table is
 * @param outputVersions Delta versions written, by table
 * @param millis         the whole run
 */
public record OptimizeResult(String runId, String template, String templateSource, List<String> paramNames,
                             int combinations, int evaluated, List<GridExpansion.Skipped> skipped, String metric,
                             String segment, long minTrades, long ranked, List<ParameterSet> best,
                             BacktestResult backtest, String gridPath, Map<String, Long> inputVersions,
                             Map<String, Long> outputVersions, long millis) {

    public OptimizeResult {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(templateSource, "templateSource");
        paramNames = List.copyOf(paramNames);
        skipped = List.copyOf(skipped);
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(segment, "segment");
        best = List.copyOf(best);
        Objects.requireNonNull(backtest, "backtest");
        Objects.requireNonNull(gridPath, "gridPath");
        inputVersions = Map.copyOf(inputVersions);
        outputVersions = Map.copyOf(outputVersions);
    }

    /**
     * One ranked parameter set. Across symbols the score, Sharpe and return are averaged
     * weighted by each symbol's bars, the drawdown is the worst and trades are summed; the
     * out-of-sample fields are null without a split.
     */
    public record ParameterSet(int rank, int combination, String label, Map<String, Double> params, String strategyId,
                               double score, double sharpe, double totalReturn, double maxDrawdown, long trades,
                               Double oosScore, Double oosSharpe, Double oosTotalReturn, Long oosTrades) {

        public ParameterSet {
            Objects.requireNonNull(label, "label");
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
            Objects.requireNonNull(strategyId, "strategyId");
        }
    }

    public int skippedCount() {
        return combinations - evaluated;
    }

    /** The best parameter set, or null when none has enough trades. */
    public ParameterSet winner() {
        return best.isEmpty() ? null : best.get(0);
    }

    /** Counts and the best parameter sets as text for people: what {@code massbt optimize} prints. */
    public String report() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "optimize %s: template '%s'%s: %d combinations, %d evaluated, %d skipped%n",
                runId, template, templateSource.isEmpty() ? "" : " (" + templateSource + ")", combinations, evaluated,
                skippedCount()));
        for (GridExpansion.Skipped s : skipped) {
            b.append(String.format(Locale.ROOT, "  skipped %d: %s (first: %s)%n", s.count(), s.description(),
                    s.example()));
        }
        b.append(backtest.summary()).append(System.lineSeparator());
        boolean oos = best.stream().anyMatch(p -> p.oosScore() != null);
        b.append(String.format(Locale.ROOT, "Best %d of %d parameter sets by %s %s (at least %d trade%s; %d qualify)%s:%n",
                best.size(), evaluated, segment, metric, minTrades, minTrades == 1 ? "" : "s", ranked,
                oos ? ", out-of-sample beside" : ""));
        if (best.isEmpty()) {
            b.append(String.format(Locale.ROOT, "  none: no parameter set has %d trades on %s; lower --min-trades or "
                    + "widen the grid or the dates%n", minTrades, segment));
        } else {
            table(b, oos);
            ParameterSet w = best.get(0);
            b.append(String.format(Locale.ROOT, "best: %s (%s %s %.4f%s)%n", w.label(), segment, metric, w.score(),
                    w.oosScore() == null ? "" : String.format(Locale.ROOT, "; out_of_sample %s %.4f", metric,
                            w.oosScore())));
        }
        b.append(String.format(Locale.ROOT, "grid: %s (run_id=%s); join results on (run_id, strategy_id) for a heat "
                + "map%n", gridPath, runId));
        return b.toString();
    }

    private void table(StringBuilder b, boolean oos) {
        List<Integer> widths = new ArrayList<>();
        for (String p : paramNames) {
            int w = Math.max(4, p.length());
            for (ParameterSet s : best) {
                w = Math.max(w, value(s.params().get(p)).length());
            }
            widths.add(w);
        }
        String score = metric.length() > 9 ? metric.substring(0, 9) : metric;
        boolean sharpe = !metric.equals("sharpe");
        b.append(String.format(Locale.ROOT, "%4s ", "rank"));
        for (int i = 0; i < paramNames.size(); i++) {
            b.append(String.format(Locale.ROOT, " %" + widths.get(i) + "s", paramNames.get(i)));
        }
        b.append(String.format(Locale.ROOT, "  %9s", score)).append(sharpe ? String.format(Locale.ROOT, " %8s",
                "sharpe") : "").append(String.format(Locale.ROOT, " %9s %7s %6s", "return", "max_dd", "trades"));
        if (oos) {
            b.append(String.format(Locale.ROOT, " | %10s %9s %6s", "oos_" + (score.length() > 6 ? score.substring(0, 6)
                    : score), "oos_ret", "oos_tr"));
        }
        b.append(String.format(Locale.ROOT, "  %s%n", "strategy"));
        for (ParameterSet s : best) {
            b.append(String.format(Locale.ROOT, "%4d ", s.rank()));
            for (int i = 0; i < paramNames.size(); i++) {
                b.append(String.format(Locale.ROOT, " %" + widths.get(i) + "s", value(s.params().get(paramNames.get(i)))));
            }
            b.append(String.format(Locale.ROOT, "  %9.4f", s.score()))
                    .append(sharpe ? String.format(Locale.ROOT, " %8.3f", s.sharpe()) : "")
                    .append(String.format(Locale.ROOT, " %8.2f%% %6.2f%% %6d", 100 * s.totalReturn(),
                            100 * s.maxDrawdown(), s.trades()));
            if (oos) {
                b.append(String.format(Locale.ROOT, " | %10s %9s %6s",
                        s.oosScore() == null ? "-" : String.format(Locale.ROOT, "%.4f", s.oosScore()),
                        s.oosTotalReturn() == null ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * s.oosTotalReturn()),
                        s.oosTrades() == null ? "-" : s.oosTrades().toString()));
            }
            b.append(String.format(Locale.ROOT, "  %s%n", s.strategyId().substring(0, Math.min(16, s.strategyId().length()))));
        }
    }

    /** {@code 10}, {@code 0.5}: a parameter value as the grid wrote it. */
    private static String value(Double v) {
        if (v == null) {
            return "-";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString(v.longValue())
                : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}

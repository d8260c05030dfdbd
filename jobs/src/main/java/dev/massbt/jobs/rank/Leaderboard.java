package dev.massbt.jobs.rank;

import java.util.List;
import java.util.Locale;

/** A ranked backtest run, as written to {@code leaderboard}. */
public record Leaderboard(String runId, String metric, String segment, String filters, long trials,
                         List<Entry> entries, long resultsVersion, long leaderboardVersion, long millis) {

    public Leaderboard {
        entries = List.copyOf(entries);
    }

    /** One ranked strategy (or strategy x symbol); out-of-sample fields are null without a split. */
    public record Entry(int rank, String strategyId, String name, String symbol, double score, double isSharpe,
                        double isTotalReturn, double isMaxDrawdown, long isTrades, Double oosSharpe,
                        Double oosTotalReturn, Double oosMaxDrawdown, Long oosTrades, String jsonPath) {
    }

    /** The first {@code n} entries as a fixed-width text table. */
    public String table(int n) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Leaderboard of %s: %d of %d strategies pass (%s)%n", runId,
                entries.size(), trials, filters));
        b.append(String.format(Locale.ROOT, "%4s  %-16s %-28s %-9s %9s %8s %9s %7s %6s | %8s %9s %6s  %s%n", "rank",
                "strategy", "name", "symbol", metric.length() > 9 ? metric.substring(0, 9) : metric, "sharpe",
                "return", "max_dd", "trades", "oos_shrp", "oos_ret", "oos_tr", "json"));
        for (Entry e : entries.subList(0, Math.min(n, entries.size()))) {
            String name = e.name().length() > 28 ? e.name().substring(0, 27) + "~" : e.name();
            b.append(String.format(Locale.ROOT, "%4d  %-16s %-28s %-9s %9.3f %8.3f %8.2f%% %6.2f%% %6d | %8s %9s %6s  %s%n",
                    e.rank(), e.strategyId().substring(0, Math.min(16, e.strategyId().length())), name,
                    e.symbol() == null ? "all" : e.symbol(), e.score(), e.isSharpe(), 100 * e.isTotalReturn(),
                    100 * e.isMaxDrawdown(), e.isTrades(),
                    e.oosSharpe() == null ? "-" : String.format(Locale.ROOT, "%.3f", e.oosSharpe()),
                    e.oosTotalReturn() == null ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * e.oosTotalReturn()),
                    e.oosTrades() == null ? "-" : e.oosTrades().toString(), e.jsonPath() == null ? "" : e.jsonPath()));
        }
        return b.toString();
    }
}

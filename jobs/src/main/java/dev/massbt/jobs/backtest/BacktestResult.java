package dev.massbt.jobs.backtest;

import java.util.List;
import java.util.Map;

/**
 * What a backtest run did.
 *
 * @param inputVersions  Delta versions read (bars)
 * @param outputVersions Delta versions written, by table
 * @param evalMillis     time of the backtest tasks alone (reading bars and running the kernel)
 * @param millis         whole run: planning, tasks and writes
 */
public record BacktestResult(String runId, int strategies, List<String> symbols, int tasks, int chunkSize,
                             long resultRows, long tradeRows, long strategyBars, Map<String, Long> inputVersions,
                             Map<String, Long> outputVersions, long evalMillis, long millis, int periodsPerYear) {

    public BacktestResult {
        symbols = List.copyOf(symbols);
        inputVersions = Map.copyOf(inputVersions);
        outputVersions = Map.copyOf(outputVersions);
    }

    public double strategyBarsPerSecond() {
        return millis == 0 ? 0 : strategyBars * 1000.0 / millis;
    }

    public String summary() {
        return String.format(java.util.Locale.ROOT,
                "backtest %s: %d strategies x %d symbols, %d result rows, %d trades kept, %d tasks of %d; "
                        + "%.2e strategy-bars in %.1f s (tasks %.1f s) = %.3g strategy-bars/s",
                runId, strategies, symbols.size(), resultRows, tradeRows, tasks, chunkSize, (double) strategyBars,
                millis / 1000.0, evalMillis / 1000.0, strategyBarsPerSecond());
    }
}

package dev.massbt.strategies.metrics;

/** TEMPORARY stub until the metrics branch lands. */
public record Metrics(double totalReturn, double cagr, double sharpe, double sortino, double maxDrawdown,
                      double calmar, double winRate, double profitFactor, double avgTrade, double avgWin,
                      double avgLoss, int tradeCount, double exposure, double var95, double cvar95) {
}

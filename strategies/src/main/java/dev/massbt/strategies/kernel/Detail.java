package dev.massbt.strategies.kernel;

/** Optional outputs beyond the metrics, requested per run. */
public enum Detail {
    /** The daily return series (for overfitting statistics over all trials). */
    DAILY_RETURNS,
    /** The trade list (usually only for the top strategies). */
    TRADES
}

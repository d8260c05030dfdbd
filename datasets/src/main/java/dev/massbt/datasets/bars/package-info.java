/**
 * Tick to bar aggregation ({@link dev.massbt.datasets.bars.TickAggregator}: UTC-aligned buckets,
 * no bar for an empty bucket, VWAP, tick-rule buy/sell volume, trade count) and primitive column
 * builders producing the kernel's {@link dev.massbt.strategies.bars.BarSeries}.
 */
package dev.massbt.datasets.bars;

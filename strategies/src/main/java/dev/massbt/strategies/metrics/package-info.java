/**
 * Performance metrics of one backtested segment: the numbers users rank strategies by.
 *
 * <p>{@link dev.massbt.strategies.metrics.Metrics} documents the definition of every number;
 * {@link dev.massbt.strategies.metrics.MetricsCalculator} computes them from the kernel's
 * primitive arrays without allocating per call; {@link dev.massbt.strategies.metrics.MetricsConfig}
 * holds the annualisation calendar and the risk-free rate.
 */
package dev.massbt.strategies.metrics;

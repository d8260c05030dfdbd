/**
 * A deterministic synthetic market for demos, tests and benchmarks:
 * {@link dev.massbt.datasets.synthetic.SyntheticMarket} (per-symbol seeded streams, GARCH(1,1)
 * volatility clustering, jumps, U-shaped intraday volume, 24/7 or weekday calendar).
 */
package dev.massbt.datasets.synthetic;

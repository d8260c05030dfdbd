/**
 * Streaming readers: one row at a time over plain, gzip and single-entry zip files, every row
 * carrying its source file and 1-based line. Trades: {@link dev.massbt.datasets.read.TradeFormat#BITSTAMP},
 * {@link dev.massbt.datasets.read.TradeFormat#BINANCE}, {@link dev.massbt.datasets.read.GenericTrades};
 * bars: {@link dev.massbt.datasets.read.BarFormat#HISTDATA_M1},
 * {@link dev.massbt.datasets.read.BarFormat#BINANCE_KLINES}, {@link dev.massbt.datasets.read.GenericBars}.
 * Trade times are epoch microseconds UTC, bar times epoch milliseconds UTC (bar open).
 * Bad rows go to a {@link dev.massbt.datasets.validate.Quarantine}; a file that cannot be read
 * as a whole throws {@link dev.massbt.datasets.error.DataFileException}.
 */
package dev.massbt.datasets.read;

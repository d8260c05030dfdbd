package dev.massbt.datasets.read;

/** A trades file format: turns one split line into a {@link TradeRow}. */
public interface TradeFormat extends RowFormat {

    /** Bitstamp dumps as in bitcoincharts / ta4j-examples: {@code timestamp,price,amount}, epoch seconds. */
    TradeFormat BITSTAMP = new BitstampTrades();

    /**
     * Binance public-data trades: {@code id,price,qty,quote_qty,time,is_buyer_maker[,is_best_match]},
     * time in ms or µs (auto-detected), with or without header.
     */
    TradeFormat BINANCE = new BinanceTrades();

    /**
     * Parses the fields of one data line ({@code minFields() <= n <= maxFields()}).
     *
     * @throws RowRejected when a field cannot be parsed
     */
    TradeRow parse(String source, long line, String[] fields, int n);

    @Override
    default TradeFormat forFile(String header) {
        return this;
    }
}

package dev.massbt.datasets.read;

/** An OHLCV bars file format: turns one split line into a {@link BarRow}. */
public interface BarFormat extends RowFormat {

    /**
     * HistData.com ASCII M1: {@code YYYYMMDD HHMMSS;open;high;low;close;volume}, no header,
     * times in EST fixed at UTC-05:00 all year (no daylight saving), stored as UTC.
     */
    BarFormat HISTDATA_M1 = new HistDataM1();

    /**
     * Binance public-data klines: {@code open_time,open,high,low,close,volume,close_time,
     * quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore}, open_time in ms or µs
     * (auto-detected), with or without header. Only open time and OHLCV are kept.
     */
    BarFormat BINANCE_KLINES = new BinanceKlines();

    /**
     * Parses the fields of one data line ({@code minFields() <= n <= maxFields()}).
     *
     * @throws RowRejected when a field cannot be parsed
     */
    BarRow parse(String source, long line, String[] fields, int n);

    @Override
    default BarFormat forFile(String header) {
        return this;
    }
}

package dev.massbt.datasets.read;

/** See {@link BarFormat#BINANCE_KLINES}. */
final class BinanceKlines implements BarFormat {

    @Override
    public String name() {
        return "Binance klines CSV (open_time,open,high,low,close,volume,close_time,...; 12 fields)";
    }

    @Override
    public char delimiter() {
        return ',';
    }

    @Override
    public int minFields() {
        return 12;
    }

    @Override
    public int maxFields() {
        return 12;
    }

    @Override
    public boolean isHeader(String[] fields, int n) {
        return !Fields.isNumber(fields[1]);
    }

    @Override
    public BarRow parse(String source, long line, String[] f, int n) {
        long ts = Math.floorDiv(TimeParser.epochMicros(f[0], "open_time"), 1000L);
        return new BarRow(source, line, ts, Fields.parseDouble(f[1], "open"), Fields.parseDouble(f[2], "high"),
                Fields.parseDouble(f[3], "low"), Fields.parseDouble(f[4], "close"), Fields.parseDouble(f[5], "volume"));
    }
}

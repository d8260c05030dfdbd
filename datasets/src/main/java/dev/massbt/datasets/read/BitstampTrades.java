package dev.massbt.datasets.read;

/** See {@link TradeFormat#BITSTAMP}. The timestamp unit is auto-detected (the dumps use seconds). */
final class BitstampTrades implements TradeFormat {

    @Override
    public String name() {
        return "Bitstamp trades CSV (timestamp,price,amount)";
    }

    @Override
    public char delimiter() {
        return ',';
    }

    @Override
    public int minFields() {
        return 3;
    }

    @Override
    public int maxFields() {
        return 3;
    }

    @Override
    public boolean isHeader(String[] fields, int n) {
        return !Fields.isNumber(fields[1]);
    }

    @Override
    public TradeRow parse(String source, long line, String[] f, int n) {
        long ts = TimeParser.epochMicros(f[0], "timestamp");
        double price = Fields.parseDouble(f[1], "price");
        double amount = Fields.parseDouble(f[2], "amount");
        return new TradeRow(source, line, ts, price, amount, Side.UNKNOWN, -1);
    }
}

package dev.massbt.datasets.read;

import dev.massbt.datasets.validate.Reason;

/**
 * See {@link TradeFormat#BINANCE}. {@code is_buyer_maker = true} means the seller was the
 * aggressor: side {@link Side#SELL}; {@code false}: {@link Side#BUY}. quote_qty and
 * is_best_match are not kept (quote_qty = price x qty).
 */
final class BinanceTrades implements TradeFormat {

    @Override
    public String name() {
        return "Binance trades CSV (id,price,qty,quote_qty,time,is_buyer_maker[,is_best_match])";
    }

    @Override
    public char delimiter() {
        return ',';
    }

    @Override
    public int minFields() {
        return 6;
    }

    @Override
    public int maxFields() {
        return 7;
    }

    @Override
    public boolean isHeader(String[] fields, int n) {
        return !Fields.isNumber(fields[1]);
    }

    @Override
    public TradeRow parse(String source, long line, String[] f, int n) {
        long id = Fields.parseLong(f[0], "id");
        if (id < 0) {
            throw new RowRejected(Reason.UNPARSABLE, "id " + id + " is negative");
        }
        double price = Fields.parseDouble(f[1], "price");
        double qty = Fields.parseDouble(f[2], "qty");
        long ts = TimeParser.epochMicros(f[4], "time");
        Side side = switch (f[5].strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> Side.SELL;
            case "false" -> Side.BUY;
            default -> throw new RowRejected(Reason.UNPARSABLE, "is_buyer_maker '" + Fields.clip(f[5])
                    + "' is not true or false");
        };
        return new TradeRow(source, line, ts, price, qty, side, id);
    }
}

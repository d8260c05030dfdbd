package dev.massbt.datasets.read;

import java.util.Objects;

/**
 * One accepted trade.
 *
 * @param source   file name ({@code archive.zip!entry.csv} for a zip entry), for lineage
 * @param line     1-based line number in the decompressed text
 * @param tsMicros trade time, epoch <b>microseconds</b> UTC: fine enough for every source seen
 *                 (Binance spot moved to microseconds in 2025), and a long holds ±292,000 years
 * @param price    price, finite and &gt; 0
 * @param size     quantity, finite and &gt; 0
 * @param side     aggressor side, {@link Side#UNKNOWN} when the data does not say
 * @param tradeId  the exchange's trade id, or {@code -1} when the data has none
 * @param symbol   the row's own symbol (a file with a symbol column), or null: the file's
 */
public record TradeRow(String source, long line, long tsMicros, double price, double size, Side side, long tradeId,
                       String symbol) {

    public TradeRow {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(side, "side");
    }

    /** A trade of the file's symbol. */
    public TradeRow(String source, long line, long tsMicros, double price, double size, Side side, long tradeId) {
        this(source, line, tsMicros, price, size, side, tradeId, null);
    }

    public long tsMillis() {
        return Math.floorDiv(tsMicros, 1000L);
    }
}

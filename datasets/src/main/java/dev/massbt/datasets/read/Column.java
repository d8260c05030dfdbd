package dev.massbt.datasets.read;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a column of a headered file holds, and the header names that mean it when the user does
 * not say ({@code --columns}). Header names are compared {@link #normalise normalised}: case,
 * quotes, angle brackets and punctuation do not matter ({@code "Adj Close"}, {@code <ADJ_CLOSE>}
 * and {@code adj.close} are all {@code adj_close}). Synonyms are tried in the order listed: the
 * first one in the header wins.
 */
public enum Column {
    /** The time of a trade or the open time of a bar. {@code date} and {@code time} alone count too, see {@link HeaderColumns}. */
    TS("ts", "timestamp", "ts", "datetime", "date_time", "time_stamp", "ts_event", "sip_timestamp",
            "participant_timestamp", "transact_time", "trade_time", "open_time", "window_start", "gmt_time", "utc_time",
            "local_time", "ts_us", "ts_ms", "ts_ns", "timestamp_us", "timestamp_ms", "time_us", "time_ms", "epoch",
            "unix_time", "t"),
    /** The date, when the date and the time of day are two columns. */
    DATE("date", "date", "day", "trade_date"),
    /** The time of day, when the date and the time of day are two columns. */
    TIME("time", "time", "time_of_day"),
    OPEN("open", "open", "o", "open_price", "first"),
    HIGH("high", "high", "h", "high_price", "max"),
    LOW("low", "low", "l", "low_price", "min"),
    CLOSE("close", "close", "c", "close_price", "last"),
    /** Close adjusted for splits and dividends; used with {@code --adjust}. */
    ADJ_CLOSE("adj_close", "adj_close", "adjclose", "adjusted_close", "adj_close_price", "adjusted"),
    /** A bar's volume. */
    VOLUME("volume", "volume", "vol", "v", "base_volume", "tick_volume", "tickvol"),
    /** A trade's price. */
    PRICE("price", "price", "p", "px", "trade_price", "last_price", "last"),
    /** A trade's quantity. */
    SIZE("size", "size", "qty", "quantity", "amount", "volume", "vol", "shares", "q"),
    /** The aggressor side: buy/b/bid, sell/s/ask, or empty. */
    SIDE("side", "side", "taker_side", "aggressor", "aggressor_side"),
    /** Binance-style flag: true when the buyer was the maker, so the aggressor sold. */
    BUYER_MAKER("buyer_maker", "is_buyer_maker", "isbuyermaker", "buyer_maker"),
    /** Sale condition codes of a print, for {@code --exclude-conditions}. */
    CONDITION("condition", "condition", "conditions", "cond", "sale_condition", "trade_condition"),
    /** The source's flag for a suspicious print: flagged prints are quarantined. */
    SUSPICIOUS("suspicious", "suspicious", "is_suspicious", "flagged"),
    /** The symbol of the row, with {@code --symbol-column}. */
    SYMBOL("symbol", "symbol", "ticker", "sym", "instrument");

    private final String key;
    private final List<String> synonyms;

    Column(String key, String... synonyms) {
        this.key = key;
        this.synonyms = List.of(synonyms);
    }

    /** The name used in {@code --columns KEY=NAME}: {@code ts}, {@code adj_close}, ... */
    public String key() {
        return key;
    }

    /** Normalised header names that mean this column, best first. */
    public List<String> synonyms() {
        return synonyms;
    }

    public static Optional<Column> byKey(String key) {
        String k = normalise(key);
        return Arrays.stream(values()).filter(c -> c.key.equals(k)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(Column::key).toList();
    }

    /** {@code " <Adj Close> "} → {@code adj_close}: lower case, every run of other characters one {@code _}, trimmed. */
    public static String normalise(String headerName) {
        String s = headerName.strip().toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(s.length());
        boolean gap = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || Character.isLetterOrDigit(c)) {
                if (gap && b.length() > 0) {
                    b.append('_');
                }
                b.append(c);
                gap = false;
            } else {
                gap = true;
            }
        }
        return b.toString();
    }
}

package dev.massbt.datasets.validate;

import java.util.Locale;

/**
 * Why an input row was rejected. The {@link #code()} is what the quarantine table stores.
 *
 * <p>Parsing reasons ({@link #BLANK_LINE}, {@link #UNPARSABLE}, {@link #WRONG_FIELD_COUNT}) come
 * from the readers; the others from {@link TradeValidator} and {@link BarValidator}.
 */
public enum Reason {
    /** An empty (or whitespace-only) line where a data row was expected. */
    BLANK_LINE,
    /** A field could not be parsed (not a number, not a valid timestamp, unknown side). */
    UNPARSABLE,
    /** A zone-less local time that does not exist in the file's zone (a daylight-saving gap). */
    INVALID_LOCAL_TIME,
    /** The line splits into a number of fields the format does not allow. */
    WRONG_FIELD_COUNT,
    /** A price (or an open/high/low/close) that is NaN, infinite, zero or negative. */
    INVALID_PRICE,
    /** A trade size or bar volume below zero. */
    NEGATIVE_SIZE,
    /** A trade of size zero: it moved no quantity, so it must not set a price either. */
    ZERO_SIZE,
    /** A trade size or bar volume that is NaN or infinite. */
    INVALID_SIZE,
    /** A bar whose high is below its low. */
    HIGH_BELOW_LOW,
    /** A bar whose open or close lies outside [low, high]. */
    OPEN_CLOSE_OUTSIDE_RANGE,
    /** The same record again: see {@link TradeValidator} and {@link BarValidator} for the exact rule. */
    DUPLICATE,
    /** A bar with the timestamp of the previous accepted bar but different values (the first is kept). */
    DUPLICATE_TIMESTAMP,
    /** A timestamp earlier than already accepted data, beyond the configured tolerance. */
    OUT_OF_ORDER,
    /** A print the source flags as suspicious (its {@code suspicious} column). */
    SUSPICIOUS,
    /** A print with a sale condition the user excluded ({@code --exclude-conditions}). */
    EXCLUDED_CONDITION,
    /** A print far from the median of the prints around it ({@link OutlierFilter}, {@code --outlier-bps}). */
    OUTLIER;

    /** Lower-case code stored in the quarantine table, e.g. {@code out_of_order}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

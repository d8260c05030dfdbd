package dev.massbt.datasets.read;

/** The aggressor side of a trade, when the data says it. */
public enum Side {
    BUY, SELL, UNKNOWN
}

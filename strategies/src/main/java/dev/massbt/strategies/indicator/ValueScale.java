package dev.massbt.strategies.indicator;

/**
 * What an indicator's values are measured in. It tells the random generator what an
 * indicator can meaningfully be compared with, and validation which constant comparisons
 * are nonsense (an SMA against the constant 50 depends on the instrument's price level).
 */
public enum ValueScale {
    /** In price units: comparable with price fields and other PRICE indicators. */
    PRICE,
    /** Bounded oscillator (RSI, Stochastic, ADX, %b): comparable with constants in its range. */
    BOUNDED,
    /** Centred on zero (ROC, MACD, CCI, crossovers): comparable with constants, 0 is natural. */
    ZERO_CENTERED,
    /** Price-range units (ATR): comparable with other VOLATILITY indicators. */
    VOLATILITY,
    /** Cumulative volume (OBV): comparable with itself at other settings only. */
    VOLUME
}

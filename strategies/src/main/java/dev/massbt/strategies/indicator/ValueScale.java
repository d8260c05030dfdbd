package dev.massbt.strategies.indicator;

/**
 * What an indicator's values are measured in. Validation rejects comparisons across
 * units (an RSI against a price) and constants outside an output's range (RSI &gt; 150); the
 * random generator only compares like with like and never a price-level output with a
 * constant, whose meaning would depend on the instrument (hand-written strategies may).
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

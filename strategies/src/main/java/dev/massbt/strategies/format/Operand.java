package dev.massbt.strategies.format;

import dev.massbt.strategies.indicator.ValueScale;

/** One side of a condition: an indicator output, a bar column, or a constant. */
public sealed interface Operand permits IndicatorRef, PriceRef, Constant {

    /** What the operand is measured in; decides what it may be compared with. */
    ValueScale scale();

    /** Share of the strategy's complexity score. */
    int complexity();
}

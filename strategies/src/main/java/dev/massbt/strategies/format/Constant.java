package dev.massbt.strategies.format;

import dev.massbt.strategies.indicator.ValueScale;

/** A fixed threshold. Always finite. */
public record Constant(double value) implements Operand {

    public Constant {
        if (!Double.isFinite(value)) {
            throw new InvalidStrategyException("value", "must be a finite number, got " + value);
        }
    }

    /** A constant takes the scale of what it is compared with; this is never consulted. */
    @Override
    public ValueScale scale() {
        throw new UnsupportedOperationException("a constant has no scale of its own");
    }

    @Override
    public int complexity() {
        return 0;
    }
}

package dev.massbt.strategies.format;

import dev.massbt.strategies.indicator.ValueScale;
import java.util.Objects;

/** A bar column of the strategy's primary timeframe. */
public record PriceRef(PriceField field) implements Operand {

    public PriceRef {
        Objects.requireNonNull(field, "field");
    }

    @Override
    public ValueScale scale() {
        return field.scale();
    }

    @Override
    public int complexity() {
        return 0;
    }
}

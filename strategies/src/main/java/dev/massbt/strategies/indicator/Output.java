package dev.massbt.strategies.indicator;

import java.util.Objects;

/**
 * One output series of an indicator. {@code min..max} bounds the constants a condition may
 * compare it with (outside it a comparison is always or never true); {@code typicalLow..
 * typicalHigh} is where the random generator draws thresholds.
 */
public record Output(String name, ValueScale scale, double min, double max,
                     double typicalLow, double typicalHigh) {

    public Output {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scale, "scale");
        if (!(min <= typicalLow && typicalLow <= typicalHigh && typicalHigh <= max)) {
            throw new IllegalArgumentException("bad ranges for output " + name);
        }
    }

    static Output price(String name) {
        return new Output(name, ValueScale.PRICE, -Double.MAX_VALUE, Double.MAX_VALUE, 0, 0);
    }

    static Output bounded(String name, double min, double max, double typicalLow, double typicalHigh) {
        return new Output(name, ValueScale.BOUNDED, min, max, typicalLow, typicalHigh);
    }

    static Output zeroCentered(String name, double min, double max, double typical) {
        return new Output(name, ValueScale.ZERO_CENTERED, min, max, -typical, typical);
    }

    static Output of(String name, ValueScale scale) {
        return new Output(name, scale, -Double.MAX_VALUE, Double.MAX_VALUE, 0, 0);
    }
}

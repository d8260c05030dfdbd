package dev.massbt.strategies.indicator;

import java.util.Objects;

/**
 * One parameter of an indicator: its name in JSON, its inclusive range and whether it must
 * be a whole number. A spec can never be built with an empty or non-finite range.
 */
public record ParamSpec(String name, double min, double max, boolean integral) {

    public ParamSpec {
        Objects.requireNonNull(name, "name");
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("bad range for " + name + ": " + min + ".." + max);
        }
    }

    public static ParamSpec period(String name, int min, int max) {
        return new ParamSpec(name, min, max, true);
    }

    public static ParamSpec real(String name, double min, double max) {
        return new ParamSpec(name, min, max, false);
    }

    public boolean accepts(double value) {
        return Double.isFinite(value) && value >= min && value <= max
                && (!integral || value == Math.rint(value));
    }

    /** The range as users read it in error messages: {@code 2..500}. */
    public String rangeText() {
        return integral ? (long) min + ".." + (long) max : min + ".." + max;
    }
}

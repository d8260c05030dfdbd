package dev.massbt.strategies.format;

import dev.massbt.strategies.indicator.ValueScale;

/** A bar column usable as an operand. */
public enum PriceField {
    OPEN("open"), HIGH("high"), LOW("low"), CLOSE("close"), VOLUME("volume");

    private final String key;

    PriceField(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public ValueScale scale() {
        return this == VOLUME ? ValueScale.VOLUME : ValueScale.PRICE;
    }

    public static PriceField fromKey(String key) {
        for (PriceField f : values()) {
            if (f.key.equals(key)) {
                return f;
            }
        }
        return null;
    }

    public static String keysText() {
        return "open, high, low, close, volume";
    }
}

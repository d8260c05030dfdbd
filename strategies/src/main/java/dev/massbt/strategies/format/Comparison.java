package dev.massbt.strategies.format;

/**
 * How a condition compares its left operand {@code a} with its right operand {@code b} at
 * bar t. Any NaN operand (warm-up) makes the condition false.
 * <ul>
 *   <li>{@code greater_than}: a[t] &gt; b[t]</li>
 *   <li>{@code less_than}: a[t] &lt; b[t]</li>
 *   <li>{@code crosses_above}: a[t] &gt; b[t] and a[t-1] &lt;= b[t-1]</li>
 *   <li>{@code crosses_below}: a[t] &lt; b[t] and a[t-1] &gt;= b[t-1]</li>
 * </ul>
 */
public enum Comparison {
    GREATER_THAN("greater_than"),
    LESS_THAN("less_than"),
    CROSSES_ABOVE("crosses_above"),
    CROSSES_BELOW("crosses_below");

    private final String key;

    Comparison(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public boolean isCross() {
        return this == CROSSES_ABOVE || this == CROSSES_BELOW;
    }

    public static Comparison fromKey(String key) {
        for (Comparison c : values()) {
            if (c.key.equals(key)) {
                return c;
            }
        }
        return null;
    }

    public static String keysText() {
        return "greater_than, less_than, crosses_above, crosses_below";
    }
}

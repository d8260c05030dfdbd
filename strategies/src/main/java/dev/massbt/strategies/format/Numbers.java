package dev.massbt.strategies.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Number text as users and the canonical form see it: {@code 14}, not {@code 14.0}. */
final class Numbers {

    /** Below this magnitude a whole number is written as an integer ({@code 14}, {@code 50}). */
    private static final double MAX_PLAIN_INTEGER = 1e15;
    /** Non-integral values from here up to {@link #MAX_PLAIN_INTEGER} are written without exponent. */
    private static final double MIN_PLAIN = 1e-6;

    private Numbers() {
    }

    static String text(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /**
     * The canonical JSON text of a finite number, the same on every JDK: a whole number
     * below 1e15 as an integer ({@code 14}, {@code -3}, {@code 0} also for -0.0); any other
     * value as its shortest decimal that reads back to the same double, without exponent
     * when 1e-6 &lt;= |v| &lt; 1e15 ({@code 2.5}, {@code 0.000123}), else in the layout of
     * {@link Double#toString} ({@code 1.0E-7}, {@code 1.0E20}, {@code -2.5E300}).
     *
     * <p>The digits are computed with {@link BigDecimal} rather than taken from
     * {@code Double.toString}, which before JDK 19 sometimes printed more digits than needed
     * (JDK-4511638): strategy ids hash this text and must not depend on the JVM.
     */
    static String json(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("JSON has no text for " + v);
        }
        if (v == Math.rint(v) && Math.abs(v) < MAX_PLAIN_INTEGER) {
            return Long.toString((long) v);
        }
        BigDecimal shortest = shortest(v);
        double abs = Math.abs(v);
        if (abs >= MIN_PLAIN && abs < MAX_PLAIN_INTEGER) {
            return shortest.toPlainString();
        }
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        String fraction = digits.length() > 1 ? digits.substring(1) : "0";
        return (v < 0 ? "-" : "") + digits.charAt(0) + "." + fraction + "E" + exponent;
    }

    /** The decimal with the fewest significant digits that parses back to {@code v}. */
    private static BigDecimal shortest(double v) {
        BigDecimal exact = new BigDecimal(v);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (Double.parseDouble(rounded.toString()) == v) {
                return rounded.stripTrailingZeros();
            }
        }
        // 17 significant digits always identify a double.
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}

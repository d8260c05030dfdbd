package dev.massbt.strategies.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One parameter of a {@link GridTemplate} and the values it takes, in order. Values are exact
 * decimals ({@code 0.1 + 0.1 + 0.1} is {@code 0.3}, not {@code 0.30000000000000004}), distinct,
 * finite as doubles, and at most {@link GridTemplate#MAX_COMBINATIONS}.
 *
 * @param name   the placeholder name: a letter or underscore, then letters, digits, underscores
 * @param values what the parameter takes, in grid order
 */
public record GridParam(String name, List<BigDecimal> values) {

    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    public GridParam {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a grid parameter name is a letter or '_' then letters, digits or '_' "
                    + "(at most 64), got '" + name + "'");
        }
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("has no values; give at least one");
        }
        if (values.size() > GridTemplate.MAX_COMBINATIONS) {
            throw tooMany(values.size());
        }
        java.util.TreeSet<BigDecimal> seen = new java.util.TreeSet<>();
        for (BigDecimal v : values) {
            if (!Double.isFinite(v.doubleValue())) {
                throw new IllegalArgumentException("the value " + v + " is out of range for a double; use an "
                        + "ordinary number");
            }
            if (!seen.add(v)) {
                throw new IllegalArgumentException("lists " + plain(v) + " twice; list each value once");
            }
        }
    }

    /**
     * {@code from}, {@code from + step}, ... up to {@code to} inclusive (when a step lands on it).
     *
     * @throws IllegalArgumentException when step &lt;= 0, to &lt; from, or the range has more than
     *                                  {@link GridTemplate#MAX_COMBINATIONS} values
     */
    public static GridParam range(String name, BigDecimal from, BigDecimal to, BigDecimal step) {
        long count = count(from, to, step);
        if (count > GridTemplate.MAX_COMBINATIONS) {
            throw tooMany(count);
        }
        List<BigDecimal> values = new ArrayList<>((int) count);
        BigDecimal v = from;
        for (long i = 0; i < count; i++) {
            values.add(v);
            v = v.add(step);
        }
        return new GridParam(name, values);
    }

    /** How many values {@code from..to step step} has: 1 + floor((to - from) / step), capped above the limit. */
    static long count(BigDecimal from, BigDecimal to, BigDecimal step) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(step, "step");
        if (step.signum() <= 0) {
            throw new IllegalArgumentException("step must be > 0, got " + plain(step) + "; give a positive step "
                    + "such as 1");
        }
        if (to.compareTo(from) < 0) {
            throw new IllegalArgumentException("to (" + plain(to) + ") must be >= from (" + plain(from) + "); swap "
                    + "them");
        }
        BigDecimal steps = to.subtract(from).divide(step, 0, RoundingMode.FLOOR);
        BigDecimal cap = BigDecimal.valueOf(GridTemplate.MAX_COMBINATIONS);
        return steps.compareTo(cap) >= 0 ? GridTemplate.MAX_COMBINATIONS + 1L : steps.longValueExact() + 1;
    }

    private static IllegalArgumentException tooMany(long count) {
        return new IllegalArgumentException("has " + (count > GridTemplate.MAX_COMBINATIONS ? "over "
                + GridTemplate.MAX_COMBINATIONS : count) + " values, while a grid may have at most "
                + GridTemplate.MAX_COMBINATIONS + " combinations in all; use a larger step or fewer values");
    }

    public int size() {
        return values.size();
    }

    /** A value as people read it: {@code 10}, {@code 0.5}, never an exponent. */
    static String plain(BigDecimal v) {
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }
}

package dev.massbt.strategies.generate;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition every evaluated combination of a {@link GridTemplate} must meet, such as
 * {@code fast < slow}: a grid parameter, a comparison, and another parameter or a number.
 * The grammar is fixed and tiny, {@code <name> <op> <name|number>} with op one of
 * {@code < <= > >= !=}; nothing is ever evaluated as code. Values compare exactly (as
 * decimals).
 *
 * @param text        the constraint as written, for messages and skip reasons
 * @param left        a grid parameter
 * @param op          the comparison
 * @param rightName   a grid parameter, or null when the right side is a number
 * @param rightNumber the number, or null when the right side is a parameter
 */
public record GridConstraint(String text, String left, Op op, String rightName, BigDecimal rightNumber) {

    /** A comparison operator of the constraint grammar. */
    public enum Op {
        LT("<"), LE("<="), GT(">"), GE(">="), NE("!=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean holds(int comparison) {
            return switch (this) {
                case LT -> comparison < 0;
                case LE -> comparison <= 0;
                case GT -> comparison > 0;
                case GE -> comparison >= 0;
                case NE -> comparison != 0;
            };
        }

        static Op of(String symbol) {
            for (Op op : values()) {
                if (op.symbol.equals(symbol)) {
                    return op;
                }
            }
            throw new IllegalArgumentException("unknown operator " + symbol);
        }
    }

    private static final String NAME = "[A-Za-z_][A-Za-z0-9_]*";
    private static final String NUMBER = "[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d{1,3})?";
    private static final Pattern GRAMMAR = Pattern.compile("\\s*(" + NAME + ")\\s*(<=|>=|!=|<|>)\\s*(?:(" + NAME
            + ")|(" + NUMBER + "))\\s*");
    static final int MAX_LENGTH = 200;

    public GridConstraint {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(op, "op");
        if ((rightName == null) == (rightNumber == null)) {
            throw new IllegalArgumentException("a constraint compares with a parameter or a number, not both");
        }
    }

    /**
     * Parses {@code text} against the grammar; every name must be one of {@code params}.
     *
     * @throws IllegalArgumentException saying what is wrong and what is accepted
     */
    public static GridConstraint parse(String text, Collection<String> params) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(params, "params");
        Matcher m = text.length() > MAX_LENGTH ? null : GRAMMAR.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("'" + (text.length() > 60 ? text.substring(0, 60) + "..." : text)
                    + "' is not a constraint; write <parameter> <op> <parameter or number> with op one of "
                    + "< <= > >= !=, e.g. \"fast < slow\" or \"fast >= 5\"");
        }
        String left = known(m.group(1), params);
        String rightName = m.group(3) == null ? null : known(m.group(3), params);
        BigDecimal rightNumber = m.group(4) == null ? null : new BigDecimal(m.group(4));
        return new GridConstraint(text.strip(), left, Op.of(m.group(2)), rightName, rightNumber);
    }

    private static String known(String name, Collection<String> params) {
        if (!params.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a grid parameter; the parameters are "
                    + String.join(", ", params));
        }
        return name;
    }

    /** Whether the combination {@code values} (by parameter name) meets the constraint. */
    public boolean test(Map<String, BigDecimal> values) {
        BigDecimal l = values.get(left);
        BigDecimal r = rightName == null ? rightNumber : values.get(rightName);
        return op.holds(l.compareTo(r));
    }

    @Override
    public String toString() {
        return text;
    }
}

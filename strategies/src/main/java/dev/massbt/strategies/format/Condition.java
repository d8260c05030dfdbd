package dev.massbt.strategies.format;

import dev.massbt.strategies.indicator.Output;
import dev.massbt.strategies.indicator.ValueScale;
import java.util.Objects;

/**
 * {@code left comparison right}, evaluated on every bar of the primary timeframe. The left
 * side is an indicator or a bar column; the right side may also be a constant. Both sides
 * must be measured in the same units (an RSI against a price is rejected), and a constant
 * must lie inside the range the left side can take.
 */
public record Condition(Operand left, Comparison comparison, Operand right) {

    public Condition {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(right, "right");
        if (left instanceof Constant) {
            throw new InvalidStrategyException("", "the left side of a condition must be an indicator or a price field");
        }
        if (right instanceof Constant c) {
            if (left instanceof IndicatorRef ref) {
                Output out = ref.outputSpec();
                if (c.value() < out.min() || c.value() > out.max()) {
                    throw new InvalidStrategyException("value", ref.type().key() + " " + out.name() + " lies in "
                            + Numbers.text(out.min()) + ".." + Numbers.text(out.max()) + ", so comparing it with "
                            + Numbers.text(c.value()) + " is constant; use a value in that range");
                }
            }
        } else if (left.scale() != right.scale()) {
            throw new InvalidStrategyException("operand", describe(left) + " (" + scaleText(left.scale())
                    + ") cannot be compared with " + describe(right) + " (" + scaleText(right.scale())
                    + "); compare it with a constant or an operand of the same units");
        }
        if (left.equals(right)) {
            throw new InvalidStrategyException("operand", "compares " + describe(left) + " with itself; the result never changes");
        }
    }

    public static Condition of(Operand left, Comparison comparison, double value) {
        return new Condition(left, comparison, new Constant(value));
    }

    /** 1 + operand shares, +1 for a cross, +1 per operand on a secondary timeframe. */
    public int complexity() {
        int score = 1 + left.complexity() + right.complexity() + (comparison.isCross() ? 1 : 0);
        if (left instanceof IndicatorRef r && r.timeframe() != null) {
            score++;
        }
        if (right instanceof IndicatorRef r && r.timeframe() != null) {
            score++;
        }
        return score;
    }

    static String describe(Operand o) {
        if (o instanceof IndicatorRef r) {
            return r.type().key() + " " + r.output();
        }
        if (o instanceof PriceRef p) {
            return p.field().key();
        }
        return Numbers.text(((Constant) o).value());
    }

    private static String scaleText(ValueScale s) {
        return switch (s) {
            case PRICE -> "price units";
            case BOUNDED -> "an oscillator";
            case ZERO_CENTERED -> "centred on zero";
            case VOLATILITY -> "price-range units";
            case VOLUME -> "volume units";
        };
    }
}

package dev.massbt.strategies.generate;

import dev.massbt.strategies.format.Condition;
import dev.massbt.strategies.format.Constant;
import dev.massbt.strategies.format.ExitRule;
import dev.massbt.strategies.format.IndicatorRef;
import dev.massbt.strategies.format.Operand;
import dev.massbt.strategies.format.PriceRef;
import dev.massbt.strategies.format.RuleGroup;
import dev.massbt.strategies.format.Strategy;
import java.util.stream.Collectors;

/**
 * A readable name derived from a strategy's rules only, e.g.
 * {@code 1m L[sma(20)>close & rsi(14)@4h<30] X[sl2 tp5]}. Equal rules give equal names, so
 * generated duplicates get equal ids and are deduplicated.
 */
public final class StrategyNames {

    private StrategyNames() {
    }

    public static String describe(Strategy s) {
        StringBuilder sb = new StringBuilder(s.primary().label());
        side(sb, " L", s.longEntry(), s.longExit());
        side(sb, " S", s.shortEntry(), s.shortExit());
        String name = sb.toString();
        return name.length() <= Strategy.MAX_NAME_LENGTH ? name : name.substring(0, Strategy.MAX_NAME_LENGTH - 1) + "…";
    }

    private static void side(StringBuilder sb, String tag, RuleGroup entry, ExitRule exit) {
        if (entry == null) {
            return;
        }
        sb.append(tag).append('[').append(group(entry)).append(']');
        if (exit != null) {
            sb.append(" X[").append(group(exit.signal()));
            if (exit.stopLoss() > 0) {
                sb.append(" sl").append(num(exit.stopLoss()));
            }
            if (exit.takeProfit() > 0) {
                sb.append(" tp").append(num(exit.takeProfit()));
            }
            if (exit.maxBars() > 0) {
                sb.append(" mb").append(exit.maxBars());
            }
            sb.append(']');
        }
    }

    private static String group(RuleGroup g) {
        String sep = g.operator() == dev.massbt.strategies.format.Operator.AND ? " & " : " | ";
        return g.conditions().stream().map(StrategyNames::condition).collect(Collectors.joining(sep)).trim();
    }

    private static String condition(Condition c) {
        String op = switch (c.comparison()) {
            case GREATER_THAN -> ">";
            case LESS_THAN -> "<";
            case CROSSES_ABOVE -> " xa ";
            case CROSSES_BELOW -> " xb ";
        };
        return operand(c.left()) + op + operand(c.right());
    }

    private static String operand(Operand o) {
        if (o instanceof IndicatorRef r) {
            String out = r.output().equals(r.type().defaultOutput().name()) ? "" : "." + r.output();
            return r.computationKey() + out;
        }
        if (o instanceof PriceRef p) {
            return p.field().key();
        }
        return num(((Constant) o).value());
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}

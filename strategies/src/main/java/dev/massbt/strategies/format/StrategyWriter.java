package dev.massbt.strategies.format;

import dev.massbt.strategies.indicator.ParamSpec;
import dev.massbt.strategies.timeframe.Timeframe;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a strategy as JSON (format version 1), canonical or pretty. Both come from one tree
 * of maps, lists, strings and numbers built in the order a person reads a strategy; the
 * canonical text sorts keys, the pretty text keeps that order and indents.
 *
 * <p>One spelling per meaning: risk exits as side fields when set, operator upper-case and
 * normalised as {@link StrategyReader#normalised}, output always, timeframe only when not
 * the primary, version and secondary always, conditions of a group sorted by their own
 * canonical text, numbers as {@link Numbers#json}.
 */
final class StrategyWriter {

    /** Pretty output puts a container on one line when it fits this width. */
    private static final int PRETTY_WIDTH = 140;
    private static final String INDENT = "  ";

    /** A number, already in canonical text. */
    private record Num(String text) {
        static Num of(double v) {
            return new Num(Numbers.json(v));
        }
    }

    private StrategyWriter() {
    }

    static String canonical(Strategy s) {
        StringBuilder sb = new StringBuilder(512);
        compact(sb, tree(s));
        return sb.toString();
    }

    static String pretty(Strategy s) {
        StringBuilder sb = new StringBuilder(1024);
        pretty(sb, tree(s), 0, 0, true);
        return sb.append('\n').toString();
    }

    // ---- the tree ------------------------------------------------------------------------

    private static Map<String, Object> tree(Strategy s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("version", Num.of(s.version()));
        Map<String, Object> tfs = new LinkedHashMap<>();
        tfs.put("primary", s.primary().label());
        tfs.put("secondary", s.secondary().stream().<Object>map(Timeframe::label).toList());
        m.put("timeframes", tfs);
        Map<String, Object> entries = new LinkedHashMap<>();
        Map<String, Object> exits = new LinkedHashMap<>();
        for (Side side : Side.values()) {
            if (s.entry(side) != null) {
                entries.put(side.key(), group(s.entry(side), s.primary()));
            }
            ExitRule exit = s.exit(side);
            if (exit != null) {
                Map<String, Object> g = group(exit.signal(), s.primary());
                if (exit.stopLoss() != 0) {
                    g.put("stop_loss", Num.of(exit.stopLoss()));
                }
                if (exit.takeProfit() != 0) {
                    g.put("take_profit", Num.of(exit.takeProfit()));
                }
                if (exit.maxBars() != 0) {
                    g.put("max_bars", Num.of(exit.maxBars()));
                }
                exits.put(side.key(), g);
            }
        }
        m.put("entry_rules", entries);
        if (!exits.isEmpty()) {
            m.put("exit_rules", exits);
        }
        return m;
    }

    private static Map<String, Object> group(RuleGroup g, Timeframe primary) {
        record Keyed(String key, Map<String, Object> condition) {
        }
        List<Keyed> keyed = new ArrayList<>();
        for (Condition c : g.conditions()) {
            Map<String, Object> m = condition(c, primary);
            StringBuilder sb = new StringBuilder();
            compact(sb, m);
            keyed.add(new Keyed(sb.toString(), m));
        }
        keyed.sort(Comparator.comparing(Keyed::key));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operator", StrategyReader.normalised(g.operator(), keyed.size()).name());
        m.put("conditions", keyed.stream().<Object>map(Keyed::condition).toList());
        return m;
    }

    private static Map<String, Object> condition(Condition c, Timeframe primary) {
        Map<String, Object> m = new LinkedHashMap<>();
        operand(m, c.left(), primary);
        m.put("comparison", c.comparison().key());
        if (c.right() instanceof Constant k) {
            m.put("value", Num.of(k.value()));
        } else {
            Map<String, Object> right = new LinkedHashMap<>();
            operand(right, c.right(), primary);
            m.put("operand", right);
        }
        return m;
    }

    private static void operand(Map<String, Object> m, Operand o, Timeframe primary) {
        if (o instanceof PriceRef p) {
            m.put("price", p.field().key());
        } else if (o instanceof IndicatorRef r) {
            m.put("indicator", r.type().key());
            Map<String, Object> params = new LinkedHashMap<>();
            List<ParamSpec> specs = r.type().params();
            for (int i = 0; i < specs.size(); i++) {
                params.put(specs.get(i).name(), Num.of(r.params().get(i)));
            }
            m.put("params", params);
            m.put("output", r.output());
            if (r.timeframe() != null && r.timeframe() != primary) {
                m.put("timeframe", r.timeframe().label());
            }
        } else {
            throw new IllegalArgumentException("a constant is no left operand: " + o);
        }
    }

    // ---- text ----------------------------------------------------------------------------

    /** Keys sorted (by UTF-16 code unit, which is byte order for the ASCII keys of the format), no whitespace. */
    private static void compact(StringBuilder sb, Object v) {
        if (v instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(sb, (String) e.getKey());
                sb.append(':');
                compact(sb, e.getValue());
            }
            sb.append('}');
        } else if (v instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                compact(sb, list.get(i));
            }
            sb.append(']');
        } else {
            scalar(sb, v);
        }
    }

    /** Reading order; a container on one line when it fits, else one member per line. */
    private static void pretty(StringBuilder sb, Object v, int depth, int column, boolean top) {
        if (!(v instanceof Map<?, ?>) && !(v instanceof List<?>)) {
            scalar(sb, v);
            return;
        }
        String inline = inline(v);
        if (!top && column + inline.length() <= PRETTY_WIDTH) {
            sb.append(inline);
            return;
        }
        String pad = INDENT.repeat(depth + 1);
        if (v instanceof Map<?, ?> map) {
            sb.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                int start = sb.length();
                sb.append(pad);
                string(sb, (String) e.getKey());
                sb.append(": ");
                pretty(sb, e.getValue(), depth + 1, sb.length() - start, false);
                sb.append(++i < map.size() ? ",\n" : "\n");
            }
            sb.append(INDENT.repeat(depth)).append('}');
        } else {
            List<?> list = (List<?>) v;
            sb.append("[\n");
            for (int i = 0; i < list.size(); i++) {
                sb.append(pad);
                pretty(sb, list.get(i), depth + 1, pad.length(), false);
                sb.append(i + 1 < list.size() ? ",\n" : "\n");
            }
            sb.append(INDENT.repeat(depth)).append(']');
        }
    }

    private static String inline(Object v) {
        StringBuilder sb = new StringBuilder();
        if (v instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                sb.append(first ? "" : ", ");
                first = false;
                string(sb, (String) e.getKey());
                sb.append(": ").append(inline(e.getValue()));
            }
            sb.append('}');
        } else if (v instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(inline(list.get(i)));
            }
            sb.append(']');
        } else {
            scalar(sb, v);
        }
        return sb.toString();
    }

    private static void scalar(StringBuilder sb, Object v) {
        if (v instanceof Num n) {
            sb.append(n.text());
        } else if (v instanceof String s) {
            string(sb, s);
        } else {
            throw new IllegalArgumentException("not a JSON value of the format: " + v);
        }
    }

    /**
     * A JSON string: {@code "} and {@code \} escaped, control characters as {@code \n}-style or
     * {@code \}{@code u00XX} escapes, lone surrogates as {@code \}{@code uXXXX} (so that the UTF-8 bytes
     * hashed for the id never lose them), everything else as is.
     */
    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1));
                    if (pairedHigh) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}

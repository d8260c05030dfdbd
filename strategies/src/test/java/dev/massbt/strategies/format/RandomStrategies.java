package dev.massbt.strategies.format;

import dev.massbt.strategies.indicator.IndicatorType;
import dev.massbt.strategies.indicator.Output;
import dev.massbt.strategies.indicator.ParamSpec;
import dev.massbt.strategies.indicator.ValueScale;
import dev.massbt.strategies.timeframe.Timeframe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Arbitrary valid strategies for property tests, drawn from the indicator registry, the
 * parameter ranges and the timeframes. Candidates the model records reject (too many
 * indicators, a condition comparing an operand with itself, ...) are filtered out.
 */
final class RandomStrategies {

    private static final String NAME_CHARS = "abcxyzABC0123456789 -_.:/'\"\\é€✓😀";
    /** Constants that stress number text: tiny, huge, negative, many digits. */
    private static final double[] AWKWARD = {1e-7, 1e20, -2.5e300, 0.1, 1.0 / 3, 123456789.123, 1e15, 1e-3, 9.999999e6};

    private RandomStrategies() {
    }

    static Arbitrary<Strategy> strategies() {
        return Arbitraries.randomValue(RandomStrategies::attempt).filter(Objects::nonNull);
    }

    /** A valid strategy, or {@code null} when this draw broke a rule of the model. */
    static Strategy attempt(Random r) {
        try {
            return strategy(r);
        } catch (InvalidStrategyException e) {
            return null;
        }
    }

    private static Strategy strategy(Random r) {
        Timeframe[] all = Timeframe.values();
        Timeframe primary = all[r.nextInt(all.length)];
        List<Timeframe> higher = new ArrayList<>(Arrays.stream(all).filter(t -> t.isHigherThan(primary)).toList());
        java.util.Collections.shuffle(higher, r);
        List<Timeframe> secondary = higher.subList(0, Math.min(higher.size(), r.nextInt(3)));
        List<Timeframe> choices = new ArrayList<>();
        choices.add(null);
        choices.addAll(secondary);

        boolean hasLong = r.nextInt(4) > 0;
        boolean hasShort = !hasLong || r.nextBoolean();
        RuleGroup longEntry = hasLong ? group(r, choices, 1 + r.nextInt(2)) : null;
        RuleGroup shortEntry = hasShort ? group(r, choices, 1 + r.nextInt(2)) : null;
        ExitRule longExit = hasLong && r.nextBoolean() ? exit(r, choices) : null;
        ExitRule shortExit = hasShort && r.nextBoolean() ? exit(r, choices) : null;
        int version = r.nextInt(10) == 0 ? 1 + r.nextInt(Integer.MAX_VALUE) : 1 + r.nextInt(3);
        return new Strategy(name(r), version, primary, secondary, longEntry, shortEntry, longExit, shortExit);
    }

    private static String name(Random r) {
        StringBuilder sb = new StringBuilder("s");
        int length = r.nextInt(20);
        int[] cps = NAME_CHARS.codePoints().toArray();
        for (int i = 0; i < length; i++) {
            sb.appendCodePoint(cps[r.nextInt(cps.length)]);
        }
        return sb.toString();
    }

    private static RuleGroup group(Random r, List<Timeframe> timeframes, int size) {
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            conditions.add(condition(r, timeframes));
        }
        return new RuleGroup(r.nextBoolean() ? Operator.AND : Operator.OR, conditions);
    }

    private static ExitRule exit(Random r, List<Timeframe> timeframes) {
        RuleGroup signal = group(r, timeframes, r.nextInt(2));
        double stopLoss = r.nextBoolean() ? 0 : percent(r, ExitRule.MAX_STOP_LOSS);
        double takeProfit = r.nextBoolean() ? 0 : percent(r, ExitRule.MAX_TAKE_PROFIT);
        int maxBars = r.nextInt(3) == 0 ? 1 + r.nextInt(ExitRule.MAX_BARS) : 0;
        if (signal.conditions().isEmpty() && stopLoss == 0 && takeProfit == 0 && maxBars == 0) {
            stopLoss = 2.0;
        }
        return new ExitRule(signal, stopLoss, takeProfit, maxBars);
    }

    private static double percent(Random r, double max) {
        return switch (r.nextInt(3)) {
            case 0 -> 1 + r.nextInt(10);
            case 1 -> Math.min(max, Math.round(r.nextDouble() * max * 100) / 100.0 + 0.01);
            default -> 0.01 + r.nextDouble() * (max - 0.01);
        };
    }

    private static Condition condition(Random r, List<Timeframe> timeframes) {
        for (int attempt = 0; ; attempt++) {
            try {
                Operand left = r.nextInt(5) == 0 ? price(r) : indicator(r, timeframes, null);
                Comparison comparison = Comparison.values()[r.nextInt(Comparison.values().length)];
                return new Condition(left, comparison, right(r, left, timeframes));
            } catch (InvalidStrategyException e) {
                if (attempt > 20) {
                    throw e;
                }
            }
        }
    }

    private static PriceRef price(Random r) {
        return new PriceRef(PriceField.values()[r.nextInt(PriceField.values().length)]);
    }

    private static Operand right(Random r, Operand left, List<Timeframe> timeframes) {
        ValueScale scale = left.scale();
        boolean constant = switch (scale) {
            case BOUNDED, ZERO_CENTERED -> r.nextInt(4) > 0;
            case PRICE, VOLUME -> r.nextInt(4) == 0;
            case VOLATILITY -> r.nextInt(8) == 0;
        };
        if (constant) {
            return new Constant(constant(r, left));
        }
        if ((scale == ValueScale.PRICE || scale == ValueScale.VOLUME) && r.nextInt(3) == 0) {
            PriceRef p;
            do {
                p = price(r);
            } while (p.scale() != scale);
            return p;
        }
        return indicator(r, timeframes, scale);
    }

    private static double constant(Random r, Operand left) {
        double min = -1e6;
        double max = 1e6;
        if (left instanceof IndicatorRef ref) {
            Output out = ref.outputSpec();
            min = Math.max(min, out.min());
            max = Math.min(max, out.max());
        }
        double v = switch (r.nextInt(4)) {
            case 0 -> Math.rint(min + r.nextDouble() * (max - min));
            case 1 -> Math.round((min + r.nextDouble() * (max - min)) * 100) / 100.0;
            case 2 -> AWKWARD[r.nextInt(AWKWARD.length)] * (r.nextBoolean() ? 1 : -1);
            default -> min + r.nextDouble() * (max - min);
        };
        if (left instanceof IndicatorRef ref && (v < ref.outputSpec().min() || v > ref.outputSpec().max())) {
            return ref.outputSpec().typicalLow();
        }
        return v;
    }

    /** An indicator output, of {@code scale} when it is not {@code null}. */
    private static IndicatorRef indicator(Random r, List<Timeframe> timeframes, ValueScale scale) {
        List<IndicatorType> types = Arrays.stream(IndicatorType.values())
                .filter(t -> scale == null || t.outputs().stream().anyMatch(o -> o.scale() == scale)).toList();
        IndicatorType type = types.get(r.nextInt(types.size()));
        List<Output> outputs = type.outputs().stream().filter(o -> scale == null || o.scale() == scale).toList();
        Output output = outputs.get(r.nextInt(outputs.size()));
        Timeframe tf = timeframes.get(r.nextInt(timeframes.size()));
        for (int attempt = 0; ; attempt++) {
            List<Double> params = new ArrayList<>();
            for (ParamSpec spec : type.params()) {
                params.add(param(r, spec));
            }
            if (type.crossParamProblem(params.stream().mapToDouble(Double::doubleValue).toArray()) == null || attempt > 50) {
                // Leave the output out now and then: the record picks the default one.
                String name = r.nextBoolean() && output.equals(type.defaultOutput()) ? null : output.name();
                return new IndicatorRef(type, params, name, tf);
            }
        }
    }

    private static double param(Random r, ParamSpec spec) {
        if (spec.integral()) {
            int lo = (int) spec.min();
            int hi = r.nextBoolean() ? Math.min((int) spec.max(), lo + 50) : (int) spec.max();
            return lo + r.nextInt(hi - lo + 1);
        }
        return r.nextBoolean()
                ? Math.round((spec.min() + r.nextDouble() * (spec.max() - spec.min())) * 10) / 10.0
                : spec.min() + r.nextDouble() * (spec.max() - spec.min());
    }
}

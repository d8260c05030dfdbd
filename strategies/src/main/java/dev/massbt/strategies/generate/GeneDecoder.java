package dev.massbt.strategies.generate;

import dev.massbt.strategies.format.Comparison;
import dev.massbt.strategies.format.Condition;
import dev.massbt.strategies.format.Constant;
import dev.massbt.strategies.format.ExitRule;
import dev.massbt.strategies.format.IndicatorRef;
import dev.massbt.strategies.format.Operand;
import dev.massbt.strategies.format.Operator;
import dev.massbt.strategies.format.PriceField;
import dev.massbt.strategies.format.PriceRef;
import dev.massbt.strategies.format.RuleGroup;
import dev.massbt.strategies.format.Strategy;
import dev.massbt.strategies.indicator.IndicatorType;
import dev.massbt.strategies.indicator.Output;
import dev.massbt.strategies.indicator.ValueScale;
import dev.massbt.strategies.timeframe.Timeframe;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Maps a fixed-length vector of genes in {@code [0, 1)} to a strategy that is always valid.
 * The random generator draws the genes uniformly; the Jenetics codec evolves them. Each
 * gene has one fixed meaning (below), so single-point crossover exchanges whole parts of
 * strategies and a mutation changes one choice.
 *
 * <p>Layout: {@value #HEADER} header genes (primary timeframe, sides, operators, secondary
 * timeframe), {@value #EXIT_GENES} exit genes per side (stop-loss, take-profit, max-bars:
 * on/off and level), then {@value #SLOTS} condition slots of {@value #SLOT} genes (3 long
 * entry, 3 short entry, 2 long exit, 2 short exit). A slot's genes: active, indicator,
 * three parameters, output, comparison, right-hand kind, right-hand choice and parameter,
 * timeframe.
 *
 * <p>Parameters come from the values traders actually use (periods 5, 10, 14, 20, 50, …;
 * thresholds on round levels), which also lets a chunk of strategies share indicator
 * computations and conditions in the kernel. Slots that would break a limit (indicators,
 * complexity) are left out; a strategy with no entry gets its first long slot forced on.
 */
public final class GeneDecoder {

    static final int HEADER = 5;
    static final int EXIT_GENES = 6;
    static final int SLOT = 11;
    static final int SLOTS = 10;
    /** Number of genes a strategy needs. */
    public static final int LENGTH = HEADER + 2 * EXIT_GENES + SLOTS * SLOT;

    private static final int[] PERIODS = {3, 5, 7, 9, 10, 12, 14, 20, 21, 26, 30, 40, 50, 100, 150, 200};
    private static final int[] FAST = {3, 5, 7, 9, 10, 12, 14, 20, 21, 26, 30, 50};
    private static final int[][] MACD = {{12, 26, 9}, {8, 17, 9}, {5, 35, 5}, {19, 39, 9}, {10, 20, 5}};
    private static final double[] STDDEV = {1.5, 2.0, 2.5, 3.0};
    private static final int[] STOCH_K = {5, 9, 14, 21};
    private static final int[] STOCH_D = {3, 5};
    private static final int[] ADX = {7, 10, 14, 20, 28};
    private static final double[] STOPS = {0.5, 1, 1.5, 2, 3, 5, 8};
    private static final double[] TARGETS = {1, 2, 3, 5, 8, 10, 15};
    private static final int[] MAX_BARS = {10, 20, 50, 100, 200, 500};
    private static final double[] NICE_STEPS = {0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20, 25, 50};
    /** Indicators offered: every type but OBV, whose level means nothing across instruments. */
    private static final IndicatorType[] TYPES = java.util.Arrays.stream(IndicatorType.values())
            .filter(t -> t != IndicatorType.OBV).toArray(IndicatorType[]::new);
    private static final IndicatorType[] PRICE_TYPES = {IndicatorType.SMA, IndicatorType.EMA, IndicatorType.WMA,
        IndicatorType.BOLLINGER, IndicatorType.DONCHIAN, IndicatorType.VWAP};
    private static final Comparison[] COMPARISONS = Comparison.values();

    private final SearchSpace space;

    public GeneDecoder(SearchSpace space) {
        this.space = Objects.requireNonNull(space, "space");
    }

    public SearchSpace space() {
        return space;
    }

    /** The strategy these genes encode; {@code genes.length} must be {@link #LENGTH}. */
    public Strategy decode(double[] genes) {
        if (genes.length != LENGTH) {
            throw new IllegalArgumentException("expected " + LENGTH + " genes, got " + genes.length);
        }
        Timeframe primary = space.primaries().get(pick(genes[0], space.primaries().size()));
        List<Timeframe> higher = space.secondaries().stream().filter(tf -> tf.isHigherThan(primary)).toList();
        Timeframe secondary = higher.isEmpty() ? null : higher.get(pick(genes[4], higher.size()));
        int sides = pick(genes[1], 20); // 0..8 long only, 9..11 short only, 12..19 both
        boolean wantLong = sides < 9 || sides >= 12;
        boolean wantShort = sides >= 9;

        Builder b = new Builder(primary, secondary);
        int slot = HEADER + 2 * EXIT_GENES;
        List<Condition> longEntry = wantLong ? b.slots(genes, slot, 3, false) : List.of();
        List<Condition> shortEntry = wantShort ? b.slots(genes, slot + 3 * SLOT, 3, false) : List.of();
        if (longEntry.isEmpty() && shortEntry.isEmpty()) {
            longEntry = b.slots(genes, slot, 1, true);
        }
        List<Condition> longExit = longEntry.isEmpty() ? List.of() : b.slots(genes, slot + 6 * SLOT, 2, false);
        List<Condition> shortExit = shortEntry.isEmpty() ? List.of() : b.slots(genes, slot + 8 * SLOT, 2, false);
        ExitRule longRule = longEntry.isEmpty() ? null : b.exit(genes, HEADER, longExit);
        ExitRule shortRule = shortEntry.isEmpty() ? null : b.exit(genes, HEADER + EXIT_GENES, shortExit);
        List<Timeframe> secondaries = b.usedSecondary ? List.of(secondary) : List.of();
        Strategy draft = new Strategy("draft", 1, primary, secondaries,
                group(genes[2], longEntry), group(genes[3], shortEntry), longRule, shortRule);
        return new Strategy(StrategyNames.describe(draft), 1, primary, secondaries, draft.longEntry(),
                draft.shortEntry(), longRule, shortRule);
    }

    private static RuleGroup group(double gene, List<Condition> conditions) {
        return conditions.isEmpty() ? null : new RuleGroup(gene < 0.7 ? Operator.AND : Operator.OR, conditions);
    }

    static int pick(double gene, int n) {
        return Math.min(n - 1, Math.max(0, (int) (gene * n)));
    }

    /** Keeps the running totals that decide whether one more condition still fits. */
    private static final class Builder {
        private final Timeframe primary;
        private final Timeframe secondary;
        private final Set<String> indicators = new HashSet<>();
        private int complexity;
        boolean usedSecondary;

        Builder(Timeframe primary, Timeframe secondary) {
            this.primary = primary;
            this.secondary = secondary;
        }

        List<Condition> slots(double[] g, int first, int count, boolean force) {
            List<Condition> out = new ArrayList<>(count);
            for (int s = 0; s < count; s++) {
                int o = first + s * SLOT;
                if (!force && g[o] >= 0.5) {
                    continue;
                }
                Condition c = condition(g, o);
                if (fits(c)) {
                    out.add(c);
                }
            }
            return out;
        }

        ExitRule exit(double[] g, int o, List<Condition> signal) {
            double stop = g[o] < 0.6 ? STOPS[pick(g[o + 1], STOPS.length)] : 0;
            double target = g[o + 2] < 0.5 ? TARGETS[pick(g[o + 3], TARGETS.length)] : 0;
            int maxBars = g[o + 4] < 0.3 ? MAX_BARS[pick(g[o + 5], MAX_BARS.length)] : 0;
            if (signal.isEmpty() && stop == 0 && target == 0 && maxBars == 0) {
                maxBars = MAX_BARS[pick(g[o + 5], MAX_BARS.length)];
            }
            int extra = (stop > 0 ? 1 : 0) + (target > 0 ? 1 : 0) + (maxBars > 0 ? 1 : 0);
            complexity += extra;
            return new ExitRule(new RuleGroup(Operator.OR, signal), stop, target, maxBars);
        }

        private boolean fits(Condition c) {
            Set<String> keys = new HashSet<>(indicators);
            addKeys(c.left(), keys);
            addKeys(c.right(), keys);
            int score = complexity + c.complexity();
            // Leave room for the 6 points the two exits' risk rules can add.
            if (keys.size() > Strategy.MAX_INDICATORS || score > Strategy.MAX_COMPLEXITY - 6) {
                return false;
            }
            indicators.addAll(keys);
            complexity = score;
            if (usesSecondary(c.left()) || usesSecondary(c.right())) {
                usedSecondary = true;
            }
            return true;
        }

        private static void addKeys(Operand o, Set<String> keys) {
            if (o instanceof IndicatorRef r) {
                keys.add(r.computationKey());
            }
        }

        private static boolean usesSecondary(Operand o) {
            return o instanceof IndicatorRef r && r.timeframe() != null;
        }

        private Condition condition(double[] g, int o) {
            IndicatorType type = TYPES[pick(g[o + 1], TYPES.length)];
            Timeframe tf = secondary != null && g[o + 10] < 0.25 ? secondary : null;
            IndicatorRef left = indicator(type, g[o + 2], g[o + 3], g[o + 4], tf);
            List<Output> outputs = type.outputs();
            left = left.withOutput(outputs.get(pick(g[o + 5], outputs.size())).name());
            Comparison cmp = COMPARISONS[pick(g[o + 6], COMPARISONS.length)];
            double kind = g[o + 7];
            double choice = g[o + 8];
            double param = g[o + 9];
            Output out = left.outputSpec();
            return switch (out.scale()) {
                case PRICE -> priceCondition(left, cmp, kind, choice, param, tf);
                case BOUNDED -> Condition.of(left, cmp, level(out, choice));
                case ZERO_CENTERED -> zeroCentered(left, cmp, kind, choice);
                case VOLATILITY, VOLUME -> new Condition(left, cmp,
                        onTimeframe(IndicatorRef.of(type, differentFrom(left.paramValues()[0], choice)), tf));
            };
        }

        private static Condition priceCondition(IndicatorRef left, Comparison cmp, double kind, double choice,
                                                double param, Timeframe tf) {
            if (kind < 0.55) {
                PriceRef close = new PriceRef(PriceField.CLOSE);
                // Half of these read "close crosses above sma" rather than "sma crosses below close".
                return kind < 0.275 ? new Condition(close, cmp, left) : new Condition(left, cmp, close);
            }
            IndicatorType other = PRICE_TYPES[pick(choice, PRICE_TYPES.length)];
            IndicatorRef right = indicator(other, param, choice, 0.5, tf);
            List<Output> priceOutputs = right.type().outputs().stream()
                    .filter(o -> o.scale() == ValueScale.PRICE).toList();
            right = right.withOutput(priceOutputs.get(pick(param, priceOutputs.size())).name());
            if (right.equals(left)) {
                return new Condition(left, cmp, new PriceRef(PriceField.CLOSE));
            }
            return new Condition(left, cmp, right);
        }

        private static Condition zeroCentered(IndicatorRef left, Comparison cmp, double kind, double choice) {
            Output out = left.outputSpec();
            if (left.type() == IndicatorType.MACD && !"signal".equals(left.output()) && kind < 0.5) {
                return new Condition(left.withOutput("line"), cmp, left.withOutput("signal"));
            }
            double level = kind < 0.6 || out.typicalHigh() == 0 ? 0 : level(out, choice);
            return Condition.of(left, cmp, level);
        }

        /** A round threshold inside the output's typical range. */
        private static double level(Output out, double gene) {
            double lo = out.typicalLow();
            double hi = out.typicalHigh();
            double step = NICE_STEPS[NICE_STEPS.length - 1];
            for (double s : NICE_STEPS) {
                if ((hi - lo) / s <= 12) {
                    step = s;
                    break;
                }
            }
            long first = (long) Math.ceil(lo / step);
            long last = (long) Math.floor(hi / step);
            long k = first + pick(gene, (int) (last - first + 1));
            return Math.round(k * step * 1e6) / 1e6;
        }

        private static double differentFrom(double period, double gene) {
            int p = PERIODS[pick(gene, PERIODS.length)];
            return p == period ? (p == 200 ? 100 : 200) : p;
        }

        private static IndicatorRef indicator(IndicatorType type, double g1, double g2, double g3, Timeframe tf) {
            double[] p = switch (type) {
                case MACD -> {
                    int[] m = MACD[pick(g1, MACD.length)];
                    yield new double[] {m[0], m[1], m[2]};
                }
                case BOLLINGER -> new double[] {Math.max(5, PERIODS[pick(g1, PERIODS.length)]), STDDEV[pick(g2, STDDEV.length)]};
                case STOCHASTIC -> new double[] {STOCH_K[pick(g1, STOCH_K.length)], STOCH_D[pick(g2, STOCH_D.length)]};
                case ADX -> new double[] {ADX[pick(g1, ADX.length)]};
                case SMA_CROSS, EMA_CROSS -> {
                    int fast = FAST[pick(g1, FAST.length)];
                    int slowCount = 0;
                    for (int q : PERIODS) {
                        slowCount += q > fast ? 1 : 0;
                    }
                    int slow = PERIODS[PERIODS.length - slowCount + pick(g2, slowCount)];
                    yield new double[] {fast, slow};
                }
                case OBV -> new double[0];
                default -> new double[] {PERIODS[pick(g1, PERIODS.length)]};
            };
            return onTimeframe(IndicatorRef.of(type, p), tf);
        }

        private static IndicatorRef onTimeframe(IndicatorRef ref, Timeframe tf) {
            return tf == null ? ref : ref.on(tf);
        }
    }
}

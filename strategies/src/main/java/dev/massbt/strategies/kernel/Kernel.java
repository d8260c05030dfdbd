package dev.massbt.strategies.kernel;

import dev.massbt.strategies.bars.BarSeries;
import dev.massbt.strategies.format.Comparison;
import dev.massbt.strategies.format.Condition;
import dev.massbt.strategies.format.Constant;
import dev.massbt.strategies.format.IndicatorRef;
import dev.massbt.strategies.format.Operand;
import dev.massbt.strategies.format.PriceRef;
import dev.massbt.strategies.format.RuleGroup;
import dev.massbt.strategies.format.Operator;
import dev.massbt.strategies.format.Strategy;
import dev.massbt.strategies.metrics.MetricsCalculator;
import dev.massbt.strategies.metrics.MetricsConfig;
import dev.massbt.strategies.bars.Resampler;
import dev.massbt.strategies.timeframe.Timeframe;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Evaluates a chunk of strategies over one symbol's bars.
 *
 * <p>Work is shared across the chunk in two layers. Each distinct indicator computation
 * (type, params, timeframe) runs once ({@link IndicatorCache}); each distinct condition
 * (operands, comparison, primary timeframe) is evaluated once over all bars into a bitset.
 * A strategy then costs a few word-wise AND/ORs of its conditions' bitsets plus the
 * position state machine ({@link Simulator}), which skips flat stretches 64 bars at a time.
 *
 * <p>Signals at bar t read values at bars &lt;= t only; higher timeframes show their last
 * closed bar. Not thread-safe: one instance per task thread (instances are cheap; the bars
 * they read are shared, never written).
 */
public final class Kernel {

    /** Default memory for cached indicator outputs: 512 MiB. */
    public static final long DEFAULT_INDICATOR_BUDGET = 512L << 20;

    private final BarSeries base;
    private final CostModel costs;
    private final MetricsConfig metricsConfig;
    private final long indicatorBudget;
    private final EnumMap<Timeframe, BarSeries> series = new EnumMap<>(Timeframe.class);
    private final Map<String, int[]> alignments = new HashMap<>();

    public Kernel(BarSeries base, CostModel costs, MetricsConfig metricsConfig) {
        this(base, costs, metricsConfig, DEFAULT_INDICATOR_BUDGET);
    }

    public Kernel(BarSeries base, CostModel costs, MetricsConfig metricsConfig, long indicatorBudgetBytes) {
        this.base = Objects.requireNonNull(base, "base");
        this.costs = Objects.requireNonNull(costs, "costs");
        this.metricsConfig = Objects.requireNonNull(metricsConfig, "metricsConfig");
        if (indicatorBudgetBytes < 0) {
            throw new IllegalArgumentException("indicator budget must be >= 0 bytes, got " + indicatorBudgetBytes);
        }
        this.indicatorBudget = indicatorBudgetBytes;
        series.put(base.timeframe(), base);
    }

    /** The bars on {@code tf}, resampled from the base bars once per kernel. */
    public BarSeries series(Timeframe tf) {
        BarSeries s = series.get(tf);
        if (s == null) {
            if (!tf.isHigherThan(base.timeframe())) {
                throw new IllegalArgumentException("a strategy reads timeframe " + tf + " but the bars are "
                        + base.timeframe() + "; strategies can only use the bars' timeframe or higher multiples of it");
            }
            s = Resampler.resample(base, tf);
            series.put(tf, s);
        }
        return s;
    }

    /**
     * Runs every strategy on every segment.
     *
     * @param details extra outputs: {@link Detail#DAILY_RETURNS}, {@link Detail#TRADES}
     */
    public ChunkResult run(List<Strategy> strategies, List<Segment> segments, Set<Detail> details) {
        Objects.requireNonNull(strategies, "strategies");
        Objects.requireNonNull(segments, "segments");
        Objects.requireNonNull(details, "details");
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("at least one segment is needed");
        }
        IndicatorCache cache = new IndicatorCache(new Source(), indicatorBudget);
        Map<Timeframe, Frame> contexts = new EnumMap<>(Timeframe.class);
        for (Strategy st : strategies) {
            contexts.computeIfAbsent(st.primary(), tf -> new Frame(series(tf), segments));
        }
        Map<String, long[]> conditionBits = evaluateConditions(strategies, contexts, cache);

        boolean keepTrades = details.contains(Detail.TRADES);
        boolean keepReturns = details.contains(Detail.DAILY_RETURNS);
        Simulator sim = new Simulator(costs);
        MetricsCalculator calculator = new MetricsCalculator();
        List<StrategyResult> results = new ArrayList<>(strategies.size() * segments.size());
        long strategyBars = 0;
        for (int si = 0; si < strategies.size(); si++) {
            Strategy st = strategies.get(si);
            Frame ctx = contexts.get(st.primary());
            long[] longEntry = ctx.combine(st.longEntry(), conditionBits, ctx.longEntry);
            long[] shortEntry = ctx.combine(st.shortEntry(), conditionBits, ctx.shortEntry);
            long[] longExit = st.longExit() == null ? null : ctx.combine(st.longExit().signal(), conditionBits, ctx.longExit);
            long[] shortExit = st.shortExit() == null ? null : ctx.combine(st.shortExit().signal(), conditionBits, ctx.shortExit);
            long[] any = ctx.entryAny;
            System.arraycopy(longEntry, 0, any, 0, ctx.words);
            Bits.or(any, shortEntry, ctx.words);
            StrategyBits bits = new StrategyBits(longEntry, shortEntry, any, longExit, shortExit, st.longExit(),
                    st.shortExit());
            for (int g = 0; g < segments.size(); g++) {
                SegmentRange r = ctx.ranges[g];
                Simulator.Outcome o = sim.run(ctx.bars, r, bits, keepTrades);
                int bars = r.bars();
                strategyBars += bars;
                var metrics = calculator.calculate(o.finalEquity(), r.years(), o.dailyReturns(), o.days(),
                        o.tradeReturns(), o.tradeCount(), o.maxDrawdown(),
                        bars == 0 ? 0 : (double) o.barsInMarket() / bars, metricsConfig);
                DailyReturns daily = keepReturns
                        ? new DailyReturns(r.epochDays(), java.util.Arrays.copyOf(o.dailyReturns(), o.days()))
                        : null;
                results.add(new StrategyResult(si, segments.get(g), metrics, daily,
                        keepTrades ? o.trades(ctx.bars) : List.of()));
            }
        }
        return new ChunkResult(results, cache.computations(), conditionBits.size(), strategyBars);
    }

    /**
     * The signal bitsets of one strategy over all bars of its primary timeframe: for
     * inspection and for the no-look-ahead tests. Bit i is the signal decided at bar i's close.
     */
    public Signals signals(Strategy strategy) {
        Objects.requireNonNull(strategy, "strategy");
        IndicatorCache cache = new IndicatorCache(new Source(), indicatorBudget);
        Frame ctx = new Frame(series(strategy.primary()), List.of(Segment.ALL));
        Map<String, long[]> bits = evaluateConditions(List.of(strategy), Map.of(strategy.primary(), ctx), cache);
        return new Signals(ctx.bars,
                ctx.combine(strategy.longEntry(), bits, new long[ctx.words]).clone(),
                ctx.combine(strategy.shortEntry(), bits, new long[ctx.words]).clone(),
                strategy.longExit() == null ? ctx.zero.clone()
                        : ctx.combine(strategy.longExit().signal(), bits, new long[ctx.words]).clone(),
                strategy.shortExit() == null ? ctx.zero.clone()
                        : ctx.combine(strategy.shortExit().signal(), bits, new long[ctx.words]).clone());
    }

    private Map<String, long[]> evaluateConditions(List<Strategy> strategies, Map<Timeframe, Frame> contexts,
                                                   IndicatorCache cache) {
        // Ordered by the indicators each condition reads (the smaller key first): conditions
        // reading the same indicator come together, so most entries are computed once and
        // freed after their last reader.
        TreeMap<String, String> order = new TreeMap<>();
        Map<String, Condition> distinct = new HashMap<>();
        Map<String, Timeframe> primaryOf = new HashMap<>();
        for (Strategy st : strategies) {
            for (Condition c : st.conditions()) {
                String key = key(st.primary(), c);
                if (distinct.putIfAbsent(key, c) == null) {
                    primaryOf.put(key, st.primary());
                    order.put(orderKey(st.primary(), c) + '\u0000' + pairKey(c) + '\u0000' + key, key);
                }
            }
        }
        Map<String, Integer> pairUses = new HashMap<>();
        for (Map.Entry<String, Condition> e : distinct.entrySet()) {
            BarSeries bars = contexts.get(primaryOf.get(e.getKey())).bars;
            forEachIndicator(e.getValue(), ref -> cache.expect(bars, ref));
            pairUses.merge(primaryOf.get(e.getKey()).label() + '|' + pairKey(e.getValue()), 1, Integer::sum);
        }
        Map<String, long[]> bits = new HashMap<>(distinct.size() * 2);
        Map<Timeframe, PairBits> pairs = new EnumMap<>(Timeframe.class);
        for (String key : order.values()) {
            Condition c = distinct.get(key);
            Frame ctx = contexts.get(primaryOf.get(key));
            long[] out = new long[ctx.words];
            evaluate(c, ctx, cache, pairs.computeIfAbsent(ctx.bars.timeframe(), tf -> new PairBits(ctx.words)),
                    pairUses, out);
            forEachIndicator(c, ref -> cache.done(ctx.bars, ref));
            bits.put(key, out);
        }
        return bits;
    }

    private static void forEachIndicator(Condition c, java.util.function.Consumer<IndicatorRef> action) {
        if (c.left() instanceof IndicatorRef r) {
            action.accept(r);
        }
        if (c.right() instanceof IndicatorRef r) {
            action.accept(r);
        }
    }

    private static String pairKey(Condition c) {
        return operandKey(c.left()) + ' ' + operandKey(c.right());
    }

    private static void evaluate(Condition c, Frame ctx, IndicatorCache cache, PairBits pair,
                                 Map<String, Integer> pairUses, long[] out) {
        pair.select(ctx.bars.timeframe().label() + '|' + pairKey(c), pairUses);
        int n = ctx.bars.size();
        int words = ctx.words;
        double[] a = values(c.left(), ctx.bars, cache);
        double[] b = c.right() instanceof Constant ? null : values(c.right(), ctx.bars, cache);
        double v = b == null ? ((Constant) c.right()).value() : Double.NaN;
        if (!pair.hasGt && pair.uses > 1) {
            // More than one bitset of this pair will be needed: one pass for all three.
            if (b == null) {
                Bits.compare(a, v, n, pair.gt, pair.lt, pair.valid);
            } else {
                Bits.compare(a, b, n, pair.gt, pair.lt, pair.valid);
            }
            pair.hasGt = true;
            pair.hasLt = true;
            pair.hasValid = true;
        }
        boolean above = c.comparison() == Comparison.GREATER_THAN || c.comparison() == Comparison.CROSSES_ABOVE;
        long[] now = above ? pair.gt : pair.lt;
        if (above && !pair.hasGt) {
            if (b == null) {
                Bits.greaterThan(a, v, n, now);
            } else {
                Bits.greaterThan(a, b, n, now);
            }
            pair.hasGt = true;
        } else if (!above && !pair.hasLt) {
            if (b == null) {
                Bits.lessThan(a, v, n, now);
            } else {
                Bits.greaterThan(b, a, n, now);
            }
            pair.hasLt = true;
        }
        if (!c.comparison().isCross()) {
            System.arraycopy(now, 0, out, 0, words);
            return;
        }
        if (!pair.hasValid) {
            if (b == null) {
                Bits.valid(a, n, pair.valid);
            } else {
                Bits.valid(a, b, n, pair.valid);
            }
            pair.hasValid = true;
        }
        Bits.cross(now, pair.valid, words, out);
    }

    /**
     * Comparison bitsets of the current operand pair, each computed when first needed: the
     * conditions of one pair (a &gt; b, a crosses above b, a crosses below b) share passes.
     * Conditions are ordered so that those of a pair come one after another.
     */
    private static final class PairBits {
        private String key;
        final long[] gt;
        final long[] lt;
        final long[] valid;
        boolean hasGt;
        boolean hasLt;
        boolean hasValid;
        int uses;

        PairBits(int words) {
            gt = new long[words];
            lt = new long[words];
            valid = new long[words];
        }

        void select(String pairKey, Map<String, Integer> pairUses) {
            if (!pairKey.equals(key)) {
                key = pairKey;
                uses = pairUses.get(pairKey);
                hasGt = false;
                hasLt = false;
                hasValid = false;
            }
        }
    }

    private static double[] values(Operand o, BarSeries bars, IndicatorCache cache) {
        if (o instanceof IndicatorRef ref) {
            return cache.output(bars, ref);
        }
        return switch (((PriceRef) o).field()) {
            case OPEN -> bars.open();
            case HIGH -> bars.high();
            case LOW -> bars.low();
            case CLOSE -> bars.close();
            case VOLUME -> bars.volume();
        };
    }

    static String key(Timeframe primary, Condition c) {
        return primary.label() + '|' + operandKey(c.left()) + ' ' + c.comparison().key() + ' ' + operandKey(c.right());
    }

    private static String orderKey(Timeframe primary, Condition c) {
        String a = c.left() instanceof IndicatorRef r ? r.computationKey() : "";
        String b = c.right() instanceof IndicatorRef r ? r.computationKey() : "";
        boolean aFirst = b.isEmpty() || (!a.isEmpty() && a.compareTo(b) <= 0);
        return primary.label() + '|' + (aFirst ? a + '|' + b : b + '|' + a);
    }

    private static String operandKey(Operand o) {
        if (o instanceof IndicatorRef r) {
            return r.computationKey() + '.' + r.output();
        }
        if (o instanceof PriceRef p) {
            return '$' + p.field().key();
        }
        return '#' + Double.toString(((Constant) o).value());
    }

    private final class Source implements IndicatorCache.SeriesSource {
        @Override
        public BarSeries series(Timeframe tf) {
            return Kernel.this.series(tf);
        }

        @Override
        public int[] alignment(Timeframe lower, Timeframe higher) {
            return alignments.computeIfAbsent(lower.label() + '>' + higher.label(),
                    k -> Resampler.align(Kernel.this.series(lower), Kernel.this.series(higher)));
        }
    }

    /** Everything a chunk needs per primary timeframe: bars, segment ranges, signal scratch. */
    private static final class Frame {
        final BarSeries bars;
        final int words;
        final SegmentRange[] ranges;
        final long[] zero;
        final long[] longEntry;
        final long[] shortEntry;
        final long[] longExit;
        final long[] shortExit;
        final long[] entryAny;

        Frame(BarSeries bars, List<Segment> segments) {
            this.bars = bars;
            this.words = Bits.words(bars.size());
            this.ranges = segments.stream().map(s -> SegmentRange.of(bars, s)).toArray(SegmentRange[]::new);
            this.zero = new long[words];
            this.longEntry = new long[words];
            this.shortEntry = new long[words];
            this.longExit = new long[words];
            this.shortExit = new long[words];
            this.entryAny = new long[words];
        }

        /** The group's signal bitset: a cached condition itself, or combined into {@code into}. */
        long[] combine(RuleGroup group, Map<String, long[]> conditionBits, long[] into) {
            if (group == null || group.conditions().isEmpty()) {
                return zero;
            }
            List<Condition> cs = group.conditions();
            Timeframe primary = bars.timeframe();
            if (cs.size() == 1) {
                return conditionBits.get(key(primary, cs.get(0)));
            }
            System.arraycopy(conditionBits.get(key(primary, cs.get(0))), 0, into, 0, words);
            for (int i = 1; i < cs.size(); i++) {
                long[] x = conditionBits.get(key(primary, cs.get(i)));
                if (group.operator() == Operator.AND) {
                    Bits.and(into, x, words);
                } else {
                    Bits.or(into, x, words);
                }
            }
            return into;
        }
    }
}

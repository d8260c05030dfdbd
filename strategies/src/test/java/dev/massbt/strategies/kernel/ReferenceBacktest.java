package dev.massbt.strategies.kernel;

import dev.massbt.strategies.bars.BarSeries;
import dev.massbt.strategies.format.Condition;
import dev.massbt.strategies.format.Constant;
import dev.massbt.strategies.format.ExitRule;
import dev.massbt.strategies.format.IndicatorRef;
import dev.massbt.strategies.format.Operand;
import dev.massbt.strategies.format.Operator;
import dev.massbt.strategies.format.PriceRef;
import dev.massbt.strategies.format.RuleGroup;
import dev.massbt.strategies.format.Side;
import dev.massbt.strategies.format.Strategy;
import dev.massbt.strategies.bars.Resampler;
import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately plain second implementation of the kernel contract, for differential
 * tests: every condition is evaluated bar by bar from the operand values (no bitsets),
 * higher timeframes are aligned by a linear search, and the position logic walks every
 * bar with pending orders executed at the next open. Slow and obvious on purpose.
 */
final class ReferenceBacktest {

    record Result(List<Trade> trades, double finalEquity, double maxDrawdown, long barsInMarket, double[] dayEquity) {
    }

    private final BarSeries bars;
    private final Strategy strategy;

    ReferenceBacktest(BarSeries base, Strategy strategy) {
        this.strategy = strategy;
        this.bars = Resampler.resample(base, strategy.primary());
    }

    BarSeries bars() {
        return bars;
    }

    boolean group(RuleGroup g, int t) {
        if (g == null || g.conditions().isEmpty()) {
            return false;
        }
        boolean and = g.operator() == Operator.AND;
        boolean acc = and;
        for (Condition c : g.conditions()) {
            boolean v = condition(c, t);
            acc = and ? acc && v : acc || v;
        }
        return acc;
    }

    boolean condition(Condition c, int t) {
        double a = value(c.left(), t);
        double b = value(c.right(), t);
        return switch (c.comparison()) {
            case GREATER_THAN -> a > b;
            case LESS_THAN -> a < b;
            case CROSSES_ABOVE -> t > 0 && a > b && value(c.left(), t - 1) <= value(c.right(), t - 1);
            case CROSSES_BELOW -> t > 0 && a < b && value(c.left(), t - 1) >= value(c.right(), t - 1);
        };
    }

    private final java.util.Map<String, double[]> values = new java.util.HashMap<>();

    private double value(Operand o, int t) {
        if (o instanceof Constant k) {
            return k.value();
        }
        if (o instanceof PriceRef p) {
            return switch (p.field()) {
                case OPEN -> bars.open()[t];
                case HIGH -> bars.high()[t];
                case LOW -> bars.low()[t];
                case CLOSE -> bars.close()[t];
                case VOLUME -> bars.volume()[t];
            };
        }
        IndicatorRef r = (IndicatorRef) o;
        double[] series = values.computeIfAbsent(r.computationKey() + "." + r.output(), k -> compute(r));
        return series[t];
    }

    private double[] compute(IndicatorRef r) {
        BarSeries src = r.timeframe() == null ? bars : Resampler.resample(bars, r.timeframe());
        double[][] outs = new double[r.type().outputs().size()][src.size()];
        IndicatorCache.compute(r.type(), r.paramValues(), src, outs);
        double[] out = outs[r.type().outputIndex(r.output())];
        if (src == bars) {
            return out;
        }
        double[] aligned = new double[bars.size()];
        long step = src.timeframe().millis();
        for (int i = 0; i < bars.size(); i++) {
            long closeTime = bars.ts()[i] + bars.timeframe().millis();
            aligned[i] = Double.NaN;
            for (int j = 0; j < src.size(); j++) {
                if (src.ts()[j] + step <= closeTime) {
                    aligned[i] = out[j];
                }
            }
        }
        return aligned;
    }

    Result run(CostModel costs, int s, int e) {
        double c = costs.commissionBps() * 1e-4;
        double slip = costs.slippageBps() * 1e-4;
        double[] open = bars.open();
        double[] high = bars.high();
        double[] low = bars.low();
        double[] close = bars.close();
        long[] ts = bars.ts();
        List<Trade> trades = new ArrayList<>();
        List<Double> dayEq = new ArrayList<>();
        double equity = 1;
        double peak = 1;
        double maxDd = 0;
        long inMarket = 0;
        int pos = 0;
        int pendingEntry = 0;
        boolean pendingExit = false;
        ExitReason pendingReason = null;
        double entryPx = 0;
        double entryEq = 0;
        double before = 0;
        int entryBar = -1;
        boolean ruined = false;
        for (int t = s; t < e && !ruined; t++) {
            double mark = equity;
            if (pendingExit) {
                double fill = open[t] * (1 - pos * slip);
                equity = exitEquity(pos, entryEq, entryPx, fill, c);
                trades.add(new Trade(pos > 0 ? Side.LONG : Side.SHORT, ts[entryBar], entryPx, ts[t], fill,
                        t - entryBar, equity / before - 1, pendingReason));
                peak = Math.max(peak, equity);
                maxDd = Math.max(maxDd, 1 - equity / peak);
                pos = 0;
                pendingExit = false;
                mark = equity;
            }
            if (pendingEntry != 0) {
                pos = pendingEntry;
                pendingEntry = 0;
                before = equity;
                entryPx = open[t] * (1 + pos * slip);
                equity *= 1 - c;
                entryEq = equity;
                entryBar = t;
            }
            if (pos != 0) {
                inMarket++;
                ExitRule rule = strategy.exit(pos > 0 ? Side.LONG : Side.SHORT);
                double sl = rule == null ? 0 : rule.stopLoss();
                double tp = rule == null ? 0 : rule.takeProfit();
                double stopPx = entryPx * (1 - pos * sl / 100);
                double tpPx = entryPx * (1 + pos * tp / 100);
                Double px = null;
                ExitReason reason = null;
                if (sl > 0 && (pos > 0 ? low[t] <= stopPx : high[t] >= stopPx)) {
                    px = pos > 0 ? Math.min(open[t], stopPx) : Math.max(open[t], stopPx);
                    reason = ExitReason.STOP_LOSS;
                } else if (tp > 0 && (pos > 0 ? high[t] >= tpPx : low[t] <= tpPx)) {
                    px = pos > 0 ? Math.max(open[t], tpPx) : Math.min(open[t], tpPx);
                    reason = ExitReason.TAKE_PROFIT;
                } else if (t == e - 1) {
                    px = close[t];
                    reason = ExitReason.END_OF_DATA;
                } else {
                    double mtm = pos > 0 ? entryEq * close[t] / entryPx : entryEq * (2 - close[t] / entryPx);
                    if (mtm <= 0) {
                        px = close[t];
                        reason = ExitReason.RUINED;
                    } else {
                        peak = Math.max(peak, mtm);
                        maxDd = Math.max(maxDd, 1 - mtm / peak);
                        mark = mtm;
                        boolean signal = group(rule == null ? null : rule.signal(), t);
                        boolean timeUp = rule != null && rule.maxBars() > 0 && t - entryBar + 1 >= rule.maxBars();
                        if (signal || timeUp) {
                            pendingExit = true;
                            pendingReason = signal ? ExitReason.SIGNAL : ExitReason.MAX_BARS;
                        }
                    }
                }
                if (reason != null) {
                    double fill = px * (1 - pos * slip);
                    equity = reason == ExitReason.RUINED ? 0 : exitEquity(pos, entryEq, entryPx, fill, c);
                    trades.add(new Trade(pos > 0 ? Side.LONG : Side.SHORT, ts[entryBar], entryPx, ts[t], fill,
                            t - entryBar + 1, equity / before - 1, reason));
                    peak = Math.max(peak, equity);
                    maxDd = Math.max(maxDd, 1 - equity / peak);
                    pos = 0;
                    mark = equity;
                    ruined = equity <= 0;
                }
            }
            if (pos == 0 && !ruined && t < e - 1) {
                boolean l = group(strategy.longEntry(), t);
                boolean sh = group(strategy.shortEntry(), t);
                if (l != sh) {
                    pendingEntry = l ? 1 : -1;
                }
            }
            if (t == e - 1 || Math.floorDiv(ts[t], 86_400_000L) != Math.floorDiv(ts[t + 1], 86_400_000L)) {
                dayEq.add(mark);
            }
        }
        if (ruined) {
            // the days after ruin stay at zero equity
            long days = 0;
            for (int t = s; t < e; t++) {
                if (t == e - 1 || Math.floorDiv(ts[t], 86_400_000L) != Math.floorDiv(ts[t + 1], 86_400_000L)) {
                    days++;
                }
            }
            while (dayEq.size() < days) {
                dayEq.add(0.0);
            }
        }
        return new Result(trades, equity, maxDd, inMarket, dayEq.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double exitEquity(int pos, double entryEq, double entryPx, double fill, double c) {
        double gross = pos > 0 ? fill / entryPx : 2 - fill / entryPx;
        return Math.max(0, entryEq * gross * (1 - c));
    }
}

package dev.massbt.strategies.kernel;

import dev.massbt.strategies.bars.BarSeries;
import dev.massbt.strategies.format.Side;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The position state machine of the kernel contract, over precomputed signal bitsets.
 *
 * <ul>
 *   <li>Decisions are taken on bar close; entries and signal exits fill at the next open.
 *       An entry on the segment's last bar is not taken (nothing to fill it).</li>
 *   <li>One position at a time; when long and short entries fire on the same bar, neither
 *       is taken.</li>
 *   <li>Stop-loss and take-profit are checked on high/low of every bar from the fill bar
 *       on (the fill is at its open, before its range): stop first when both are touched;
 *       fill at the level, or at the open when the bar opened through it.</li>
 *   <li>max_bars: after the position was held during that many bars, exit at the next open.</li>
 *   <li>After a protective exit the same bar's close may signal a new entry; after a signal
 *       exit the next entry is decided from the exit bar's close on.</li>
 *   <li>Equity starts at 1.0, is fully invested, marked to market at each close; a short
 *       whose loss reaches the whole equity is closed and trading stops.</li>
 * </ul>
 * Flat stretches are skipped word by word over the entry bitset; only bars in a position
 * are visited one by one. No allocation per bar; scratch grows per trade at most.
 */
final class Simulator {

    private static final ExitReason[] REASONS = ExitReason.values();

    private final double commission;
    private final double slippage;

    private final Position position = new Position();
    private final Outcome outcome = new Outcome();

    private double[] tradeReturns = new double[256];
    private int trades;
    private double[] dailyEquity = new double[0];
    private double[] dailyReturns = new double[0];

    private int[] tEntry = new int[0];
    private int[] tExit = new int[0];
    private int[] tBars = new int[0];
    private byte[] tSide = new byte[0];
    private byte[] tReason = new byte[0];
    private double[] tEntryPx = new double[0];
    private double[] tExitPx = new double[0];

    // the equity path of the current run, carried across its trades
    private double peak;
    private double maxDd;
    private long inMarket;
    private int day;

    Simulator(CostModel costs) {
        this.commission = costs.commission();
        this.slippage = costs.slippage();
    }

    /**
     * What the last {@link #run} gave. The simulator's own scratch, valid until the next run:
     * read it, don't keep it (so that a run allocates nothing).
     */
    final class Outcome {
        private double finalEquity;

        private Outcome() {
        }

        double finalEquity() {
            return finalEquity;
        }

        double maxDrawdown() {
            return Math.min(1.0, maxDd);
        }

        long barsInMarket() {
            return inMarket;
        }

        int tradeCount() {
            return trades;
        }

        /** Net return of each trade in {@code [0, tradeCount())}. */
        double[] tradeReturns() {
            return tradeReturns;
        }

        int days() {
            return day;
        }

        /** The segment's daily returns in {@code [0, days())}. */
        double[] dailyReturns() {
            return dailyReturns;
        }

        /** The trades, when the run kept them. */
        List<Trade> trades(BarSeries bars) {
            return tradeList(bars);
        }
    }

    /** Runs {@code strategy} over the bars of {@code range}, keeping the trade list when asked. */
    Outcome run(BarSeries bars, SegmentRange range, StrategyBits strategy, boolean keepTrades) {
        double[] open = bars.open();
        int nDays = range.days();
        int[] dayEnd = range.dayEnd();
        ensureDays(nDays);
        trades = 0;
        double equity = 1.0;
        peak = 1.0;
        maxDd = 0.0;
        inMarket = 0;
        day = 0;
        int last = range.to() - 1;
        int t = range.from();
        Position p = position;
        while (t < last && equity > 0) {
            int k = nextEntry(strategy, t, last);
            if (k < 0) {
                break;
            }
            boolean isLong = Bits.get(strategy.longEntry(), k);
            double dir = isLong ? 1.0 : -1.0;
            int fill = k + 1;
            while (day < nDays && dayEnd[day] < fill) {
                dailyEquity[day++] = equity;
            }
            double before = equity;
            equity *= 1 - commission;
            double entryEq = equity;
            p.open(isLong, fill, open[fill] * (1 + dir * slippage), entryEq,
                    isLong ? strategy.longRule() : strategy.shortRule(),
                    isLong ? strategy.longExit() : strategy.shortExit());
            hold(bars, last, p, dayEnd);
            double exitFill = p.exitPx * (1 - dir * slippage);
            double gross = isLong ? exitFill / p.entryPx : 2 - exitFill / p.entryPx;
            equity = p.reason == ExitReason.RUINED ? 0 : Math.max(0, entryEq * gross * (1 - commission));
            if (equity > peak) {
                peak = equity;
            } else if (1 - equity / peak > maxDd) {
                maxDd = 1 - equity / peak;
            }
            recordTrade(keepTrades, p, exitFill, equity / before - 1);
            t = p.exitBar;
        }
        while (day < nDays) {
            dailyEquity[day++] = equity;
        }
        double prev = 1.0;
        for (int j = 0; j < nDays; j++) {
            dailyReturns[j] = prev == 0 ? 0 : dailyEquity[j] / prev - 1;
            prev = dailyEquity[j];
        }
        outcome.finalEquity = equity;
        return outcome;
    }

    /** The next bar in {@code [t, last)} with an entry on exactly one side, or -1. */
    private static int nextEntry(StrategyBits s, int t, int last) {
        long[] any = s.entryAny();
        int k = Bits.nextSet(any, t, last);
        while (k >= 0 && Bits.get(s.longEntry(), k) == Bits.get(s.shortEntry(), k)) {
            k = Bits.nextSet(any, k + 1, last);
        }
        return k;
    }

    /**
     * Walks position {@code p} bar by bar from its fill bar until it ends, closes it (exit bar,
     * price, reason) and carries the equity path on: peak, drawdown, daily equity, exposure.
     * Long and short share the loop: prices are compared after multiplying by the side's
     * sign, and the adverse/favourable extremes are low/high for a long, high/low for a short.
     */
    private void hold(BarSeries bars, int last, Position p, int[] dayEnd) {
        double[] open = bars.open();
        double[] close = bars.close();
        boolean isLong = p.isLong;
        double sign = isLong ? 1 : -1;
        double[] adverse = isLong ? bars.low() : bars.high();
        double[] favourable = isLong ? bars.high() : bars.low();
        double stopPx = p.stopPx;
        double tpPx = p.targetPx;
        double signedStop = sign * stopPx;
        double signedTarget = sign * tpPx;
        boolean levels = !Double.isInfinite(stopPx) || !Double.isInfinite(tpPx);
        double base = p.base;
        double signedUnits = p.signedUnits;
        long[] exitBits = p.exitBits;
        int timeUpBar = p.timeUpBar;
        int nDays = dayEnd.length;
        double pk = peak;
        double dd = maxDd;
        double floor = pk * (1 - dd);
        int d = day;
        int nextDayEnd = d < nDays ? dayEnd[d] : -1;
        int i = p.fill;
        while (true) {
            // Without a stop or target the high/low columns are not read at all: the loop is
            // bound by memory bandwidth, not arithmetic.
            if (levels && (sign * adverse[i] <= signedStop || sign * favourable[i] >= signedTarget)) {
                if (sign * adverse[i] <= signedStop) {
                    p.close(i, isLong ? Math.min(open[i], stopPx) : Math.max(open[i], stopPx), ExitReason.STOP_LOSS);
                } else {
                    p.close(i, isLong ? Math.max(open[i], tpPx) : Math.min(open[i], tpPx), ExitReason.TAKE_PROFIT);
                }
                break;
            }
            if (i == last) {
                p.close(i, close[i], ExitReason.END_OF_DATA);
                break;
            }
            double mtm = base + signedUnits * close[i];
            if (mtm <= 0) {
                p.close(i, close[i], ExitReason.RUINED);
                break;
            }
            if (mtm > pk) {
                pk = mtm;
                floor = pk * (1 - dd);
            } else if (mtm < floor) {
                dd = 1 - mtm / pk;
                floor = mtm;
            }
            if (i == nextDayEnd) {
                dailyEquity[d++] = mtm;
                nextDayEnd = d < nDays ? dayEnd[d] : -1;
            }
            boolean signal = exitBits != null && (exitBits[i >>> 6] & (1L << i)) != 0;
            if (signal || i >= timeUpBar) {
                p.close(i + 1, open[i + 1], signal ? ExitReason.SIGNAL : ExitReason.MAX_BARS);
                break;
            }
            i++;
        }
        inMarket += i - p.fill + 1;
        peak = pk;
        maxDd = dd;
        day = d;
    }

    private List<Trade> tradeList(BarSeries bars) {
        List<Trade> list = new ArrayList<>(trades);
        long[] ts = bars.ts();
        for (int j = 0; j < trades; j++) {
            list.add(new Trade(tSide[j] > 0 ? Side.LONG : Side.SHORT, ts[tEntry[j]], tEntryPx[j], ts[tExit[j]],
                    tExitPx[j], tBars[j], tradeReturns[j], REASONS[tReason[j]]));
        }
        return list;
    }

    private void recordTrade(boolean keep, Position p, double exitPx, double netReturn) {
        if (trades == tradeReturns.length) {
            tradeReturns = Arrays.copyOf(tradeReturns, trades * 2);
        }
        tradeReturns[trades] = netReturn;
        if (keep) {
            if (trades >= tEntry.length) {
                int cap = Math.max(64, tEntry.length * 2);
                tEntry = Arrays.copyOf(tEntry, cap);
                tExit = Arrays.copyOf(tExit, cap);
                tBars = Arrays.copyOf(tBars, cap);
                tSide = Arrays.copyOf(tSide, cap);
                tReason = Arrays.copyOf(tReason, cap);
                tEntryPx = Arrays.copyOf(tEntryPx, cap);
                tExitPx = Arrays.copyOf(tExitPx, cap);
            }
            boolean atOpen = p.reason == ExitReason.SIGNAL || p.reason == ExitReason.MAX_BARS;
            tEntry[trades] = p.fill;
            tExit[trades] = p.exitBar;
            tBars[trades] = atOpen ? p.exitBar - p.fill : p.exitBar - p.fill + 1;
            tSide[trades] = (byte) (p.isLong ? 1 : -1);
            tReason[trades] = (byte) p.reason.ordinal();
            tEntryPx[trades] = p.entryPx;
            tExitPx[trades] = exitPx;
        }
        trades++;
    }

    private void ensureDays(int nDays) {
        if (dailyEquity.length < nDays) {
            dailyEquity = new double[nDays];
            dailyReturns = new double[nDays];
        }
    }
}

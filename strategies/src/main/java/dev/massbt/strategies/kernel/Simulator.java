package dev.massbt.strategies.kernel;

import dev.massbt.strategies.bars.BarSeries;
import dev.massbt.strategies.format.ExitRule;
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

    // running state of a run, shared with hold()
    private double peak;
    private double maxDd;
    private long inMarket;
    private int d;
    private int holdExitBar;
    private double holdExitPx;
    private ExitReason holdReason;

    // outputs of the last run
    private double finalEquity;
    private int days;

    Simulator(CostModel costs) {
        this.commission = costs.commission();
        this.slippage = costs.slippage();
    }

    /**
     * Runs one strategy over bars {@code [s, e)}. {@code dayEnd[0..nDays)} are the indices of
     * the last bar of each day in the range. Entry bitsets of an absent side are all-zero
     * arrays; exit bitsets may be {@code null}.
     */
    void run(BarSeries bars, int s, int e, int[] dayEnd, int nDays, long[] longEntry, long[] shortEntry,
             long[] entryAny, long[] longExit, long[] shortExit, ExitRule longRule, ExitRule shortRule,
             boolean keepTrades) {
        double[] open = bars.open();
        double[] high = bars.high();
        double[] low = bars.low();
        double[] close = bars.close();
        ensureDays(nDays);
        trades = 0;
        days = nDays;
        double equity = 1.0;
        peak = 1.0;
        maxDd = 0.0;
        inMarket = 0;
        d = 0;
        int last = e - 1;
        int t = s;
        while (t < last && equity > 0) {
            int k = Bits.nextSet(entryAny, t, last);
            while (k >= 0 && Bits.get(longEntry, k) == Bits.get(shortEntry, k)) {
                k = Bits.nextSet(entryAny, k + 1, last);
            }
            if (k < 0) {
                break;
            }
            boolean isLong = Bits.get(longEntry, k);
            double dir = isLong ? 1.0 : -1.0;
            int fill = k + 1;
            while (d < nDays && dayEnd[d] < fill) {
                dailyEquity[d++] = equity;
            }
            double before = equity;
            double entryPx = open[fill] * (1 + dir * slippage);
            equity *= 1 - commission;
            double entryEq = equity;
            ExitRule rule = isLong ? longRule : shortRule;
            long[] exitBits = isLong ? longExit : shortExit;
            double stopPct = rule == null ? 0 : rule.stopLoss();
            double tpPct = rule == null ? 0 : rule.takeProfit();
            int maxBars = rule == null ? 0 : rule.maxBars();
            // Absent levels sit at an infinity the price never reaches: no branch per bar.
            double noLevel = isLong ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            double stopPx = stopPct > 0 ? entryPx * (1 - dir * stopPct * 0.01) : noLevel;
            double tpPx = tpPct > 0 ? entryPx * (1 + dir * tpPct * 0.01) : -noLevel;
            int timeUpBar = maxBars > 0 ? fill + maxBars - 1 : Integer.MAX_VALUE;
            // Marked to market: long units*close, short 2*entryEq - units*close.
            double units = entryEq / entryPx;
            hold(isLong, open, high, low, close, fill, last, stopPx, tpPx, timeUpBar,
                    isLong ? 0 : 2 * entryEq, isLong ? units : -units, exitBits, dayEnd, nDays);
            int exitBar = holdExitBar;
            ExitReason reason = holdReason;
            double exitPx = holdExitPx;
            double exitFill = exitPx * (1 - dir * slippage);
            double gross = isLong ? exitFill / entryPx : 2 - exitFill / entryPx;
            equity = reason == ExitReason.RUINED ? 0 : Math.max(0, entryEq * gross * (1 - commission));
            if (equity > peak) {
                peak = equity;
            } else if (1 - equity / peak > maxDd) {
                maxDd = 1 - equity / peak;
            }
            recordTrade(keepTrades, fill, exitBar, isLong, reason, entryPx, exitFill, equity / before - 1);
            t = exitBar;
        }
        while (d < nDays) {
            dailyEquity[d++] = equity;
        }
        double prev = 1.0;
        for (int j = 0; j < nDays; j++) {
            dailyReturns[j] = prev == 0 ? 0 : dailyEquity[j] / prev - 1;
            prev = dailyEquity[j];
        }
        finalEquity = equity;
    }

    /**
     * Walks a position bar by bar from its fill bar until it ends; sets {@code holdExitBar},
     * {@code holdExitPx}, {@code holdReason} and updates peak, drawdown, days and exposure.
     * Long and short share the loop: prices are compared after multiplying by the side's
     * sign, and the adverse/favourable extremes are low/high for a long, high/low for a short.
     */
    private void hold(boolean isLong, double[] open, double[] high, double[] low, double[] close, int fill,
                      int last, double stopPx, double tpPx, int timeUpBar, double base, double signedUnits,
                      long[] exitBits, int[] dayEnd, int nDays) {
        double sign = isLong ? 1 : -1;
        double[] adverse = isLong ? low : high;
        double[] favourable = isLong ? high : low;
        double signedStop = sign * stopPx;
        double signedTarget = sign * tpPx;
        boolean levels = !Double.isInfinite(stopPx) || !Double.isInfinite(tpPx);
        double pk = peak;
        double dd = maxDd;
        double floor = pk * (1 - dd);
        int day = d;
        int nextDayEnd = day < nDays ? dayEnd[day] : -1;
        int i = fill;
        while (true) {
            // Without a stop or target the high/low columns are not read at all: the loop is
            // bound by memory bandwidth, not arithmetic.
            if (levels && (sign * adverse[i] <= signedStop || sign * favourable[i] >= signedTarget)) {
                if (sign * adverse[i] <= signedStop) {
                    holdExitPx = isLong ? Math.min(open[i], stopPx) : Math.max(open[i], stopPx);
                    holdReason = ExitReason.STOP_LOSS;
                } else {
                    holdExitPx = isLong ? Math.max(open[i], tpPx) : Math.min(open[i], tpPx);
                    holdReason = ExitReason.TAKE_PROFIT;
                }
                holdExitBar = i;
                break;
            }
            if (i == last) {
                holdExitPx = close[i];
                holdReason = ExitReason.END_OF_DATA;
                holdExitBar = i;
                break;
            }
            double mtm = base + signedUnits * close[i];
            if (mtm <= 0) {
                holdExitPx = close[i];
                holdReason = ExitReason.RUINED;
                holdExitBar = i;
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
                dailyEquity[day++] = mtm;
                nextDayEnd = day < nDays ? dayEnd[day] : -1;
            }
            boolean signal = exitBits != null && (exitBits[i >>> 6] & (1L << i)) != 0;
            if (signal || i >= timeUpBar) {
                holdExitBar = i + 1;
                holdExitPx = open[i + 1];
                holdReason = signal ? ExitReason.SIGNAL : ExitReason.MAX_BARS;
                break;
            }
            i++;
        }
        inMarket += i - fill + 1;
        peak = pk;
        maxDd = dd;
        d = day;
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

    double[] tradeReturns() {
        return tradeReturns;
    }

    int days() {
        return days;
    }

    double[] dailyReturns() {
        return dailyReturns;
    }

    List<Trade> trades(BarSeries bars) {
        List<Trade> list = new ArrayList<>(trades);
        long[] ts = bars.ts();
        for (int j = 0; j < trades; j++) {
            list.add(new Trade(tSide[j] > 0 ? Side.LONG : Side.SHORT, ts[tEntry[j]], tEntryPx[j], ts[tExit[j]],
                    tExitPx[j], tBars[j], tradeReturns[j], REASONS[tReason[j]]));
        }
        return list;
    }

    private void recordTrade(boolean keep, int entryBar, int exitBar, boolean isLong, ExitReason reason,
                             double entryPx, double exitPx, double netReturn) {
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
            boolean atOpen = reason == ExitReason.SIGNAL || reason == ExitReason.MAX_BARS;
            tEntry[trades] = entryBar;
            tExit[trades] = exitBar;
            tBars[trades] = atOpen ? exitBar - entryBar : exitBar - entryBar + 1;
            tSide[trades] = (byte) (isLong ? 1 : -1);
            tReason[trades] = (byte) reason.ordinal();
            tEntryPx[trades] = entryPx;
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

package dev.massbt.datasets.validate;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Prints far from the market around them: a print is an {@link Reason#OUTLIER} when its price
 * lies more than {@code bps} basis points from the median price of the window of up to
 * {@code 2 * half + 1} prints centred on it (the {@code half} before it, itself, the {@code half}
 * after it). The window is centred, so a genuine jump is not an outlier: a print just after it
 * has the new level on its side of the window, and the median moves with the market; a lone
 * print off the tape (a late block, a bad tick) does not move it. Every print that passed the
 * other checks is in the windows, outliers included, so one bad print cannot make its neighbours
 * look bad. A print is decided once {@code half} prints after it are known (or the stream ends):
 * {@link #add} hands back the prints decided so far, in order. Windows of fewer than
 * {@value #MIN_WINDOW} prints decide nothing (accepted). One filter per ordered stream.
 *
 * @param <T> what a print is to the caller (a row, with its line)
 */
public final class OutlierFilter<T> {

    /** The fewest prints a window needs to call one an outlier. */
    public static final int MIN_WINDOW = 5;

    private final double limit;
    private final double bps;
    private final int half;
    private final ArrayDeque<Double> before = new ArrayDeque<>();
    private final ArrayDeque<Entry<T>> pending = new ArrayDeque<>();
    private final double[] window;

    /** What the filter decided about one print: {@code verdict} null when it is accepted. */
    public interface Sink<T> {
        void decided(T print, Verdict verdict);
    }

    private record Entry<T>(T print, double price) {
    }

    public OutlierFilter(double bps, int half) {
        if (!(bps > 0) || half < 1) {
            throw new IllegalArgumentException("outlier limit must be > 0 bps and the half window >= 1, got " + bps
                    + " bps and " + half);
        }
        this.bps = bps;
        this.limit = bps / 10_000.0;
        this.half = half;
        this.window = new double[2 * half + 1];
    }

    /** Adds the next print; the prints decided by it go to {@code out}, in stream order. */
    public void add(T print, double price, Sink<T> out) {
        pending.addLast(new Entry<>(print, price));
        if (pending.size() > half) {
            decideFirst(out);
        }
    }

    /** What the next decisions depend on, as text: the prices before and the prints waiting. */
    public String state() {
        StringBuilder sb = new StringBuilder();
        before.forEach(p -> sb.append(Double.doubleToLongBits(p)).append(','));
        sb.append('|');
        pending.forEach(e -> sb.append(Double.doubleToLongBits(e.price())).append(','));
        return sb.toString();
    }

    /** The stream ended: decides the prints still waiting. */
    public void flush(Sink<T> out) {
        while (!pending.isEmpty()) {
            decideFirst(out);
        }
    }

    private void decideFirst(Sink<T> out) {
        int n = 0;
        for (double p : before) {
            window[n++] = p;
        }
        Iterator<Entry<T>> it = pending.iterator();
        for (int i = 0; i <= half && it.hasNext(); i++) {
            window[n++] = it.next().price();
        }
        Entry<T> e = pending.removeFirst();
        Verdict v = null;
        if (n >= MIN_WINDOW) {
            double median = median(window, n);
            double away = Math.abs(e.price() / median - 1);
            if (away > limit) {
                v = new Verdict(Reason.OUTLIER, "price " + e.price() + " is " + Math.round(away * 10_000) + " bps from "
                        + "the median " + median + " of the " + n + " prints around it (limit " + bps + " bps)");
            }
        }
        before.addLast(e.price());
        if (before.size() > half) {
            before.removeFirst();
        }
        out.decided(e.print(), v);
    }

    private static double median(double[] values, int n) {
        double[] v = Arrays.copyOf(values, n);
        Arrays.sort(v);
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}

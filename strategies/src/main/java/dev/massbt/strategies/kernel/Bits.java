package dev.massbt.strategies.kernel;

/**
 * Signals as bitsets: bit {@code i & 63} of word {@code i >>> 6} is bar i. Comparisons
 * evaluate branch-free over primitive columns, 64 bars a word; a NaN operand (warm-up)
 * gives false because every IEEE comparison with NaN is false.
 */
final class Bits {

    private Bits() {
    }

    static int words(int n) {
        return (n + 63) >>> 6;
    }

    static boolean get(long[] bits, int i) {
        return (bits[i >>> 6] & (1L << i)) != 0;
    }

    /** Bits of {@code a[i] > v}. */
    static void greaterThan(double[] a, double v, int n, long[] out) {
        for (int w = 0, base = 0; base < n; w++, base += 64) {
            int end = Math.min(64, n - base);
            long bits = 0;
            for (int k = 0; k < end; k++) {
                bits |= (a[base + k] > v ? 1L : 0L) << k;
            }
            out[w] = bits;
        }
    }

    /** Bits of {@code a[i] < v}. */
    static void lessThan(double[] a, double v, int n, long[] out) {
        for (int w = 0, base = 0; base < n; w++, base += 64) {
            int end = Math.min(64, n - base);
            long bits = 0;
            for (int k = 0; k < end; k++) {
                bits |= (a[base + k] < v ? 1L : 0L) << k;
            }
            out[w] = bits;
        }
    }

    /** Bits of {@code a[i] > b[i]}; {@code a < b} is {@code greaterThan(b, a)}. */
    static void greaterThan(double[] a, double[] b, int n, long[] out) {
        for (int w = 0, base = 0; base < n; w++, base += 64) {
            int end = Math.min(64, n - base);
            long bits = 0;
            for (int k = 0; k < end; k++) {
                bits |= (a[base + k] > b[base + k] ? 1L : 0L) << k;
            }
            out[w] = bits;
        }
    }

    /**
     * One pass over {@code a} against the constant {@code v} for all three bitsets a pair of
     * operands can need: {@code a > v}, {@code a < v} and "a is a number". Reading the values
     * once instead of three times matters: these loops are bound by memory bandwidth.
     */
    static void compare(double[] a, double v, int n, long[] gt, long[] lt, long[] valid) {
        long vv = v == v ? 1L : 0L;
        for (int w = 0, base = 0; base < n; w++, base += 64) {
            int end = Math.min(64, n - base);
            long g = 0;
            long l = 0;
            long ok = 0;
            for (int k = 0; k < end; k++) {
                double x = a[base + k];
                g |= (x > v ? 1L : 0L) << k;
                l |= (x < v ? 1L : 0L) << k;
                ok |= ((x == x ? 1L : 0L) & vv) << k;
            }
            gt[w] = g;
            lt[w] = l;
            valid[w] = ok;
        }
    }

    /** As {@link #compare(double[], double, int, long[], long[], long[])} against a series. */
    static void compare(double[] a, double[] b, int n, long[] gt, long[] lt, long[] valid) {
        for (int w = 0, base = 0; base < n; w++, base += 64) {
            int end = Math.min(64, n - base);
            long g = 0;
            long l = 0;
            long ok = 0;
            for (int k = 0; k < end; k++) {
                double x = a[base + k];
                double y = b[base + k];
                g |= (x > y ? 1L : 0L) << k;
                l |= (x < y ? 1L : 0L) << k;
                ok |= ((x == x ? 1L : 0L) & (y == y ? 1L : 0L)) << k;
            }
            gt[w] = g;
            lt[w] = l;
            valid[w] = ok;
        }
    }

    /** Bits of "a[i] is a number" (not NaN, i.e. past warm-up). */
    static void valid(double[] a, int n, long[] out) {
        for (int w = 0, base = 0; base < n; w++, base += 64) {
            int end = Math.min(64, n - base);
            long bits = 0;
            for (int k = 0; k < end; k++) {
                double x = a[base + k];
                bits |= (x == x ? 1L : 0L) << k;
            }
            out[w] = bits;
        }
    }

    /** Bits of "a[i] and b[i] are numbers". */
    static void valid(double[] a, double[] b, int n, long[] out) {
        for (int w = 0, base = 0; base < n; w++, base += 64) {
            int end = Math.min(64, n - base);
            long bits = 0;
            for (int k = 0; k < end; k++) {
                double x = a[base + k];
                double y = b[base + k];
                bits |= ((x == x ? 1L : 0L) & (y == y ? 1L : 0L)) << k;
            }
            out[w] = bits;
        }
    }

    /**
     * A cross: {@code now[i]} and, at bar i-1, valid but not {@code prevNow} (for crosses
     * above: a &gt; b now, a &lt;= b before). Bar 0 never crosses.
     */
    static void cross(long[] now, long[] valid, int words, long[] out) {
        long carry = 0;
        for (int w = 0; w < words; w++) {
            long before = valid[w] & ~now[w];
            out[w] = now[w] & ((before << 1) | carry);
            carry = before >>> 63;
        }
    }

    static void and(long[] acc, long[] x, int words) {
        for (int w = 0; w < words; w++) {
            acc[w] &= x[w];
        }
    }

    static void or(long[] acc, long[] x, int words) {
        for (int w = 0; w < words; w++) {
            acc[w] |= x[w];
        }
    }

    /** First set bit in {@code [from, toExclusive)}, or -1. */
    static int nextSet(long[] bits, int from, int toExclusive) {
        if (from >= toExclusive) {
            return -1;
        }
        int w = from >>> 6;
        int lastWord = (toExclusive - 1) >>> 6;
        long word = bits[w] & (-1L << from);
        while (true) {
            if (word != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(word);
                return i < toExclusive ? i : -1;
            }
            if (++w > lastWord) {
                return -1;
            }
            word = bits[w];
        }
    }
}

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

    /** Bits of {@code a[i] >= v}. */
    static void atLeast(double[] a, double v, int n, long[] out) {
        for (int w = 0, base = 0; base < n; w++, base += 64) {
            int end = Math.min(64, n - base);
            long bits = 0;
            for (int k = 0; k < end; k++) {
                bits |= (a[base + k] >= v ? 1L : 0L) << k;
            }
            out[w] = bits;
        }
    }

    /** Bits of {@code a[i] <= v}. */
    static void atMost(double[] a, double v, int n, long[] out) {
        for (int w = 0, base = 0; base < n; w++, base += 64) {
            int end = Math.min(64, n - base);
            long bits = 0;
            for (int k = 0; k < end; k++) {
                bits |= (a[base + k] <= v ? 1L : 0L) << k;
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

    /** Bits of {@code a[i] >= b[i]}; {@code a <= b} is {@code atLeast(b, a)}. */
    static void atLeast(double[] a, double[] b, int n, long[] out) {
        for (int w = 0, base = 0; base < n; w++, base += 64) {
            int end = Math.min(64, n - base);
            long bits = 0;
            for (int k = 0; k < end; k++) {
                bits |= (a[base + k] >= b[base + k] ? 1L : 0L) << k;
            }
            out[w] = bits;
        }
    }

    /**
     * A cross: {@code now[i] & before[i-1]}, where {@code now} holds the strict comparison at
     * bar i and {@code before} the opposite non-strict one. Bar 0 never crosses. Writes into
     * {@code now}.
     */
    static void crossInto(long[] now, long[] before, int words) {
        long carry = 0;
        for (int w = 0; w < words; w++) {
            long prev = before[w];
            now[w] &= (prev << 1) | carry;
            carry = prev >>> 63;
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

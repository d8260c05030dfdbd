package dev.massbt.strategies.indicator;

/**
 * Indices of a sliding window kept so that their values are monotonic, which puts the
 * window's maximum (or minimum) at the front: O(1) amortized per bar instead of rescanning
 * the window. A ring buffer of {@code int} indices, allocated once per indicator call.
 *
 * <p>Among equal values the newest index is kept, so an extreme stays in the window as long
 * as possible. Inputs are expected to be finite; a NaN is never removed by a comparison.
 */
final class MonotonicDeque {

    private final int[] indices;
    private final boolean max;
    private int head;
    private int size;

    private MonotonicDeque(int capacity, boolean max) {
        this.indices = new int[capacity];
        this.max = max;
    }

    /** A deque whose front is the maximum of at most {@code capacity} indices. */
    static MonotonicDeque forMax(int capacity) {
        return new MonotonicDeque(capacity, true);
    }

    /** A deque whose front is the minimum of at most {@code capacity} indices. */
    static MonotonicDeque forMin(int capacity) {
        return new MonotonicDeque(capacity, false);
    }

    /** Adds index {@code i} (increasing from call to call), dropping the indices it dominates. */
    void push(double[] x, int i) {
        double v = x[i];
        while (size > 0) {
            double back = x[indices[slot(size - 1)]];
            if (max ? back <= v : back >= v) {
                size--;
            } else {
                break;
            }
        }
        indices[slot(size)] = i;
        size++;
    }

    /** Removes the indices smaller than {@code first}: they have left the window. */
    void dropBefore(int first) {
        while (size > 0 && indices[head] < first) {
            head = head + 1 == indices.length ? 0 : head + 1;
            size--;
        }
    }

    /** The index of the window's extreme value; the deque must not be empty. */
    int front() {
        return indices[head];
    }

    private int slot(int offset) {
        int s = head + offset;
        return s >= indices.length ? s - indices.length : s;
    }
}

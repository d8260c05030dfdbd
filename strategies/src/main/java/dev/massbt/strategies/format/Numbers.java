package dev.massbt.strategies.format;

/** Number text as users and the canonical form see it: {@code 14}, not {@code 14.0}. */
final class Numbers {

    private Numbers() {
    }

    static String text(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}

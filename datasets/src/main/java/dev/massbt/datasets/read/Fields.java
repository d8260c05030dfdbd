package dev.massbt.datasets.read;

import dev.massbt.datasets.validate.Reason;

/** Splitting a line into fields and parsing them; errors become {@link RowRejected}. */
final class Fields {

    private Fields() {
    }

    /**
     * Splits {@code line} at {@code delimiter} into {@code out} and returns the number of fields
     * in the line (which may exceed {@code out.length}: the extra ones are not stored).
     */
    static int split(String line, char delimiter, String[] out) {
        int n = 0;
        int start = 0;
        int len = line.length();
        for (int i = 0; i < len; i++) {
            if (line.charAt(i) == delimiter) {
                if (n < out.length) {
                    out[n] = line.substring(start, i);
                }
                n++;
                start = i + 1;
            }
        }
        if (n < out.length) {
            out[n] = line.substring(start);
        }
        return n + 1;
    }

    static int count(String line, char delimiter) {
        int n = 1;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == delimiter) {
                n++;
            }
        }
        return n;
    }

    static double parseDouble(String text, String field) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new RowRejected(Reason.UNPARSABLE, field + " '" + clip(text) + "' is not a number");
        }
    }

    static long parseLong(String text, String field) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new RowRejected(Reason.UNPARSABLE, field + " '" + clip(text) + "' is not an integer");
        }
    }

    static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static String clip(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}

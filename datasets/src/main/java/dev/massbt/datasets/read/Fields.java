package dev.massbt.datasets.read;

import dev.massbt.datasets.validate.Reason;
import dev.massbt.datasets.validate.SymbolName;

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

    /** Whether none of the first {@code n} fields is a number: a header line. */
    static boolean noNumber(String[] fields, int n) {
        for (int i = 0; i < Math.min(n, fields.length); i++) {
            if (isNumber(fields[i].strip())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The delimiter of a header: {@code given}, unless the header does not split on it at all but
     * does on {@code ; tab |} (a semicolon or tab file read with the default comma).
     */
    static char headerDelimiter(String header, char given) {
        if (header.indexOf(given) >= 0) {
            return given;
        }
        for (char d : new char[] {';', '\t', '|', ','}) {
            if (header.indexOf(d) >= 0) {
                return d;
            }
        }
        return given;
    }

    /** Every field of {@code line}. */
    static String[] splitAll(String line, char delimiter) {
        String[] out = new String[count(line, delimiter)];
        split(line, delimiter, out);
        return out;
    }

    static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A row's symbol, upper-cased; {@link RowRejected} when it is not a valid one ({@link SymbolName}). */
    static String symbol(String text) {
        String s = text.strip().toUpperCase(java.util.Locale.ROOT);
        if (!SymbolName.valid(s)) {
            throw new RowRejected(Reason.UNPARSABLE, "symbol '" + clip(text) + "' is not a symbol (letters, digits, "
                    + "'.', '_' or '-', up to 32)");
        }
        return s;
    }

    static String clip(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}

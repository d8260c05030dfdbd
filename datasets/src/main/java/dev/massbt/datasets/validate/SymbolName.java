package dev.massbt.datasets.validate;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a symbol may be called: upper-case letters, digits, {@code . _ -}, up to 32 characters,
 * starting with a letter or digit ({@code EURUSD}, {@code BTC-USD}, {@code BRK.B}). The one
 * definition of the grammar: ingest validates with it and the Airflow DAGs' copy is held equal by
 * a test.
 */
public final class SymbolName {

    /** The symbol grammar, as a regular expression (Java and Python read it alike). */
    public static final String PATTERN = "[A-Z0-9][A-Z0-9._-]{0,31}";

    private static final Pattern VALID = Pattern.compile(PATTERN);

    private SymbolName() {
    }

    /** Extensions a data file's name may end with, dropped to find its symbol (several: {@code .csv.gz}). */
    private static final List<String> EXTENSIONS = List.of(".csv", ".txt", ".tsv", ".dat", ".prn", ".gz", ".zip");

    public static boolean valid(String symbol) {
        return symbol != null && VALID.matcher(symbol).matches();
    }

    /**
     * The symbol a file name stands for: the name without its data and compression extensions
     * ({@code .csv .txt .tsv .dat .prn .gz .zip}, repeatedly), in upper case: {@code aapl.us.txt}
     * is {@code AAPL.US}, {@code BRK-B.csv.gz} is {@code BRK-B}. Empty when that is not a valid symbol.
     */
    public static Optional<String> fromFileName(String fileName) {
        String s = fileName;
        boolean dropped = true;
        while (dropped) {
            dropped = false;
            String lower = s.toLowerCase(Locale.ROOT);
            for (String e : EXTENSIONS) {
                if (lower.endsWith(e) && lower.length() > e.length()) {
                    s = s.substring(0, s.length() - e.length());
                    dropped = true;
                    break;
                }
            }
        }
        String symbol = s.toUpperCase(Locale.ROOT);
        return valid(symbol) ? Optional.of(symbol) : Optional.empty();
    }
}

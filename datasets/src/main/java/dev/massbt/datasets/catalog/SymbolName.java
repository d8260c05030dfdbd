package dev.massbt.datasets.catalog;

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

    public static boolean valid(String symbol) {
        return symbol != null && VALID.matcher(symbol).matches();
    }
}

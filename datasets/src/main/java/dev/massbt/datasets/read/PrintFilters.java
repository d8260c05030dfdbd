package dev.massbt.datasets.read;

import java.io.Serializable;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which prints of a headered trades file go to the quarantine for what the source says of
 * them, before any other check: a print its {@code suspicious} column flags (true/1/yes), unless
 * {@code keepSuspicious}; a print with a sale condition in {@code excludedConditions} (the
 * {@code condition} column may hold several codes separated by spaces, {@code ;}, {@code |} or
 * {@code /}; codes compare case-insensitively). Files without those columns are not affected.
 *
 * @param keepSuspicious     keep flagged prints
 * @param excludedConditions condition codes whose prints are quarantined, upper case
 */
public record PrintFilters(boolean keepSuspicious, Set<String> excludedConditions) implements Serializable {

    /** Between the codes of one condition field; compiled once, not per print. */
    private static final Pattern CODE_SEPARATORS = Pattern.compile("[\\s;|/]+");

    /** Flagged prints quarantined, no condition excluded. */
    public static final PrintFilters DEFAULT = new PrintFilters(false, Set.of());

    public PrintFilters {
        TreeSet<String> codes = new TreeSet<>();
        for (String c : excludedConditions) {
            String code = c.strip().toUpperCase(Locale.ROOT);
            if (code.isEmpty()) {
                throw new IllegalArgumentException("an excluded condition code is empty");
            }
            codes.add(code);
        }
        excludedConditions = Set.copyOf(codes);
    }

    public PrintFilters keepingSuspicious() {
        return new PrintFilters(true, excludedConditions);
    }

    public PrintFilters excluding(Set<String> conditions) {
        return new PrintFilters(keepSuspicious, conditions);
    }

    /** The excluded code among {@code field}'s codes, or null. */
    String excluded(String field) {
        if (excludedConditions.isEmpty()) {
            return null;
        }
        for (String code : CODE_SEPARATORS.split(field.toUpperCase(Locale.ROOT))) {
            if (!code.isEmpty() && excludedConditions.contains(code)) {
                return code;
            }
        }
        return null;
    }

    /** Whether a suspicious-flag field says the print is flagged. */
    static boolean flagged(String field) {
        return switch (field.strip().toLowerCase(Locale.ROOT)) {
            case "true", "t", "1", "y", "yes" -> true;
            default -> false;
        };
    }
}

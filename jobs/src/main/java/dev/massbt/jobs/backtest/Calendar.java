package dev.massbt.jobs.backtest;

import dev.massbt.jobs.error.JobErrors;
import dev.massbt.strategies.metrics.MetricsConfig;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * How a run annualises its metrics: a fixed number of return periods (days with bars) per year,
 * such as 252 or 365, or {@link #AUTO}: the number the data shows, so that a Sharpe ratio is
 * annualised by the returns that actually occur. For each symbol, the UTC days that have bars
 * times 365.25 over the calendar days its range spans; the mean over the symbols, rounded, in
 * 1..366. FX one-minute data gives ~313 (trading Sunday evening to Friday), a US equity ~252,
 * crypto 365.
 *
 * @param fixed periods per year, or 0 for {@link #AUTO}
 */
public record Calendar(int fixed) implements Serializable {

    public static final Calendar AUTO = new Calendar(0);

    private static final double DAYS_PER_YEAR = 365.25;
    private static final long DAY_MILLIS = 86_400_000L;

    public Calendar {
        if (fixed < 0 || fixed > 366) {
            throw JobErrors.option("--calendar must be auto or 1..366 periods per year, got " + fixed);
        }
    }

    /** {@code auto}, or a number of periods per year such as {@code 252}. */
    public static Calendar parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("auto")) {
            return AUTO;
        }
        try {
            int n = Integer.parseInt(t);
            if (n < 1) {
                throw JobErrors.option("--calendar must be auto or 1..366 periods per year, got " + text);
            }
            return new Calendar(n);
        } catch (NumberFormatException e) {
            throw JobErrors.option("--calendar '" + text + "' is not auto or a number of periods per year such as "
                    + "252 (equities) or 365 (crypto)");
        }
    }

    public boolean auto() {
        return fixed == 0;
    }

    /** The periods per year for bars of {@code ranges}. */
    public int periodsPerYear(List<SymbolRange> ranges) {
        if (!auto()) {
            return fixed;
        }
        double sum = 0;
        for (SymbolRange r : ranges) {
            long first = Math.floorDiv(r.fromMillis(), DAY_MILLIS);
            long last = Math.floorDiv(r.toMillis() - 1, DAY_MILLIS);
            sum += r.days() * DAYS_PER_YEAR / (last - first + 1);
        }
        long n = Math.round(sum / ranges.size());
        return (int) Math.max(1, Math.min(366, n));
    }

    /** {@code metrics} annualised by this calendar over {@code ranges}. */
    public MetricsConfig apply(MetricsConfig metrics, List<SymbolRange> ranges) {
        return new MetricsConfig(periodsPerYear(ranges), metrics.riskFreeRate());
    }
}

package dev.massbt.jobs.cli;

import dev.massbt.jobs.backtest.Calendar;
import dev.massbt.jobs.backtest.Split;
import dev.massbt.jobs.error.JobErrors;
import dev.massbt.strategies.kernel.CostModel;
import dev.massbt.strategies.metrics.MetricsConfig;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import picocli.CommandLine.Option;

/** What every backtesting command asks the same way: symbols, dates, split, costs, calendar, chunking. */
final class MarketOptions {

    @Option(names = "--symbols", paramLabel = "SYM", split = ",", required = true,
            description = "Symbols of the bars table, comma-separated.")
    List<String> symbols;

    @Option(names = "--from", paramLabel = "yyyy-MM-dd", description = "First day (UTC), inclusive.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "yyyy-MM-dd", description = "Last day (UTC), inclusive.")
    LocalDate to;

    @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "0.7", description = "Out-of-sample split: a "
            + "fraction of each symbol's range in-sample (0.7), a date (out-of-sample from it), or none. Default "
            + "${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--commission-bps", paramLabel = "BPS", defaultValue = "0", description = "Commission per fill, "
            + "basis points (default ${DEFAULT-VALUE}).")
    double commissionBps;

    @Option(names = "--slippage-bps", paramLabel = "BPS", defaultValue = "0", description = "Slippage per fill, "
            + "basis points (default ${DEFAULT-VALUE}).")
    double slippageBps;

    @Option(names = "--calendar", paramLabel = "auto|N", defaultValue = "auto", description = "Return periods (days "
            + "with bars) per year for annualising: auto (default) counts them in the data (~252 for equities, ~313 "
            + "for FX, 365 for crypto), or give 252, 365, ...; the value used is stored in runs and results.")
    String calendar;

    @Option(names = "--chunk-size", paramLabel = "N", defaultValue = "0", description = "Strategies per task "
            + "(default: chosen from the core count).")
    int chunkSize;

    Instant fromInstant() {
        return from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The day after --to at midnight UTC: the exclusive end. */
    Instant toInstant() {
        return to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Parses every option into its value, so that a bad one is refused before Spark starts. */
    void check() {
        split();
        costs();
        calendar();
        if (chunkSize < 0) {
            throw JobErrors.option("--chunk-size must be >= 0, got " + chunkSize);
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw JobErrors.option("--to " + to + " is before --from " + from + ": give a range that ends after it "
                    + "starts (both days are included).");
        }
    }

    Split split() {
        return Split.parse(split);
    }

    CostModel costs() {
        try {
            return new CostModel(commissionBps, slippageBps);
        } catch (IllegalArgumentException e) {
            throw JobErrors.option("--commission-bps / --slippage-bps", e);
        }
    }

    /** Metrics before annualising: {@link #calendar()} sets the periods per year from the bars. */
    MetricsConfig metrics() {
        return MetricsConfig.crypto();
    }

    Calendar calendar() {
        return Calendar.parse(calendar);
    }
}

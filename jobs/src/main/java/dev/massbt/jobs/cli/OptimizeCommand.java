package dev.massbt.jobs.cli;

import dev.massbt.datasets.run.RunId;
import dev.massbt.datasets.validate.Reason;
import dev.massbt.jobs.backtest.Split;
import dev.massbt.jobs.error.JobErrors;
import dev.massbt.jobs.optimize.OptimizeAction;
import dev.massbt.jobs.optimize.OptimizeResult;
import dev.massbt.jobs.tables.RunWrites;
import dev.massbt.strategies.generate.GridExpansion;
import dev.massbt.strategies.generate.GridTemplate;
import dev.massbt.strategies.metrics.Metric;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code massbt optimize}: a grid template's parameter sets as one backtest, the best printed, the grid written. */
@Command(name = "optimize", mixinStandardHelpOptions = true,
        description = "Grid optimisation: expand a strategy template with parameter ranges (e.g. fast 5..19 x slow "
                + "20..49 = 450 combinations) into strategies, backtest them as one run, write the grid table "
                + "(parameters per strategy, for heat maps) and print the best parameter sets by a metric on the "
                + "in-sample segment with the out-of-sample figures beside. Combinations that break a constraint or "
                + "make an invalid strategy are skipped and counted.")
final class OptimizeCommand extends RecordedCommand {

    @Mixin
    MarketOptions market;

    @Option(names = "--template", paramLabel = "FILE", required = true, description = "The template: a strategy "
            + "JSON whose numbers may be placeholders \"${fast}\", plus \"grid\" and optional \"constraints\" "
            + "(see README, Grid optimisation).")
    Path templateFile;





    @Option(names = "--metric", paramLabel = "METRIC", defaultValue = "sharpe",
            completionCandidates = MetricNames.Rankable.class, description = "The metric to maximise: "
            + "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    String metric;

    @Option(names = "--min-trades", paramLabel = "N", defaultValue = "1", description = "Rank only parameter sets "
            + "with at least N in-sample trades (default ${DEFAULT-VALUE}).")
    long minTrades;

    @Option(names = "--show", paramLabel = "N", defaultValue = "10", description = "Print the best N parameter sets "
            + "and keep their trades and equity (default ${DEFAULT-VALUE}).")
    int show;





    private GridTemplate template;
    private Split parsedSplit;

    /** Reads the template and checks the options before Spark starts: a bad template costs no session and no run. */
    @Override
    void check() {
        if (Metric.byColumn(metric).filter(Metric::rankable).isEmpty()) {
            throw JobErrors.option("--metric '" + metric + "' is not a metric to maximise; use one of "
                    + Metric.columns(Metric.rankableMetrics()) + ".");
        }
        if (minTrades < 0 || show < 1) {
            throw JobErrors.option("--min-trades must be >= 0 and --show >= 1, got " + minTrades + " and " + show
                    + ".");
        }
        market.check();
        parsedSplit = market.split();
        template = read(templateFile);
    }

    static GridTemplate read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw JobErrors.noTemplateFile(file);
        }
        try {
            return GridTemplate.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the template " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    Outcome run(SparkSession spark, RunWrites writes, RunId run) {
        OptimizeResult r = OptimizeAction.on(spark, writes, run).template(template).symbols(market.symbols)
                .range(market.fromInstant(), market.toInstant())
                .split(parsedSplit).chunkSize(market.chunkSize).costs(market.costs())
                .metrics(market.metrics()).calendar(market.calendar()).metric(metric.toLowerCase(Locale.ROOT))
                .minTrades(minTrades).show(show).execute();
        out(r.report().stripTrailing());
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("combinations", (long) r.combinations());
        counts.put("evaluated", (long) r.evaluated());
        counts.put("skipped", (long) r.skippedCount());
        for (GridExpansion.Reason reason : GridExpansion.Reason.values()) {
            counts.put("skipped_" + reason.name().toLowerCase(Locale.ROOT), r.skipped().stream()
                    .filter(s -> s.reason() == reason).mapToLong(GridExpansion.Skipped::count).sum());
        }
        counts.put("ranked", r.ranked());
        counts.put("symbols", (long) r.backtest().symbols().size());
        counts.put("result_rows", r.backtest().resultRows());
        counts.put("trade_rows", r.backtest().tradeRows());
        counts.put("strategy_bars", r.backtest().strategyBars());
        counts.put("eval_ms", r.backtest().evalMillis());
        counts.put("periods_per_year", (long) r.backtest().periodsPerYear());
        return new Outcome(r.inputVersions(), r.outputVersions(), counts);
    }
}

package dev.massbt.datasets.read;

import dev.massbt.datasets.error.DataFileException;
import dev.massbt.datasets.validate.Observation;
import dev.massbt.datasets.validate.Quarantine;
import dev.massbt.datasets.validate.TradeValidator;
import dev.massbt.datasets.validate.ValidationRules;
import dev.massbt.datasets.validate.Verdict;
import java.nio.file.Path;
import dev.massbt.datasets.validate.OutlierFilter;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Streams the accepted trades of one file, in file order; every other row goes to the
 * quarantine with its reason. Use in try-with-resources:
 *
 * <pre>{@code
 * try (TradeReader trades = TradeReader.open(path, TradeFormat.BITSTAMP, ValidationRules.DEFAULT, quarantine)) {
 *     while (trades.hasNext()) { TradeRow t = trades.next(); ... }
 *     IngestReport report = trades.report();
 * }
 * }</pre>
 *
 * @throws DataFileException (from {@code open}, {@code hasNext}) when the file as a whole cannot be read
 */
public final class TradeReader extends RowReader<TradeRow> {

    private final ValidationRules rules;
    private final TradeValidator validator;
    /** One validator per symbol for a file with a symbol column: each symbol's trades are in time order. */
    private final Map<String, TradeValidator> bySymbol = new HashMap<>();

    /** Outlier filters, one per symbol (the file's under ""), when the rules ask for one. */
    private final Map<String, OutlierFilter<Held>> outliers = new HashMap<>();
    private final ArrayDeque<TradeRow> ready = new ArrayDeque<>();
    private boolean flushed;

    /** A row the outlier filter holds, with its text for the quarantine. */
    private record Held(TradeRow row, String raw) {
    }

    private TradeReader(Path file, TradeFormat format, ValidationRules rules, Quarantine quarantine, LineWindow window) {
        super(file, format, quarantine, window);
        this.rules = rules;
        this.validator = new TradeValidator(rules);
    }

    @Override
    public boolean hasNext() {
        if (rules.outlierBps() == 0) {
            return super.hasNext();
        }
        while (ready.isEmpty()) {
            if (super.hasNext()) {
                TradeRow t = super.next();
                String key = t.symbol() == null ? "" : t.symbol();
                outliers.computeIfAbsent(key, k -> new OutlierFilter<>(rules.outlierBps(),
                        ValidationRules.OUTLIER_WINDOW / 2)).add(new Held(t, lastRaw()), t.price(), this::decided);
            } else if (!flushed) {
                flushed = true;
                outliers.values().forEach(f -> f.flush(this::decided));
            } else {
                return false;
            }
        }
        return true;
    }

    @Override
    public TradeRow next() {
        if (rules.outlierBps() == 0) {
            return super.next();
        }
        if (!hasNext()) {
            throw new NoSuchElementException("no more rows in " + source());
        }
        return ready.poll();
    }

    private void decided(Held h, Verdict v) {
        if (v == null) {
            ready.add(h.row());
        } else {
            unaccept(h.row().line(), h.raw(), v.reason(), v.message());
        }
    }

    public static TradeReader open(Path file, TradeFormat format, ValidationRules rules, Quarantine quarantine) {
        return new TradeReader(file, format, rules, quarantine, LineWindow.WHOLE);
    }

    /**
     * The trades of one piece of a large plain file ({@link LineWindow}): only the owned lines are
     * returned, counted and quarantined, except that reading may go on past the window (the rows
     * after it are returned, for the caller to finish its last bar, and must not be emitted).
     * Files whose rows name their symbol are read whole.
     */
    public static TradeReader open(Path file, TradeFormat format, ValidationRules rules, Quarantine quarantine,
                                   LineWindow window) {
        return new TradeReader(file, format, rules, quarantine, window);
    }

    /**
     * What reading the next line depends on (validator, time parser, outlier window), as text;
     * with {@link #onWindowEdge} the reader of a piece compares it with its neighbour's.
     */
    public String state() {
        OutlierFilter<Held> f = outliers.get("");
        return validator.state() + ";" + layout().state() + ";" + (f == null ? "" : f.state());
    }

    @Override
    TradeRow parse(RowFormat file, String source, long line, String[] fields, int n) {
        return ((TradeFormat) file).parse(source, line, fields, n);
    }

    @Override
    Verdict check(TradeRow t, boolean counted) {
        TradeValidator v = t.symbol() == null ? validator : bySymbol.computeIfAbsent(t.symbol(),
                s -> new TradeValidator(rules));
        return v.check(t.tsMicros(), t.price(), t.size(), t.tradeId(), counted);
    }

    @Override
    Map<Observation, Long> observations() {
        Map<Observation, Long> all = new EnumMap<>(validator.observations());
        bySymbol.values().forEach(v -> v.observations().forEach((k, n) -> all.merge(k, n, Long::sum)));
        return all;
    }
}

package dev.massbt.datasets.read;

import dev.massbt.datasets.error.DataFileException;
import dev.massbt.datasets.validate.BarValidator;
import dev.massbt.datasets.validate.Observation;
import dev.massbt.datasets.validate.Quarantine;
import dev.massbt.datasets.validate.Verdict;
import dev.massbt.strategies.bars.BarSeries;
import dev.massbt.strategies.timeframe.Timeframe;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Streams the accepted bars of one file, in file order; every other row goes to the quarantine
 * with its reason. The timeframe is the bars' duration, used to observe gaps.
 *
 * @throws DataFileException (from {@code open}, {@code hasNext}) when the file as a whole cannot be read
 */
public final class BarReader extends RowReader<BarRow> {

    private final long intervalMillis;
    private final BarValidator validator;
    /** One validator per symbol for a file with a symbol column: each symbol's bars are in time order. */
    private final Map<String, BarValidator> bySymbol = new HashMap<>();

    private BarReader(Path file, BarFormat format, Timeframe timeframe, Quarantine quarantine) {
        super(file, format, quarantine);
        this.intervalMillis = timeframe.millis();
        this.validator = new BarValidator(intervalMillis);
    }

    public static BarReader open(Path file, BarFormat format, Timeframe timeframe, Quarantine quarantine) {
        return new BarReader(file, format, timeframe, quarantine);
    }

    @Override
    BarRow parse(RowFormat file, String source, long line, String[] fields, int n) {
        return ((BarFormat) file).parse(source, line, fields, n);
    }

    @Override
    Verdict check(BarRow b, boolean counted) { // bar files are read whole: always counted
        BarValidator v = b.symbol() == null ? validator : bySymbol.computeIfAbsent(b.symbol(),
                s -> new BarValidator(intervalMillis));
        return v.check(b.tsMillis(), b.open(), b.high(), b.low(), b.close(), b.volume());
    }

    @Override
    Map<Observation, Long> observations() {
        Map<Observation, Long> all = new EnumMap<>(validator.observations());
        bySymbol.values().forEach(v -> v.observations().forEach((k, n) -> all.merge(k, n, Long::sum)));
        return all;
    }

    /** Collects every row of {@code rows} (consumed) into bars; their ts must be aligned and increasing. */
    public static BarSeries collect(Iterator<BarRow> rows, Timeframe timeframe) {
        BarSeries.Builder b = BarSeries.builder(timeframe, 1024);
        while (rows.hasNext()) {
            BarRow r = rows.next();
            b.add(r.tsMillis(), r.open(), r.high(), r.low(), r.close(), r.volume());
        }
        return b.build();
    }
}

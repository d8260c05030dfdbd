package dev.massbt.datasets.read;

import dev.massbt.datasets.error.DataFileException;
import dev.massbt.datasets.validate.BarValidator;
import dev.massbt.datasets.validate.Observation;
import dev.massbt.datasets.validate.Quarantine;
import dev.massbt.datasets.validate.Verdict;
import dev.massbt.strategies.bars.BarSeries;
import dev.massbt.strategies.timeframe.Timeframe;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Streams the accepted bars of one file, in file order; every other row goes to the quarantine
 * with its reason. The timeframe is the bars' duration, used to observe gaps.
 *
 * @throws DataFileException (from {@code open}, {@code hasNext}) when the file as a whole cannot be read
 */
public final class BarReader extends RowReader<BarRow> {

    private final BarValidator validator;

    private BarReader(Path file, BarFormat format, Timeframe timeframe, Quarantine quarantine) {
        super(file, format, quarantine);
        this.validator = new BarValidator(timeframe.millis());
    }

    public static BarReader open(Path file, BarFormat format, Timeframe timeframe, Quarantine quarantine) {
        return new BarReader(file, format, timeframe, quarantine);
    }

    @Override
    BarRow parse(RowFormat file, String source, long line, String[] fields, int n) {
        return ((BarFormat) file).parse(source, line, fields, n);
    }

    @Override
    Verdict check(BarRow b) {
        return validator.check(b.tsMillis(), b.open(), b.high(), b.low(), b.close(), b.volume());
    }

    @Override
    Map<Observation, Long> observations() {
        return validator.observations();
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

package dev.massbt.datasets.ingest;

import dev.massbt.datasets.read.BarFormat;
import dev.massbt.datasets.read.RowFormat;
import dev.massbt.datasets.read.TradeFormat;
import dev.massbt.datasets.validate.ValidationRules;
import dev.massbt.strategies.timeframe.Timeframe;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/**
 * What an executor needs to parse files: travels inside {@link ParseFiles} to every task.
 *
 * @param symbols          the symbol of each input location: every row of a file belongs to it
 * @param format           a {@link TradeFormat} (ticks, and bars aggregated from them) or a {@link BarFormat}
 * @param timeframe        the bars' timeframe: of the bar files, or the one trades are aggregated to
 * @param rules            trade validation rules
 * @param runId            the ingest run, recorded with rejected rows
 * @param ingestedAtMicros the run's start, epoch microseconds
 */
record ParseSpec(Map<String, String> symbols, RowFormat format, Timeframe timeframe, ValidationRules rules, String runId,
                 long ingestedAtMicros) implements Serializable {

    ParseSpec {
        symbols = Map.copyOf(symbols);
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(runId, "runId");
        if (!(format instanceof TradeFormat) && !(format instanceof BarFormat)) {
            throw new IllegalArgumentException("format must be a TradeFormat or a BarFormat, got " + format.name());
        }
    }

    /** The symbol of a file whose rows name their own ({@link RowFormat#symbolsInRows()}); its rejected rows carry it. */
    static final String IN_ROWS = "*";

    /** The symbol of the file at {@code location}, or {@link #IN_ROWS}. */
    String symbol(String location) {
        String s = symbols.get(location);
        if (s == null) {
            throw new IllegalStateException("no symbol for input " + location + ": this is a bug in massbt");
        }
        return s;
    }

    boolean trades() {
        return format instanceof TradeFormat;
    }
}

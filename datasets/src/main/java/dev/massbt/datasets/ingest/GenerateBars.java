package dev.massbt.datasets.ingest;

import dev.massbt.datasets.catalog.DatasetRef;
import dev.massbt.datasets.synthetic.SyntheticMarket;
import dev.massbt.datasets.table.PartitionValues;
import dev.massbt.strategies.bars.BarSeries;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Runs in a Spark task: generates the one-minute bars of the symbols of its partition and
 * emits them as rows of the {@code bars} table, one at a time. Lineage: source is the
 * dataset's name, line the bar's 1-based index in its symbol's series. A symbol's bars depend
 * only on (seed, symbol), so any task anywhere produces the same rows.
 */
final class GenerateBars implements FlatMapFunction<Iterator<String>, Row> {

    private static final long serialVersionUID = 1L;

    private final DatasetRef.Synthetic dataset;
    private final LocalDate start;

    GenerateBars(DatasetRef.Synthetic dataset, LocalDate start) {
        this.dataset = dataset;
        this.start = start;
    }

    @Override
    public Iterator<Row> call(Iterator<String> symbols) {
        SyntheticMarket market = SyntheticMarket.of(dataset.symbolNames(), start, dataset.days(), dataset.seed());
        String source = dataset.name();
        return new Iterator<>() {
            private String symbol;
            private BarSeries bars;
            private int next;

            @Override
            public boolean hasNext() {
                while (bars == null || next >= bars.size()) {
                    if (!symbols.hasNext()) {
                        return false;
                    }
                    symbol = symbols.next();
                    bars = market.bars(symbol);
                    next = 0;
                }
                return true;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int i = next++;
                long ts = bars.ts()[i];
                return RowFactory.create(symbol, bars.timeframe().label(), Instant.ofEpochMilli(ts), bars.open()[i],
                        bars.high()[i], bars.low()[i], bars.close()[i], bars.volume()[i], null, null, null, null,
                        PartitionValues.monthOfMillis(ts), source, (long) i + 1);
            }
        };
    }
}

package dev.massbt.jobs.backtest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * A returns row (run_id, strategy_id, symbol, segment, first_day, day_offsets, returns) to its
 * {@code equity} rows: daily equity compounded from 1.0 and drawdown from the running peak.
 */
public final class EquityCurve implements FlatMapFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<Row> call(Row r) {
        return rows(r.getString(0), r.getString(1), r.getString(2), r.getString(3), localDate(r.get(4)),
                r.getList(5), r.getList(6)).iterator();
    }

    /** Spark hands dates out as java.sql.Date, or as LocalDate with its java8API setting on. */
    static LocalDate localDate(Object value) {
        return value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
    }

    static List<Row> rows(String run, String id, String symbol, String segment, LocalDate firstDay,
                          List<Integer> offsets, List<Double> returns) {
        List<Row> out = new ArrayList<>(returns.size());
        double equity = 1.0;
        double peak = 1.0;
        for (int i = 0; i < returns.size(); i++) {
            equity *= 1 + returns.get(i);
            peak = Math.max(peak, equity);
            out.add(RowFactory.create(run, id, symbol, segment, firstDay.plusDays(offsets.get(i)), equity,
                    equity / peak - 1));
        }
        return out;
    }
}

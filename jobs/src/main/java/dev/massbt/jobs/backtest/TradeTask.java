package dev.massbt.jobs.backtest;

import dev.massbt.jobs.tables.RunTable;
import dev.massbt.strategies.bars.BarSeries;
import dev.massbt.strategies.kernel.Detail;
import dev.massbt.strategies.kernel.StrategyResult;
import dev.massbt.strategies.kernel.Trade;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/** Backtest tasks that give the {@code trades} rows of every trade of their strategies. */
public final class TradeTask extends ChunkTask {

    private static final long serialVersionUID = 1L;

    /** The trades table's schema. */
    public static final StructType ROW = RunTable.TRADES.schema();

    public TradeTask(BacktestSpec spec, Broadcast<StrategySet> strategies) {
        super(spec, strategies);
    }

    @Override
    List<Row> rows(TaskSpec task, BarSeries bars) {
        Chunk chunk = run(task, bars, EnumSet.of(Detail.TRADES));
        List<Row> rows = new ArrayList<>();
        for (StrategyResult r : chunk.result().results()) {
            String id = chunk.strategyId(r.strategyIndex());
            for (Trade t : r.trades()) {
                rows.add(RowFactory.create(spec.runId(), id, chunk.symbol(), r.segment().name(),
                        t.side().name().toLowerCase(Locale.ROOT), Instant.ofEpochMilli(t.entryTs()), t.entryPrice(),
                        Instant.ofEpochMilli(t.exitTs()), t.exitPrice(), t.bars(), t.netReturn(),
                        t.reason().name().toLowerCase(Locale.ROOT)));
            }
        }
        return rows;
    }
}

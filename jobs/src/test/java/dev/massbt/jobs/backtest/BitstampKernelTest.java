package dev.massbt.jobs.backtest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.massbt.datasets.SharedSpark;
import dev.massbt.datasets.catalog.DatasetRef;
import dev.massbt.datasets.table.BarsQuery;
import dev.massbt.datasets.table.DriverBars;
import dev.massbt.datasets.table.Table;
import dev.massbt.datasets.table.Warehouse;
import dev.massbt.jobs.Main;
import dev.massbt.jobs.tables.RunTable;
import dev.massbt.strategies.bars.BarSeries;
import dev.massbt.strategies.format.Strategy;
import dev.massbt.strategies.format.StrategyId;
import dev.massbt.strategies.format.StrategyJson;
import dev.massbt.strategies.kernel.ChunkResult;
import dev.massbt.strategies.kernel.CostModel;
import dev.massbt.strategies.kernel.Detail;
import dev.massbt.strategies.kernel.Kernel;
import dev.massbt.strategies.kernel.Segment;
import dev.massbt.strategies.kernel.StrategyResult;
import dev.massbt.strategies.kernel.Trade;
import dev.massbt.strategies.metrics.Metrics;
import dev.massbt.strategies.metrics.MetricsConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * A known SMA crossover on the real Bitstamp trades, backtested through the whole command line
 * (ingest, backtest --json, tables), gives exactly what the strategies/ kernel gives when run
 * directly on the same bars read independently (Spark SQL on the driver, not the executor's
 * Delta Kernel reader).
 */
class BitstampKernelTest {

    private static final String SMA_CROSS = """
            {"name": "sma 10/30 cross", "version": 1, "timeframes": {"primary": "1m"},
             "entry_rules": {"long": {"operator": "AND", "conditions": [
                {"indicator": "sma_cross", "params": {"fast": 10, "slow": 30}, "comparison": "crosses_above"}]}},
             "exit_rules": {"long": {"operator": "OR", "conditions": [
                {"indicator": "sma_cross", "params": {"fast": 10, "slow": 30}, "comparison": "crosses_below"},
                {"type": "stop_loss", "value": 2.0}]}}}
            """;

    @Test
    void commandLineBacktestEqualsTheKernelRunDirectly() throws Exception {
        SparkSession spark = SharedSpark.session();
        Warehouse w = SharedSpark.freshWarehouse("bitstamp-kernel");
        Path json = Files.createTempDirectory("massbt-sma").resolve("sma.json");
        Files.writeString(json, SMA_CROSS);
        String[] common = {"--warehouse", w.root()};
        assertThat(run("ingest", DatasetRef.Bitstamp2013.NAME, "--run-id", "bs", common[0], common[1])).isZero();
        assertThat(run("backtest", "--json", json.toString(), "--symbols", "BTCUSD", "--split", "none",
                "--commission-bps", "10", "--slippage-bps", "5", "--run-id", "sma", common[0], common[1])).isZero();

        Strategy strategy = StrategyJson.parse(SMA_CROSS);
        String id = StrategyId.of(strategy).hex();
        Row result = spark.read().format("delta").load(w.path(RunTable.RESULTS.tableName()))
                .where(col("run_id").equalTo(lit("sma"))).first();
        assertThat(result.getString(result.fieldIndex("strategy_id"))).isEqualTo(id);

        BarSeries bars = DriverBars.load(spark, w.path(Table.BARS), BarsQuery.minutes("BTCUSD",
                java.time.Instant.parse("2013-01-01T00:00:00Z").toEpochMilli(), java.time.Instant.parse("2015-01-01T00:00:00Z").toEpochMilli()));
        assertThat(result.getLong(result.fieldIndex("bars"))).isEqualTo(bars.size()).isEqualTo(9399);
        ChunkResult direct = new Kernel(bars, new CostModel(10, 5), MetricsConfig.crypto())
                .run(List.of(strategy), List.of(new Segment("all", bars.ts()[0], bars.ts()[bars.size() - 1] + 60_000)),
                        EnumSet.of(Detail.TRADES));
        StrategyResult expected = direct.results().get(0);
        Metrics m = expected.metrics();
        assertThat(m.tradeCount()).isGreaterThan(20);
        assertThat(result.getInt(result.fieldIndex("trades"))).isEqualTo(m.tradeCount());
        assertThat(result.getDouble(result.fieldIndex("total_return"))).isEqualTo(m.totalReturn());
        assertThat(result.getDouble(result.fieldIndex("sharpe"))).isEqualTo(m.sharpe());
        assertThat(result.getDouble(result.fieldIndex("max_drawdown"))).isEqualTo(m.maxDrawdown());
        assertThat(result.getDouble(result.fieldIndex("profit_factor"))).isEqualTo(m.profitFactor());
        assertThat(result.getDouble(result.fieldIndex("exposure"))).isEqualTo(m.exposure());

        List<Row> trades = spark.read().format("delta").load(w.path(RunTable.TRADES.tableName()))
                .where(col("run_id").equalTo(lit("sma"))).orderBy("entry_ts").collectAsList();
        assertThat(trades).hasSize(expected.trades().size());
        for (int i = 0; i < trades.size(); i++) {
            Trade t = expected.trades().get(i);
            Row r = trades.get(i);
            assertThat(((java.sql.Timestamp) r.get(r.fieldIndex("entry_ts"))).getTime()).isEqualTo(t.entryTs());
            assertThat(r.getDouble(r.fieldIndex("entry_price"))).isEqualTo(t.entryPrice());
            assertThat(r.getDouble(r.fieldIndex("exit_price"))).isEqualTo(t.exitPrice());
            assertThat(r.getDouble(r.fieldIndex("net_return"))).isEqualTo(t.netReturn());
            assertThat(r.getString(r.fieldIndex("exit_reason"))).isEqualTo(t.reason().name().toLowerCase());
        }
    }

    private static int run(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
        if (code != 0) {
            throw new AssertionError("massbt " + String.join(" ", args) + " exited " + code + ": " + err);
        }
        return code;
    }
}

package dev.massbt.datasets.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.massbt.datasets.SharedSpark;
import dev.massbt.datasets.catalog.DatasetCatalog;
import dev.massbt.datasets.catalog.DatasetRef;
import dev.massbt.datasets.synthetic.SyntheticMarket;
import dev.massbt.datasets.table.BarsQuery;
import dev.massbt.datasets.table.DriverBars;
import dev.massbt.datasets.table.Table;
import dev.massbt.datasets.table.Warehouse;
import dev.massbt.strategies.bars.BarSeries;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** A synthetic market written to Delta reads back exactly as generated, and only once. */
class SyntheticIngestTest {

    private final SparkSession spark = SharedSpark.session();

    @Test
    void writesEverySymbolsBarsOnceAndTheyReadBackAsGenerated() {
        Warehouse warehouse = SharedSpark.freshWarehouse("synthetic");
        DatasetRef.Synthetic ref = (DatasetRef.Synthetic) DatasetRef.parse("synthetic:3x2:7");

        SyntheticIngest.Result first = SyntheticIngest.on(spark).warehouse(warehouse).dataset(ref).execute();
        assertThat(first.symbols()).containsExactly("SYN7_001", "SYN7_002", "SYN7_003");
        assertThat(first.barsGenerated()).isEqualTo(3L * 2 * 1440);
        assertThat(first.barsInserted()).isEqualTo(first.barsGenerated());

        SyntheticIngest.Result again = SyntheticIngest.on(spark).warehouse(warehouse).dataset(ref).execute();
        assertThat(again.barsInserted()).isZero();
        assertThat(spark.read().format("delta").load(warehouse.path(Table.BARS)).count()).isEqualTo(3L * 2 * 1440);

        SyntheticMarket market = SyntheticMarket.of(ref.symbolNames(), SyntheticIngest.DEFAULT_START, 2, 7);
        long from = SyntheticIngest.DEFAULT_START.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        BarSeries loaded = DriverBars.load(spark, warehouse.path(Table.BARS),
                BarsQuery.minutes("SYN7_002", from, from + 2 * 86_400_000L));
        BarSeries expected = market.bars("SYN7_002");
        BitstampIngestTest.assertSame(loaded, expected);

        // Another seed is another market: none of its bars is taken for this one's.
        SyntheticIngest.Result other = SyntheticIngest.on(spark).warehouse(warehouse)
                .dataset(new DatasetRef.Synthetic(1, 2, 8)).execute();
        assertThat(other.barsInserted()).isEqualTo(2L * 1440);

        List<DatasetCatalog.Entry> catalog = DatasetCatalog.list(spark, warehouse);
        assertThat(catalog).extracting(DatasetCatalog.Entry::symbol)
                .containsExactly("SYN7_001", "SYN7_002", "SYN7_003", "SYN8_001");
        DatasetCatalog.Entry e = catalog.get(1);
        assertThat(e.timeframe()).isEqualTo("1m");
        assertThat(e.rows()).isEqualTo(2L * 1440);
        assertThat(e.firstBar()).isEqualTo(Instant.ofEpochMilli(from));
        assertThat(e.lastBar()).isEqualTo(Instant.ofEpochMilli(from + 2 * 86_400_000L - 60_000L));
        assertThat(e.sources()).containsExactly("synthetic:3x2:7");
        assertThat(e.barsVersion()).isEqualTo(other.barsVersion());
        assertThat(DatasetCatalog.list(spark, SharedSpark.freshWarehouse("empty"))).isEmpty();
    }

    @Test
    void refusesToRunWithoutItsConfiguration() {
        assertThatThrownBy(() -> SyntheticIngest.on(spark).dataset(new DatasetRef.Synthetic(1, 1, 1)).execute())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no warehouse given");
    }
}

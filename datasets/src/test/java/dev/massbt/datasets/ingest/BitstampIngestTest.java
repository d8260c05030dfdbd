package dev.massbt.datasets.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.massbt.datasets.SharedSpark;
import dev.massbt.datasets.TestFiles;
import dev.massbt.datasets.read.TradeFormat;
import dev.massbt.datasets.table.Table;
import dev.massbt.datasets.table.Warehouse;
import dev.massbt.datasets.validate.Reason;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BitstampIngestTest {

    private static SparkSession spark;
    private static Warehouse warehouse;
    private static IngestResult first;

    @BeforeAll
    static void ingest() {
        spark = SharedSpark.session();
        warehouse = SharedSpark.freshWarehouse("bitstamp");
        first = IngestAction.on(spark).warehouse(warehouse).trades(TradeFormat.BITSTAMP).symbol("BTCUSD")
                .input(TestFiles.bitstampTrades()).runId("bitstamp-1").execute();
    }

    @Test
    void countsEqualThePlainJavaReader() {
        assertThat(first.rowsRead()).isEqualTo(100_000);
        assertThat(first.rejectedByReason()).containsExactlyEntriesOf(Map.of(Reason.ZERO_SIZE, 18L));
        assertThat(spark.read().format("delta").load(warehouse.path(Table.TICKS)).count()).isEqualTo(99_982);
        assertThat(spark.read().format("delta").load(warehouse.path(Table.BARS)).count()).isEqualTo(9_399);
    }
}

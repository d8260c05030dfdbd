package dev.massbt.datasets.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WarehouseTest {

    @Test
    void hadoopUrisAreKept_localPathsMadeAbsolute_tablesAreChildren() {
        assertThat(Warehouse.at("s3a://bucket/massbt/").path("bars")).isEqualTo("s3a://bucket/massbt/bars");
        assertThat(Warehouse.at("hdfs://nn:8020/massbt").path(Table.TICKS)).isEqualTo("hdfs://nn:8020/massbt/ticks");
        assertThat(Warehouse.at("file:/data/wh//").path("quarantine")).isEqualTo("file:/data/wh/quarantine");
        assertThat(Warehouse.at("HDFS://nn/x").root()).isEqualTo("hdfs://nn/x");
        assertThat(Warehouse.at("wh").root()).isEqualTo(Path.of("wh").toAbsolutePath().toString());
        assertThat(Warehouse.at(Path.of("/tmp/a/../wh")).path("ingests")).isEqualTo("/tmp/wh/ingests");
    }

    @Test
    void badRootsAndNamesAreRejectedWithTheFix() {
        assertThatThrownBy(() -> Warehouse.at("s3://bucket/x")).hasMessageContaining("scheme 's3:'")
                .hasMessageContaining("s3a:");
        assertThatThrownBy(() -> Warehouse.at("  ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Warehouse.at("s3a://")).hasMessageContaining("names no directory");
        assertThatThrownBy(() -> Warehouse.at("hdfs:/x")).hasMessageContaining("no authority");
        Warehouse w = Warehouse.at("/tmp/wh");
        assertThatThrownBy(() -> w.path("../etc")).hasMessageContaining("not valid");
        assertThatThrownBy(() -> w.path("Bars")).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> w.path("")).hasMessageContaining("not valid");
    }
}

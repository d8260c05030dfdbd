package dev.massbt.datasets.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatasetRefTest {

    @Test
    void builtInNames() {
        assertThat(DatasetRef.parse("bitstamp-btcusd-2013")).isEqualTo(new DatasetRef.Bitstamp2013());
        DatasetRef h = DatasetRef.parse(" histdata-eurusd-m1 ");
        assertThat(h).isEqualTo(new DatasetRef.HistData("EURUSD"));
        assertThat(h.name()).isEqualTo("histdata-eurusd-m1");
        assertThat(((DatasetRef.HistData) h).fileGlob()).isEqualTo("HISTDATA_COM_ASCII_EURUSD_M1*.zip");
    }

    @Test
    void syntheticMarketsRoundTripTheirName() {
        DatasetRef.Synthetic s = (DatasetRef.Synthetic) DatasetRef.parse("synthetic:4x365:42");
        assertThat(s).isEqualTo(new DatasetRef.Synthetic(4, 365, 42));
        assertThat(s.name()).isEqualTo("synthetic:4x365:42");
        assertThat(DatasetRef.parse(s.name())).isEqualTo(s);
        assertThat(s.symbolNames()).containsExactly("SYN42_001", "SYN42_002", "SYN42_003", "SYN42_004");
        assertThat(new DatasetRef.Synthetic(1, 1, -7).symbolNames()).containsExactly("SYNN7_001");
        assertThat(DatasetRef.parse("synthetic:1x1:-7")).isEqualTo(new DatasetRef.Synthetic(1, 1, -7));
    }

    @Test
    void userLocations() {
        assertThat(DatasetRef.parse("data/trades.csv.gz")).isEqualTo(new DatasetRef.UserFiles("data/trades.csv.gz"));
        assertThat(DatasetRef.parse("trades.csv")).isEqualTo(new DatasetRef.UserFiles("trades.csv"));
        assertThat(DatasetRef.parse("hdfs://127.0.0.1:9000/landing")).isInstanceOf(DatasetRef.UserFiles.class);
        assertThat(DatasetRef.parse("s3a://bucket/ticks/")).isInstanceOf(DatasetRef.UserFiles.class);
        assertThat(DatasetRef.parse("file:/tmp/x")).isInstanceOf(DatasetRef.UserFiles.class);
    }

    @Test
    void badNamesSayWhatIsAccepted() {
        assertThatThrownBy(() -> DatasetRef.parse("bitstamp-btcusd-2014"))
                .hasMessageContaining("Unknown dataset 'bitstamp-btcusd-2014'")
                .hasMessageContaining("neither a known dataset nor a path")
                .hasMessageContaining("synthetic:<symbols>x<days>:<seed>");
        assertThatThrownBy(() -> DatasetRef.parse("synthetic:4by365")).hasMessageContaining("e.g. synthetic:4x365:42");
        assertThatThrownBy(() -> DatasetRef.parse("synthetic:0x365:1")).hasMessageContaining("1..1000 symbols, got 0");
        assertThatThrownBy(() -> DatasetRef.parse("synthetic:2x40000:1")).hasMessageContaining("1..36500 days, got 40000");
        assertThatThrownBy(() -> DatasetRef.parse("synthetic:2x3:99999999999999999999"))
                .hasMessageContaining("seed must fit in a 64-bit integer");
        assertThatThrownBy(() -> DatasetRef.parse("http://example.com/x.csv")).hasMessageContaining("scheme 'http:' is not supported");
        assertThatThrownBy(() -> DatasetRef.parse("data/x\u0000.csv")).hasMessageContaining("printable characters");
        assertThatThrownBy(() -> DatasetRef.parse("   ")).hasMessageContaining("it is empty");
        assertThatThrownBy(() -> new DatasetRef.HistData("eur usd")).hasMessageContaining("3-10 letters or digits");
    }
}

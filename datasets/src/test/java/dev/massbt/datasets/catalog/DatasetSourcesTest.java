package dev.massbt.datasets.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.massbt.datasets.TestFiles;
import dev.massbt.datasets.read.BarFormat;
import dev.massbt.datasets.read.TradeFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetSourcesTest {

    @TempDir
    Path work;

    @Test
    void bitstampComesFromTheShippedResource() throws Exception {
        DatasetSources.Inputs f = DatasetSources.resolve(DatasetRef.parse("bitstamp-btcusd-2013"), null, work);
        assertThat(f.symbol()).isEqualTo("BTCUSD");
        assertThat(f.format()).isSameAs(TradeFormat.BITSTAMP);
        assertThat(f.trades()).isTrue();
        assertThat(f.paths()).containsExactly(work.resolve(DatasetSources.BITSTAMP_RESOURCE));
        assertThat(Files.size(f.paths().get(0))).isEqualTo(Files.size(TestFiles.bitstampTrades()));
        // a second resolution reuses the copy
        assertThat(DatasetSources.resolve(new DatasetRef.Bitstamp2013(), null, work).paths()).isEqualTo(f.paths());
    }

    @Test
    void histDataIsEveryYearlyZipOfTheInstrument() {
        Path dir = TestFiles.sharedData().resolve("histdata-m1");
        DatasetSources.Inputs f = DatasetSources.resolve(DatasetRef.parse("histdata-eurusd-m1"), dir, work);
        assertThat(f.symbol()).isEqualTo("EURUSD");
        assertThat(f.format()).isSameAs(BarFormat.HISTDATA_M1);
        assertThat(f.paths()).extracting(p -> p.getFileName().toString())
                .containsExactly("HISTDATA_COM_ASCII_EURUSD_M12018.zip", "HISTDATA_COM_ASCII_EURUSD_M12019.zip");
    }

    @Test
    void missingDownloadsSayWhereAndWhatToGet() {
        assertThatThrownBy(() -> DatasetSources.resolve(DatasetRef.parse("histdata-audcad-m1"), work, work))
                .hasMessageContaining("needs HISTDATA_COM_ASCII_AUDCAD_M1*.zip in " + work.toAbsolutePath())
                .hasMessageContaining("there is none");
        assertThatThrownBy(() -> DatasetSources.resolve(DatasetRef.parse("histdata-eurusd-m1"), null, work))
                .hasMessageContaining("none was given");
        assertThatThrownBy(() -> DatasetSources.resolve(DatasetRef.parse("synthetic:1x1:1"), null, work))
                .hasMessageContaining("is generated, not read from files");
        assertThatThrownBy(() -> DatasetSources.resolve(DatasetRef.parse("data/x.csv"), null, work))
                .hasMessageContaining("give their format and symbol");
    }
}

package dev.massbt.datasets;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.massbt.datasets.catalog.DatasetRef;
import dev.massbt.datasets.catalog.DatasetSources;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Where the tests' real data is, and small files written for a test. */
public final class TestFiles {

    public static final String BITSTAMP_RESOURCE = DatasetSources.BITSTAMP_RESOURCE;

    private TestFiles() {
    }

    /**
     * The shared real-data directory ({@code ../shared/data} beside the project, passed by surefire
     * as {@code massbt.shared.data}); the calling test is skipped when it is absent.
     */
    public static Path sharedData() {
        String dir = System.getProperty("massbt.shared.data", "../../shared/data");
        Path p = Path.of(dir).toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(p.resolve("histdata-m1")), "Skipped: real HistData files not found at " + p
                + "/histdata-m1 (they are test data beside the project, not part of it; set -Dmassbt.shared.data=DIR)");
        return p;
    }

    public static Path histData(String symbol, int year) {
        return sharedData().resolve("histdata-m1/HISTDATA_COM_ASCII_" + symbol + "_M1" + year + ".zip");
    }

    /** The real Bitstamp trades from ta4j-examples' jar, copied once under target/ (readers take paths). */
    public static synchronized Path bitstampTrades() {
        return DatasetSources.resolve(new DatasetRef.Bitstamp2013(), null, Path.of("target", "test-data").toAbsolutePath())
                .paths().get(0);
    }

    public static Path write(Path dir, String name, String content) {
        try {
            Path p = dir.resolve(name);
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            if (name.endsWith(".gz")) {
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
                    out.write(bytes);
                }
            } else if (name.endsWith(".zip")) {
                try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(p))) {
                    out.putNextEntry(new ZipEntry(name.substring(0, name.length() - 4)));
                    out.write(bytes);
                    out.closeEntry();
                }
            } else {
                Files.write(p, bytes);
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

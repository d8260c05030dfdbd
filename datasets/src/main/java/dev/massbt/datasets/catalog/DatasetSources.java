package dev.massbt.datasets.catalog;

import dev.massbt.datasets.error.DatasetErrors;
import dev.massbt.datasets.read.BarFormat;
import dev.massbt.datasets.read.RowFormat;
import dev.massbt.datasets.read.TradeFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where the files of a named dataset are and how to read them: the plain-Java half of
 * ingesting a {@link DatasetRef}, testable without Spark.
 */
public final class DatasetSources {

    /** The Bitstamp sample's name inside the ta4j-examples artifact (a runtime dependency). */
    public static final String BITSTAMP_RESOURCE = "bitstamp_trades_from_20131125_usd.csv";

    private DatasetSources() {
    }

    /** Files to ingest as one symbol, in one format. */
    public record Inputs(List<Path> paths, RowFormat format, String symbol) {
        public Inputs {
            paths = List.copyOf(paths);
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(symbol, "symbol");
        }

        public boolean trades() {
            return format instanceof TradeFormat;
        }
    }

    /**
     * The files of {@code ref}. {@code dataDir} is where downloaded datasets (HistData) live;
     * {@code workDir} receives the copy of a dataset shipped as a classpath resource.
     *
     * @throws dev.massbt.strategies.error.UserException naming what is missing and how to get it
     */
    public static Inputs resolve(DatasetRef ref, Path dataDir, Path workDir) {
        Objects.requireNonNull(ref, "ref");
        if (ref instanceof DatasetRef.Bitstamp2013) {
            return new Inputs(List.of(copyResource(BITSTAMP_RESOURCE, workDir)), TradeFormat.BITSTAMP,
                    DatasetRef.Bitstamp2013.SYMBOL);
        }
        if (ref instanceof DatasetRef.HistData h) {
            return new Inputs(histDataFiles(h, dataDir), BarFormat.HISTDATA_M1, h.instrument());
        }
        if (ref instanceof DatasetRef.Synthetic s) {
            throw DatasetErrors.generatedDataset(s.name());
        }
        throw DatasetErrors.userFilesDataset(ref.name());
    }

    static List<Path> histDataFiles(DatasetRef.HistData h, Path dataDir) {
        if (dataDir == null || !Files.isDirectory(dataDir)) {
            throw DatasetErrors.noDataDirectory(h.name(), h.fileGlob(), dataDir);
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dataDir, h.fileGlob())) {
            ds.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dataDir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw DatasetErrors.noDataFiles(h.name(), h.fileGlob(), dataDir, h.instrument());
        }
        files.sort(null);
        return files;
    }

    private static Path copyResource(String name, Path workDir) {
        Objects.requireNonNull(workDir, "workDir");
        Path out = workDir.resolve(name);
        if (Files.exists(out)) {
            return out;
        }
        try (InputStream in = DatasetSources.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath: the build ships it in the "
                        + "org.ta4j:ta4j-examples artifact; rebuild with that dependency.");
            }
            Files.createDirectories(workDir);
            Path tmp = Files.createTempFile(workDir, "resource", ".tmp");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + name + " to " + workDir.toAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
    }
}

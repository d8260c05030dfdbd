package dev.massbt.datasets.ingest;

import dev.massbt.datasets.error.DatasetErrors;
import dev.massbt.datasets.error.IngestException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An input file on a Hadoop file system ({@code hdfs:}, {@code s3a:}, {@code file:}) copied to
 * the task's local disk, because the readers need random access (zip) and a {@link Path}. The
 * copy keeps the file's name, in a directory of its own under {@code java.io.tmpdir} (on YARN
 * and Kubernetes, the container's scratch space), so rows record the same source as when the
 * file is read in place: re-ingesting it either way inserts nothing. {@link #close()} deletes
 * the copy.
 */
final class LocalCopy implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalCopy.class);

    private final String uri;
    private final Path dir;
    private final Path file;

    private LocalCopy(String uri, Path dir, Path file) {
        this.uri = uri;
        this.dir = dir;
        this.file = file;
    }

    /**
     * Copies {@code uri} through its Hadoop file system.
     *
     * @throws IngestException naming the URI when it is missing, a directory, or cannot be copied
     */
    static LocalCopy of(String uri, Configuration hadoop) {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(hadoop, "hadoop");
        org.apache.hadoop.fs.Path source = new org.apache.hadoop.fs.Path(uri);
        Path dir = null;
        Path file = null;
        try {
            FileSystem fs = source.getFileSystem(hadoop);
            FileStatus status = fs.getFileStatus(source);
            if (status.isDirectory()) {
                throw DatasetErrors.uriIsDirectory(uri);
            }
            dir = Files.createTempDirectory("massbt-ingest-");
            file = dir.resolve(source.getName());
            long start = System.nanoTime();
            try (InputStream in = fs.open(source)) {
                Files.copy(in, file);
            }
            LOG.debug("copied {} ({} bytes) to {} in {} ms", uri, status.getLen(), file,
                    (System.nanoTime() - start) / 1_000_000L);
            return new LocalCopy(uri, dir, file);
        } catch (FileNotFoundException e) {
            deleteQuietly(dir, file);
            throw DatasetErrors.noSuchUriFile(uri, source.getParent() == null ? uri : source.getParent(), e);
        } catch (IOException e) {
            deleteQuietly(dir, file);
            throw DatasetErrors.cannotCopy(uri, e);
        } catch (RuntimeException e) {
            deleteQuietly(dir, file);
            throw e;
        }
    }

    /** The local copy, named as the original. */
    Path path() {
        return file;
    }

    /** A reader's message about the copy, made to name the original URI instead. */
    String reword(String message) {
        return message == null ? null : message.replace(file.toAbsolutePath().normalize().toString(), uri);
    }

    @Override
    public void close() {
        deleteQuietly(dir, file);
    }

    private static void deleteQuietly(Path dir, Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
            if (dir != null) {
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            LOG.warn("could not delete the local copy {}: {}", file != null ? file : dir, e.toString());
        }
    }
}

package dev.massbt.datasets.ingest;

import dev.massbt.datasets.error.DatasetErrors;
import dev.massbt.datasets.error.IngestException;
import dev.massbt.datasets.table.Locations;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * How an ingest names its input files: a local path, read in place by every task, or a
 * {@code file:}, {@code hdfs:} or {@code s3a:} URI, read through the Hadoop {@link FileSystem}
 * of its scheme (a task copies it to its local disk first, see {@link LocalCopy}). Also lists a
 * directory given as either.
 */
final class InputFiles {

    private InputFiles() {
    }

    /** Whether {@code location} is a URI (read through Hadoop) rather than a local path. */
    static boolean isUri(String location) {
        return Locations.isUri(location);
    }

    /**
     * A local path made absolute and normal, or a URI of an accepted scheme as given.
     *
     * @throws IngestException for another scheme or a URI that names no file
     */
    static String normalise(String location) {
        String l = location.strip();
        if (l.isEmpty()) {
            throw DatasetErrors.emptyLocation(Locations.accepted());
        }
        Optional<String> given = Locations.scheme(l);
        if (given.isEmpty()) {
            return Path.of(l).toAbsolutePath().normalize().toString();
        }
        String scheme = given.get().toLowerCase(Locale.ROOT);
        if (!Locations.accepted(scheme)) {
            throw DatasetErrors.inputScheme(location, given.get(), Locations.accepted());
        }
        org.apache.hadoop.fs.Path p;
        try {
            p = new org.apache.hadoop.fs.Path(l);
        } catch (IllegalArgumentException e) {
            throw DatasetErrors.invalidUri(location, e.getMessage());
        }
        if (p.getName().isEmpty()) {
            throw DatasetErrors.uriWithoutFile(location, scheme);
        }
        return l;
    }

    /** The file name, which is what rows record as their source: the same for a path and a URI of one file. */
    static String fileName(String location) {
        return isUri(location) ? new org.apache.hadoop.fs.Path(location).getName()
                : Path.of(location).getFileName().toString();
    }

    /**
     * Hidden files, as Hadoop and Spark treat them: names starting with {@code .} (editor and
     * checksum files) or {@code _} ({@code _SUCCESS} markers).
     */
    static boolean hidden(String fileName) {
        return fileName.startsWith(".") || fileName.startsWith("_");
    }

    /**
     * The files at {@code location}: the file itself, or every regular, non-hidden file of a
     * directory (not its subdirectories), sorted by name. URIs are listed through Hadoop with
     * {@code hadoop}; local paths directly.
     *
     * @throws IngestException when the location does not exist or a directory holds no file
     */
    static List<String> list(String location, Configuration hadoop) {
        String l = normalise(location);
        List<String> files = isUri(l) ? listHadoop(l, hadoop) : listLocal(Path.of(l));
        if (files.isEmpty()) {
            throw DatasetErrors.emptyDirectory(l);
        }
        return files;
    }

    private static List<String> listLocal(Path p) {
        if (!Files.exists(p)) {
            throw DatasetErrors.noSuchPath(p);
        }
        if (!Files.isDirectory(p)) {
            return List.of(p.toString());
        }
        try (Stream<Path> children = Files.list(p)) {
            return children.filter(Files::isRegularFile)
                    .filter(c -> !hidden(c.getFileName().toString()))
                    .map(Path::toString)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw DatasetErrors.cannotListDirectory(p, e);
        }
    }

    private static List<String> listHadoop(String uri, Configuration hadoop) {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(uri);
        try {
            FileSystem fs = p.getFileSystem(hadoop);
            FileStatus status = fs.getFileStatus(p);
            if (!status.isDirectory()) {
                return List.of(uri);
            }
            List<String> files = new ArrayList<>();
            for (FileStatus child : fs.listStatus(p)) {
                if (child.isFile() && !hidden(child.getPath().getName())) {
                    files.add(child.getPath().toString());
                }
            }
            files.sort(null);
            return files;
        } catch (FileNotFoundException e) {
            throw DatasetErrors.noSuchUri(uri, p.getParent() == null ? uri : p.getParent(), e);
        } catch (IOException e) {
            throw DatasetErrors.cannotListUri(uri, e);
        }
    }
}

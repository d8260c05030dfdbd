package dev.massbt.datasets.ingest;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    static final Set<String> SCHEMES = Set.of("file", "hdfs", "s3a");

    /** A scheme of two letters or more: one letter is a Windows drive ({@code C:\data}). */
    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]+):.*");

    private InputFiles() {
    }

    /** Whether {@code location} is a URI (read through Hadoop) rather than a local path. */
    static boolean isUri(String location) {
        return SCHEME.matcher(location).matches();
    }

    /**
     * A local path made absolute and normal, or a URI of an accepted scheme as given.
     *
     * @throws IngestException for another scheme or a URI that names no file
     */
    static String normalise(String location) {
        String l = location.strip();
        if (l.isEmpty()) {
            throw new IngestException("Cannot ingest '': the input location is empty. Give a local path or a file:, "
                    + "hdfs: or s3a: URI.");
        }
        Matcher m = SCHEME.matcher(l);
        if (!m.matches()) {
            return Path.of(l).toAbsolutePath().normalize().toString();
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw new IngestException("Cannot ingest '" + location + "': scheme '" + m.group(1) + ":' is not supported. "
                    + "Give a local path or a file:, hdfs: or s3a: URI (for Amazon S3 the Hadoop scheme is s3a:).");
        }
        org.apache.hadoop.fs.Path p;
        try {
            p = new org.apache.hadoop.fs.Path(l);
        } catch (IllegalArgumentException e) {
            throw new IngestException("Cannot ingest '" + location + "': it is not a valid URI (" + e.getMessage()
                    + "). Write it as scheme://authority/path, e.g. hdfs://namenode:8020/data/trades.csv.");
        }
        if (p.getName().isEmpty()) {
            throw new IngestException("Cannot ingest '" + location + "': the URI names no file. Add the file's path, "
                    + "e.g. " + scheme + "://host-or-bucket/data/trades.csv.");
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
            throw new IngestException("Cannot ingest directory " + l + ": it holds no files (hidden files, whose names "
                    + "start with '.' or '_', and subdirectories are skipped). Put the data files in it, or give a "
                    + "file.");
        }
        return files;
    }

    private static List<String> listLocal(Path p) {
        if (!Files.exists(p)) {
            throw new IngestException("Cannot ingest " + p + ": no such file or directory. Check the path (relative "
                    + "paths resolve against " + Path.of("").toAbsolutePath() + ").");
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
            throw new IngestException("Cannot list directory " + p + ": " + e + ". Check its permissions.", e);
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
            throw new IngestException("Cannot ingest " + uri + ": no such file or directory. Check the URI (e.g. with "
                    + "hadoop fs -ls " + (p.getParent() == null ? uri : p.getParent()) + ").", e);
        } catch (IOException e) {
            throw new IngestException("Cannot list " + uri + ": " + e + ". Check that the file system is reachable "
                    + "and its settings and credentials (spark.hadoop.fs.*) are given to Spark.", e);
        }
    }
}

package dev.massbt.datasets.read;

import dev.massbt.datasets.error.DataFileException;
import dev.massbt.datasets.error.DatasetErrors;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The lines of a text file, plain, gzip or zip (one entry), read one at a time: memory does
 * not depend on the file's size. The compression is recognised by content (magic bytes), not
 * by name; a name ending in .gz or .zip whose content is not that is an error. Lines end at
 * \n, \r\n or \r; a UTF-8 byte order mark is dropped. Every I/O error becomes a
 * {@link DataFileException} naming the file and the line reached.
 */
public final class TextSource implements AutoCloseable {

    private static final int BUFFER = 1 << 16;

    private final Path file;
    private final String name;
    private final String kind;
    private final BufferedReader reader;
    private final AutoCloseable closeable;
    private long lineNumber;

    private TextSource(Path file, String name, String kind, InputStream in, AutoCloseable closeable) {
        this.file = file;
        this.name = name;
        this.kind = kind;
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER);
        this.closeable = closeable;
    }

    public static TextSource open(Path file) {
        checkFile(file);
        return openDetected(file, file.getFileName().toString());
    }

    /**
     * The lines of a plain text file from the first line starting at or after byte {@code fromByte}
     * (the line containing byte {@code fromByte - 1} is skipped, so a piece of a file split at byte
     * offsets reads each line in exactly one piece), numbered from {@code firstLine}: the caller
     * knows that number ({@link #countLineEnds}). For a large file read by several tasks.
     */
    public static TextSource openAt(Path file, long fromByte, long firstLine) {
        if (fromByte == 0) {
            return open(file);
        }
        checkFile(file);
        InputStream raw = null;
        try {
            raw = new BufferedInputStream(Files.newInputStream(file), BUFFER);
            raw.skipNBytes(fromByte - 1);
            TextSource t = new TextSource(file, file.getFileName().toString(), "text", raw, raw);
            t.reader.readLine(); // the end of the line before: a line starting before fromByte is not ours
            t.lineNumber = firstLine - 1;
            return t;
        } catch (IOException e) {
            closeQuietly(raw);
            throw DatasetErrors.unreadable(file, firstLine, e);
        }
    }

    /**
     * How many lines end (at {@code \n}, {@code \r\n} or a lone {@code \r}, as {@link #readLine}
     * splits them) at a byte in {@code [from, to)} of a plain file: the first line starting at or after
     * byte {@code p > 0} is then line 2 + the ends in {@code [0, p - 1)}. Reads {@code to - from + 1} bytes.
     */
    public static long countLineEnds(Path file, long from, long to) {
        try (FileChannel ch = FileChannel.open(file)) {
            long stop = Math.min(to, ch.size());
            ByteBuffer buf = ByteBuffer.allocate(BUFFER * 4 + 1);
            long ends = 0;
            for (long pos = from; pos < stop; ) {
                int limit = (int) Math.min(BUFFER * 4, stop - pos);
                buf.clear().limit(limit + 1); // one byte more: is a \r at the end followed by \n?
                int n = 0;
                while (buf.hasRemaining() && ch.read(buf, pos + n) > 0) {
                    n = buf.position();
                }
                n = buf.position();
                byte[] a = buf.array();
                for (int i = 0; i < Math.min(limit, n); i++) {
                    if (a[i] == '\n' || (a[i] == '\r' && (i + 1 >= n || a[i + 1] != '\n'))) {
                        ends++;
                    }
                }
                if (n < limit) {
                    break; // the file shrank while being read
                }
                pos += limit;
            }
            return ends;
        } catch (IOException e) {
            throw DatasetErrors.unreadable(file, 0, e);
        }
    }

    /** Whether the file is plain text (neither gzip nor zip, by content and by name): one that can be read from a byte offset. */
    public static boolean plain(Path file) {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".gz") || lower.endsWith(".zip") || !Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(2);
            return !(magic.length == 2 && ((magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b
                    || magic[0] == 'P' && magic[1] == 'K'));
        } catch (IOException e) {
            return false;
        }
    }

    private static void checkFile(Path file) {
        if (!Files.exists(file)) {
            throw DatasetErrors.missing(file);
        }
        if (Files.isDirectory(file)) {
            throw DatasetErrors.notAFile(file);
        }
    }

    private static TextSource openDetected(Path file, String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        InputStream raw = null;
        try {
            raw = new BufferedInputStream(Files.newInputStream(file), BUFFER);
            raw.mark(4);
            byte[] magic = raw.readNBytes(4);
            raw.reset();
            if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
                InputStream in = raw;
                try {
                    return new TextSource(file, fileName, "gzip", new GZIPInputStream(in, BUFFER), in);
                } catch (ZipException | EOFException e) {
                    throw DatasetErrors.corrupt(file, 0, "gzip", e);
                }
            }
            if (magic.length >= 2 && magic[0] == 'P' && magic[1] == 'K') {
                raw.close();
                raw = null;
                return openZip(file, fileName);
            }
            if (lower.endsWith(".gz")) {
                throw DatasetErrors.notCompressed(file, "gz");
            }
            if (lower.endsWith(".zip")) {
                throw DatasetErrors.notCompressed(file, "zip");
            }
            return new TextSource(file, fileName, "text", raw, raw);
        } catch (IOException e) {
            closeQuietly(raw);
            throw DatasetErrors.unreadable(file, 0, e);
        } catch (RuntimeException e) {
            closeQuietly(raw);
            throw e;
        }
    }

    private static TextSource openZip(Path file, String fileName) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw DatasetErrors.corrupt(file, 0, "zip", e);
        }
        try {
            List<ZipEntry> entries = new ArrayList<>();
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (!e.isDirectory()) {
                    entries.add(e);
                }
            }
            if (entries.size() != 1) {
                throw DatasetErrors.zipEntries(file, entries.stream().map(ZipEntry::getName).toList());
            }
            ZipEntry entry = entries.get(0);
            return new TextSource(file, fileName + "!" + entry.getName(), "zip", zip.getInputStream(entry), zip);
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /** The next line without its terminator, or null at the end. */
    public String readLine() {
        String line;
        try {
            line = reader.readLine();
        } catch (ZipException | EOFException e) {
            throw DatasetErrors.corrupt(file, lineNumber + 1, kind, e);
        } catch (IOException e) {
            throw DatasetErrors.unreadable(file, lineNumber + 1, e);
        }
        if (line != null) {
            lineNumber++;
            if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
        }
        return line;
    }

    /** 1-based number of the line last returned (0 before the first). */
    public long lineNumber() {
        return lineNumber;
    }

    public Path file() {
        return file;
    }

    /** File name for lineage: {@code name.csv}, {@code name.csv.gz}, or {@code archive.zip!entry.csv}. */
    public String name() {
        return name;
    }

    @Override
    public void close() {
        closeQuietly(reader);
        closeQuietly(closeable);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // nothing useful to do: the data has been read or an error is already on its way
            }
        }
    }
}

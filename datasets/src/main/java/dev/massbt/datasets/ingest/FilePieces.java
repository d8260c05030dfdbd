package dev.massbt.datasets.ingest;

import dev.massbt.datasets.read.LineWindow;
import dev.massbt.datasets.read.TextSource;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * How the input files are read: one task per file, except a large plain (uncompressed, local)
 * file of trades whose rows do not name their symbol, which is cut at byte offsets into pieces
 * read by one task each ({@link LineWindow}), so that one big file keeps every core busy.
 *
 * <p>Each piece owns the lines that start in its byte range, numbered as in the whole file: a
 * first, cheap job counts the line ends of each range in parallel. A piece starts reading
 * {@code context} bytes early, so that its validator, time parser, outlier window and bar
 * aggregator are in the state a reader of the whole file would be in at its first line; the
 * parse checks that they were ({@link ParsedFiles}) and reads a file whole when they were not.
 */
final class FilePieces {

    /** A plain trades file of at least twice this is read in pieces of about this size. */
    static final long PIECE_BYTES = 64L << 20;
    /** How far before its first owned line a piece starts reading. */
    static final long CONTEXT_BYTES = 256L << 10;

    private FilePieces() {
    }

    /** A byte range of a file whose line ends are counted. */
    private record Range(String path, long from, long to) implements Serializable {
    }

    /** The pieces the files are read in, in order: each file whole, or the pieces of a large one. */
    static List<Piece> plan(JavaSparkContext jsc, List<String> files, ParseSpec spec, long pieceBytes, long context) {
        List<Piece> pieces = new ArrayList<>();
        List<long[]> cutsOf = new ArrayList<>();
        List<Range> ranges = new ArrayList<>();
        for (String f : files) {
            long[] cuts = cuts(f, spec, pieceBytes, jsc.defaultParallelism());
            cutsOf.add(cuts);
            if (cuts.length > 0) {
                TreeSet<Long> ends = new TreeSet<>();
                for (long c : cuts) {
                    ends.add(c - 1);
                    ends.add(Math.max(0, c - Math.min(context, pieceBytes / 2)) - 1);
                }
                ends.remove(-1L);
                long from = 0;
                for (long e : ends) {
                    ranges.add(new Range(f, from, e));
                    from = e;
                }
            }
        }
        List<Long> counts = ranges.isEmpty() ? List.of()
                : jsc.parallelize(ranges, ranges.size()).map(r -> TextSource.countLineEnds(Path.of(r.path()), r.from(),
                r.to())).collect();
        int r = 0;
        for (int i = 0; i < files.size(); i++) {
            long[] cuts = cutsOf.get(i);
            if (cuts.length == 0) {
                pieces.add(Piece.whole(files.get(i)));
                continue;
            }
            List<Long> ends = new ArrayList<>();
            List<Long> lineAfter = new ArrayList<>(); // the first line starting at or after byte end + 1
            long total = 0;
            for (; r < ranges.size() && ranges.get(r).path().equals(files.get(i)); r++) {
                total += counts.get(r);
                ends.add(ranges.get(r).to());
                lineAfter.add(2 + total); // line 1 starts at 0, one more after each end before
            }
            pieces.addAll(windows(files.get(i), cuts, Math.min(context, pieceBytes / 2), ends, lineAfter));
        }
        return pieces;
    }

    /** The byte offsets a file is cut at (none: read whole). */
    private static long[] cuts(String location, ParseSpec spec, long pieceBytes, int parallelism) {
        if (!spec.trades() || spec.format().symbolsInRows() || InputFiles.isUri(location)) {
            return new long[0];
        }
        Path path = Path.of(location);
        long size;
        try {
            size = Files.isRegularFile(path) ? Files.size(path) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (size < 2 * pieceBytes || !TextSource.plain(path)) {
            return new long[0];
        }
        int n = (int) Math.min(1024, (size + pieceBytes - 1) / pieceBytes);
        n = (n + parallelism - 1) / parallelism * parallelism; // whole rounds of tasks
        long[] cuts = new long[n - 1];
        for (int j = 1; j < n; j++) {
            cuts[j - 1] = size / n * j;
        }
        return cuts;
    }

    /** Each piece's window from the line numbers at its cut and its context start; empty pieces merge into the one before. */
    private static List<Piece> windows(String location, long[] cuts, long context, List<Long> ends, List<Long> lineAfter) {
        List<long[]> kept = new ArrayList<>(); // {context start byte, first line there, first owned line}
        kept.add(new long[] {0, 1, 1});
        for (long cut : cuts) {
            long from = Math.max(0, cut - context);
            long own = line(cut, ends, lineAfter);
            long first = line(from, ends, lineAfter);
            if (own > kept.get(kept.size() - 1)[2]) {
                kept.add(new long[] {first == 1 ? 0 : from, first, own});
            }
        }
        List<Piece> pieces = new ArrayList<>();
        for (int j = 0; j < kept.size(); j++) {
            long[] k = kept.get(j);
            long ownTo = j + 1 < kept.size() ? kept.get(j + 1)[2] : Long.MAX_VALUE;
            pieces.add(new Piece(location, j, kept.size(), new LineWindow(k[0], k[1], k[2], ownTo)));
        }
        return pieces;
    }

    /** The number of the first line starting at or after byte {@code p}: line 1, and one per line end before byte p - 1. */
    private static long line(long p, List<Long> ends, List<Long> lineAfter) {
        if (p == 0) {
            return 1;
        }
        int i = ends.indexOf(p - 1);
        if (i < 0) {
            throw new IllegalStateException("no line count at byte " + p + ": this is a bug in massbt");
        }
        return lineAfter.get(i);
    }
}

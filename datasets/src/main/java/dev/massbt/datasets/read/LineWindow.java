package dev.massbt.datasets.read;

import java.io.Serializable;

/**
 * The part of a plain text file one reader owns when a large file is read by several tasks:
 * the reader starts at byte {@code fromByte} (the first line starting there or after, numbered
 * {@code firstLine}), reads the lines before {@code ownFrom} as context only (they bring the
 * validators and aggregators to the state a reader of the whole file would have there; nothing
 * is counted, emitted or quarantined for them), owns lines {@code [ownFrom, ownTo)}, and may read
 * on past {@code ownTo} as far as its owner needs (to decide its last prints and close its last
 * bar), again without counting. {@link #WHOLE} is the whole file.
 *
 * @param fromByte  where reading starts: 0, or a byte offset (the line containing it is skipped)
 * @param firstLine the number of the first line starting at or after {@code fromByte}
 * @param ownFrom   the first line owned
 * @param ownTo     the first line not owned ({@link Long#MAX_VALUE}: to the end)
 */
public record LineWindow(long fromByte, long firstLine, long ownFrom, long ownTo) implements Serializable {

    public static final LineWindow WHOLE = new LineWindow(0, 1, 1, Long.MAX_VALUE);

    public LineWindow {
        if (fromByte < 0 || firstLine < 1 || ownFrom < firstLine || ownTo <= ownFrom || (fromByte == 0) != (firstLine == 1)) {
            throw new IllegalArgumentException("bad line window: from byte " + fromByte + ", first line " + firstLine
                    + ", owns [" + ownFrom + ", " + ownTo + ")");
        }
    }

    public boolean owns(long line) {
        return line >= ownFrom && line < ownTo;
    }

    /** Whether the window is a whole file: then a reader also checks what only the whole can tell (empty, header only). */
    public boolean whole() {
        return fromByte == 0 && ownFrom == 1 && ownTo == Long.MAX_VALUE;
    }

    /** Whether reading starts at the file's first line (the header, if any, is read in place). */
    public boolean fromStart() {
        return fromByte == 0;
    }
}

package dev.massbt.datasets.ingest;

import dev.massbt.datasets.read.LineWindow;
import java.io.Serializable;
import java.util.Objects;

/**
 * What one parse task reads: a whole input file, or one piece of a large plain one.
 *
 * @param location the input, as the run names it
 * @param index    0-based piece of the file
 * @param count    pieces the file is read in (1: whole)
 * @param window   the lines the piece owns ({@link LineWindow#WHOLE} for a whole file)
 */
record Piece(String location, int index, int count, LineWindow window) implements Serializable {

    Piece {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(window, "window");
        if (index < 0 || index >= count || (count == 1) != window.whole()) {
            throw new IllegalArgumentException("bad piece " + index + " of " + count + " of " + location + ": " + window);
        }
    }

    static Piece whole(String location) {
        return new Piece(location, 0, 1, LineWindow.WHOLE);
    }
}

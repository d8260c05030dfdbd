package dev.massbt.datasets.read;

/**
 * Thrown by a format when a file's header does not give the columns it needs; the reader turns
 * it into a {@link dev.massbt.datasets.error.DataFileException} naming the file and line.
 */
final class HeaderRejected extends RuntimeException {

    HeaderRejected(String message) {
        super(message, null, false, false);
    }
}

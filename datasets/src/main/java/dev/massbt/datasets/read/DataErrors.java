package dev.massbt.datasets.read;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Every file-level error message, in one place: what is wrong, where, and what to do. */
final class DataErrors {

    private DataErrors() {
    }

    static DataFileException missing(Path file) {
        return new DataFileException(file, 0, "Cannot read " + abs(file) + ": no such file. Check the path (relative "
                + "paths resolve against " + abs(Path.of("")) + ").", null);
    }

    static DataFileException notAFile(Path file) {
        return new DataFileException(file, 0, "Cannot read " + abs(file) + ": it is a directory, not a file. "
                + "Give one file per reader.", null);
    }

    static DataFileException unreadable(Path file, long line, IOException cause) {
        return new DataFileException(file, line, "Cannot read " + abs(file) + at(line) + ": " + cause
                + ". Check the file's permissions and the disk.", cause);
    }

    static DataFileException corrupt(Path file, long line, String what, IOException cause) {
        return new DataFileException(file, line, "Cannot read " + abs(file) + at(line) + ": the " + what
                + " data is corrupt or truncated (" + cause.getMessage() + "). Download the file again; rows read before "
                + "this point are not a complete file.", cause);
    }

    static DataFileException notCompressed(Path file, String kind) {
        return new DataFileException(file, 0, "Cannot read " + abs(file) + ": its name ends in ." + kind
                + " but its content is not " + kind + " data. Rename it or download it again.", null);
    }

    static DataFileException zipEntries(Path file, List<String> entries) {
        return new DataFileException(file, 0, "Cannot read " + abs(file) + ": a zip must hold exactly one file, this one "
                + "holds " + entries.size() + (entries.isEmpty() ? "" : " " + entries) + ". Unzip it and give each file "
                + "to the reader.", null);
    }

    static DataFileException empty(Path file) {
        return new DataFileException(file, 0, "Cannot read " + abs(file) + ": the file is empty (no lines, or blank "
                + "lines only). Check that the download or export completed.", null);
    }

    static DataFileException headerOnly(Path file, long headerLine) {
        return new DataFileException(file, headerLine, "Cannot read " + abs(file) + at(headerLine) + ": the file has a "
                + "header but no data rows. Check that the export completed.", null);
    }

    static DataFileException wrongDelimiter(Path file, long line, String format, char expected, int expectedFields,
                                            char found, int foundFields) {
        return new DataFileException(file, line, "Cannot read " + abs(file) + at(line) + " as " + format + ": the line "
                + "has " + foundFields + " fields separated by " + name(found) + " where " + expectedFields
                + " separated by " + name(expected) + " are expected. Use a format configured with delimiter "
                + name(found) + ", or check that this is the right file.", null);
    }

    private static String at(long line) {
        return line > 0 ? " at line " + line : "";
    }

    static String name(char delimiter) {
        return switch (delimiter) {
            case ',' -> "',' (comma)";
            case ';' -> "';' (semicolon)";
            case '\t' -> "'\\t' (tab)";
            case '|' -> "'|' (pipe)";
            case ' ' -> "' ' (space)";
            default -> "'" + delimiter + "'";
        };
    }

    private static String abs(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }
}

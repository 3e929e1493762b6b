package org.aikg;

import java.nio.file.Path;

/**
 * The input data is bad: a fact sheet, a text file, a graph that does not conform. The message
 * starts with the place ({@code FILE:LINE:COL: }) when there is one.
 *
 * <pre>{@code
 * throw new DataException(Location.of(path, 14, 3), "unknown unit \"yuans\" (expected one of CNY, NUM)");
 * }</pre>
 */
public class DataException extends AikgException {
    private static final long serialVersionUID = 1L;
    private final transient Location location;

    public DataException(Location location, String message) {
        super(location == null ? message : location + ": " + message);
        this.location = location;
    }

    public DataException(String message) {
        this(null, message);
    }

    /** Where the bad value is, or null when the failure has no single place. */
    public Location location() {
        return location;
    }

    /** A place in an input file: 1-based line and column, as editors count them. */
    public record Location(Path file, int line, int column) {
        public Location {
            if (file == null) throw new IllegalArgumentException("a location needs a file");
            if (line < 0 || column < 0) throw new IllegalArgumentException("line and column must be >= 0: " + line + ":" + column);
        }

        public static Location of(Path file, int line, int column) {
            return new Location(file, line, column);
        }

        /** The file alone, when no line can be named (a missing file, a file that is not UTF-8). */
        public static Location of(Path file) {
            return new Location(file, 0, 0);
        }

        @Override
        public String toString() {
            return line == 0 ? file.toString() : file + ":" + line + ":" + column;
        }
    }
}

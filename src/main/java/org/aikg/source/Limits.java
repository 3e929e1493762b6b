package org.aikg.source;

/**
 * The sizes aikg reads, each refused with its place when passed (README, "Limits"). They are far
 * above what a news article's sheet needs (the shipped one is 13 KB, nested 5 deep, with no
 * aliases) and keep one bad or hostile file from taking the memory or time of a whole run.
 *
 * <pre>{@code
 * if (Files.size(sheet) > Limits.MAX_SHEET_BYTES) ...
 * }</pre>
 */
public final class Limits {
    private Limits() {}

    /** The largest fact sheet or dataset descriptor, in bytes, comments included: 8 MiB. */
    public static final int MAX_SHEET_BYTES = 8 * 1024 * 1024;

    /** The largest source text, in bytes: 16 MiB. */
    public static final int MAX_TEXT_BYTES = 16 * 1024 * 1024;

    /** The deepest nesting of lists and mappings in a YAML file, the top level counting as 1. */
    public static final int MAX_NESTING = 50;

    /** The longest request path the server answers, in characters: longer ones name nothing it mints. */
    public static final int MAX_PATH_CHARS = 512;

    /**
     * The longest id, in characters: an id's longest path, a passage's
     * {@code /doc/passage/{id}-{start}-{end}} with offsets of eight digits and a format suffix, stays well within
     * {@link #MAX_PATH_CHARS}.
     */
    public static final int MAX_ID_CHARS = 200;

    /**
     * The most characters the scalars of a YAML file may come to once every alias is read as what it
     * names: a file may not, through aliases, say more than the largest file could write out.
     */
    public static final int MAX_EXPANDED_CHARS = MAX_SHEET_BYTES;

    /** The most aliases ({@code *name}) of lists or mappings in a YAML file (each can multiply the work of reading it). */
    public static final int MAX_ALIASES = 50;
}

package org.aikg.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.aikg.DataException.Location;
import org.aikg.DataException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML node that knows where it stands in its file, so that every complaint about a value can
 * name its line and column. Values are read as the text the author wrote (no YAML type guessing:
 * {@code 2023} stays "2023", {@code no} stays "no").
 */
final class YamlNode {
    private final Path file;
    private final Node node;
    private final String name;

    private YamlNode(Path file, Node node, String name) {
        this.file = file;
        this.node = node;
        this.name = name;
    }

    /**
     * Reads a whole YAML file, strictly UTF-8, as one document, within the {@link Limits}: its size
     * is checked before parsing (comments count), nesting and aliases while composing.
     */
    static YamlNode parse(Path file) {
        String text = readUtf8(file, Limits.MAX_SHEET_BYTES, "a YAML file");
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(Limits.MAX_SHEET_BYTES);  // never reached: a file within the byte limit has fewer code points
        options.setNestingDepthLimit(Limits.MAX_NESTING - 1);  // SnakeYAML lets one level more through than its limit
        options.setMaxAliasesForCollections(Limits.MAX_ALIASES);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new DataException(at(file, m), "malformed YAML: " + oneLine(problem));
        } catch (YAMLException e) {
            // SnakeYAML's limits say no place: find the place the limit is passed
            DataException located = overLimit(file, text, options);
            throw located != null ? located : new DataException(Location.of(file), "malformed YAML: " + oneLine(e.getMessage()));
        }
        if (root == null) {
            throw new DataException(Location.of(file, 1, 1), "the file is empty (expected a YAML mapping)");
        }
        if (text.indexOf('*') >= 0) {
            DataException over = overExpanded(file, text, options);
            if (over != null) throw over;
        }
        return new YamlNode(file, root, "the document");
    }

    /**
     * Goes through the file's events, counting as SnakeYAML's composer does, to the first list or
     * mapping nested deeper than {@link Limits#MAX_NESTING} or the first alias of a list or mapping
     * past {@link Limits#MAX_ALIASES}; null when there is none.
     */
    private static DataException overLimit(Path file, String text, LoaderOptions options) {
        int depth = 0;
        int aliases = 0;
        Map<String, Boolean> anchorIsCollection = new HashMap<>();
        try {
            for (Event e : new Yaml(options).parse(new StringReader(text))) {
                if (e instanceof CollectionStartEvent c) {
                    if (++depth > Limits.MAX_NESTING) {
                        return new DataException(at(file, c.getStartMark()), "lists and mappings nested more than " + Limits.MAX_NESTING
                                + " deep (the limit of a YAML file)");
                    }
                    if (c.getAnchor() != null) anchorIsCollection.put(c.getAnchor(), true);
                } else if (e instanceof CollectionEndEvent) {
                    depth--;
                } else if (e instanceof ScalarEvent sc && sc.getAnchor() != null) {
                    anchorIsCollection.put(sc.getAnchor(), false);
                } else if (e instanceof AliasEvent a && anchorIsCollection.getOrDefault(a.getAnchor(), false) && ++aliases > Limits.MAX_ALIASES) {
                    return new DataException(at(file, a.getStartMark()), "more than " + Limits.MAX_ALIASES + " aliases of lists or mappings "
                            + "(*" + a.getAnchor() + " is one; the limit of a YAML file)");
                }
            }
        } catch (YAMLException e) {
            return null;
        }
        return null;
    }

    /** An open list or mapping: its anchor (or null) and the characters of its scalars so far, aliases read as what they name. */
    private static final class Open {
        final String anchor;
        long chars;

        Open(String anchor) {
            this.anchor = anchor;
        }
    }

    /**
     * Goes through the file's events adding up the characters of its scalars, each alias counted as
     * the characters of what its anchor names, to the first alias that takes the sum past
     * {@link Limits#MAX_EXPANDED_CHARS}; null when there is none. An alias of a scalar counts as
     * much as an alias of a list: both are written out whole in the graph.
     */
    private static DataException overExpanded(Path file, String text, LoaderOptions options) {
        Map<String, Long> named = new HashMap<>();
        Deque<Open> open = new ArrayDeque<>();
        long total = 0;
        for (Event e : new Yaml(options).parse(new StringReader(text))) {
            long chars;
            if (e instanceof CollectionStartEvent c) {
                open.push(new Open(c.getAnchor()));
                continue;
            } else if (e instanceof CollectionEndEvent) {
                Open done = open.pop();
                if (done.anchor != null) named.put(done.anchor, done.chars);
                if (!open.isEmpty()) open.peek().chars += done.chars;
                continue;
            } else if (e instanceof ScalarEvent sc) {
                chars = sc.getValue().length();
                if (sc.getAnchor() != null) named.put(sc.getAnchor(), chars);
            } else if (e instanceof AliasEvent a) {
                chars = named.getOrDefault(a.getAnchor(), 0L);
                if (total + chars > Limits.MAX_EXPANDED_CHARS) {
                    return new DataException(at(file, a.getStartMark()), "the aliases up to here make the file say more than "
                            + Limits.MAX_EXPANDED_CHARS + " characters once read (*" + a.getAnchor() + " names " + chars
                            + "; a file may not say through aliases more than the largest file could write out)");
                }
            } else {
                continue;
            }
            total += chars;
            if (!open.isEmpty()) open.peek().chars += chars;
        }
        return null;
    }

    /**
     * Reads a regular file of at most {@code maxBytes} bytes as UTF-8, refusing anything that is not
     * (no silent replacement characters); {@code what} names the kind of file in messages.
     */
    static String readUtf8(Path file, int maxBytes, String what) {
        return readUtf8(file, file, maxBytes, what);
    }

    /** As {@link #readUtf8(Path, int, String)}, reading {@code file} and naming it {@code shown} in messages. */
    static String readUtf8(Path file, Path shown, int maxBytes, String what) {
        byte[] bytes;
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            if (a.isDirectory()) throw new DataException(Location.of(shown), "the file is a folder (expected " + what + ")");
            if (!a.isRegularFile()) throw new DataException(Location.of(shown), "the file is not a regular file but a device, FIFO or socket (expected " + what + ")");
            if (a.size() > maxBytes) throw tooLarge(shown, a.size(), maxBytes, what);
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(maxBytes + 1);
            }
            if (bytes.length > maxBytes) throw tooLarge(shown, bytes.length, maxBytes, what);
        } catch (NoSuchFileException e) {
            throw new DataException(Location.of(shown), "file not found");
        } catch (IOException e) {
            throw new DataException(Location.of(shown), "cannot read the file: " + e.getMessage());
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) result = decoder.flush(out);
        if (result.isError()) {
            int bad = in.position();
            int line = 1;
            int col = 1;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    col = 1;
                } else if ((bytes[i] & 0xC0) != 0x80) {
                    col++;
                }
            }
            throw new DataException(Location.of(shown, line, col), "the file is not UTF-8 (invalid byte 0x"
                    + String.format("%02X", bytes[bad] & 0xFF) + " at byte offset " + bad + ")");
        }
        out.flip();
        String text = out.toString();
        int bad = Chars.firstForbidden(text);
        if (bad >= 0) {
            int line = 1;
            int lineStart = 0;
            for (int i = text.indexOf('\n'); i >= 0 && i < bad; i = text.indexOf('\n', i + 1)) {
                line++;
                lineStart = i + 1;
            }
            throw new DataException(Location.of(shown, line, text.codePointCount(lineStart, bad) + 1),
                    Chars.describe(text, bad) + " is not allowed (" + Chars.RULE + ")");
        }
        return text;
    }

    private static DataException tooLarge(Path file, long size, int max, String what) {
        return new DataException(Location.of(file), String.format(Locale.ROOT, "the file is %,d bytes, over the limit of %,d bytes (%d MiB) for %s",
                size, max, max / (1024 * 1024), what));
    }

    Path file() {
        return file;
    }

    Location at() {
        return at(file, node.getStartMark());
    }

    DataException error(String message) {
        return new DataException(at(), message);
    }

    private static Location at(Path file, Mark mark) {
        return mark == null ? Location.of(file) : Location.of(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    boolean isMapping() {
        return node instanceof MappingNode;
    }

    /** True for {@code ~}, {@code null} or nothing at all; a quoted {@code ""} is a value (an empty one). */
    boolean isNull() {
        return node instanceof ScalarNode s && s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
                && (s.getTag().equals(Tag.NULL) || s.getValue().isEmpty());
    }

    /** The text of a scalar value, holding no character that {@link Chars} forbids (escapes such as "\\e" included). */
    String text() {
        if (node instanceof ScalarNode s) {
            if (isNull()) throw error(name + " has no value");
            String v = s.getValue();
            int bad = Chars.firstForbidden(v);
            if (bad >= 0) {
                throw error(name + " holds " + Chars.describe(v, bad) + " (character " + (v.codePointCount(0, bad) + 1) + " of the value; "
                        + Chars.RULE + ")");
            }
            return v;
        }
        throw error(name + " must be a single value, not " + kind());
    }

    /** The entries of a mapping, checking that every key is one of {@code allowed}. */
    Map<String, YamlNode> mapping(Set<String> allowed) {
        if (!(node instanceof MappingNode m)) {
            throw error(name + " must be a mapping of keys to values, not " + kind());
        }
        Map<String, YamlNode> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            Node k = t.getKeyNode();
            YamlNode key = new YamlNode(file, k, "a key");
            String kt = key.text();
            if (!allowed.contains(kt)) {
                throw key.error("unknown key \"" + kt + "\" in " + name + " (expected one of " + String.join(", ", allowed) + ")");
            }
            if (out.containsKey(kt)) {
                throw key.error("duplicate key \"" + kt + "\" in " + name + " (first at line " + out.get(kt).at().line() + ")");
            }
            out.put(kt, new YamlNode(file, t.getValueNode(), "\"" + kt + "\""));
        }
        return out;
    }

    /** The items of a list; a single value counts as a list of one. */
    List<YamlNode> list() {
        List<YamlNode> out = new ArrayList<>();
        if (node instanceof SequenceNode s) {
            int i = 1;
            for (Node item : s.getValue()) out.add(new YamlNode(file, item, "item " + i++ + " of " + name));
        } else if (!isNull()) {
            out.add(this);
        }
        return out;
    }

    /** The items of a list that must be a list (of mappings, typically). */
    List<YamlNode> sequence() {
        if (node instanceof SequenceNode) return list();
        if (isNull()) return List.of();
        throw error(name + " must be a list, not " + kind());
    }

    String name() {
        return name;
    }

    YamlNode named(String newName) {
        return new YamlNode(file, node, newName);
    }

    private String kind() {
        if (node instanceof MappingNode) return "a mapping";
        if (node instanceof SequenceNode) return "a list";
        return "the value \"" + ((ScalarNode) node).getValue() + "\"";
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}

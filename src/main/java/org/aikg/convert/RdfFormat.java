package org.aikg.convert;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.aikg.UsageException;
import org.apache.jena.riot.Lang;

/**
 * The RDF formats aikg writes, each with its usual file extension. Turtle, N-Triples, JSON-LD and
 * RDF/XML hold the union of the sources' graphs; TriG and N-Quads keep each source's graph apart.
 *
 * <pre>{@code
 * RdfFormat f = RdfFormat.fromFileName(Path.of("out.ttl"));   // TTL
 * }</pre>
 */
public enum RdfFormat {
    TTL("ttl", Lang.TURTLE, false),
    NT("nt", Lang.NTRIPLES, false),
    JSONLD("jsonld", Lang.JSONLD, false),
    RDF("rdf", Lang.RDFXML, false),
    TRIG("trig", Lang.TRIG, true),
    NQ("nq", Lang.NQUADS, true);

    private final String extension;
    private final Lang lang;
    private final boolean quads;

    RdfFormat(String extension, Lang lang, boolean quads) {
        this.extension = extension;
        this.lang = lang;
        this.quads = quads;
    }

    public String extension() {
        return extension;
    }

    public Lang lang() {
        return lang;
    }

    /** True where the format keeps named graphs apart. */
    public boolean keepsGraphs() {
        return quads;
    }

    /** The format named by an extension or name ("ttl", "jsonld", "nq"). */
    public static RdfFormat named(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (RdfFormat f : values()) {
            if (f.extension.equals(n)) return f;
        }
        if (n.equals("turtle")) return TTL;
        if (n.equals("ntriples") || n.equals("n-triples")) return NT;
        if (n.equals("nquads") || n.equals("n-quads")) return NQ;
        if (n.equals("xml") || n.equals("rdfxml") || n.equals("owl")) return RDF;
        if (n.equals("json-ld") || n.equals("json")) return JSONLD;
        throw new UsageException("unknown RDF format \"" + name + "\" (expected one of " + allNames() + ")");
    }

    /** The format of a file, from its extension. */
    public static RdfFormat fromFileName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot < 0) throw new UsageException("cannot tell the format of \"" + file + "\" from its name (expected an extension: " + allNames() + "; or give --format)");
        try {
            return named(name.substring(dot + 1));
        } catch (UsageException e) {
            throw new UsageException("cannot tell the format of \"" + file + "\" from its extension (expected one of " + allNames() + "; or give --format)");
        }
    }

    static String allNames() {
        return String.join(", ", Arrays.stream(values()).map(RdfFormat::extension).toList());
    }
}

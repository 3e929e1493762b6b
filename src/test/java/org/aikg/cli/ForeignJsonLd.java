package org.aikg.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.XSD;

/**
 * A compact JSON-LD document written as a person or another tool would, not by aikg: a local
 * {@code @context} (no remote one) with {@code @vocab} set to schema.org, a prefix {@code k:} for
 * the things, a prefix per other vocabulary, one node object per subject, {@code @type} for
 * rdf:type, plain strings for xsd:string. A test's way to have a file aikg did not write.
 */
final class ForeignJsonLd {
    private static final String SCHEMA = "http://schema.org/";
    private static final Pattern TERM = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private ForeignJsonLd() {}

    static Path write(Graph g, String base, Path file) throws IOException {
        Map<String, String> prefixes = new LinkedHashMap<>();
        Map<Node, JsonObject> nodes = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        for (Triple t : g.find().toList()) {
            JsonObject node = nodes.computeIfAbsent(t.getSubject(), s -> {
                JsonObject o = new JsonObject();
                o.put("@id", id(s, base));
                return o;
            });
            if (t.getPredicate().equals(RDF.type.asNode()) && t.getObject().isURI()) {
                add(node, "@type", new org.apache.jena.atlas.json.JsonString(type(t.getObject().getURI(), prefixes)));
            } else {
                add(node, key(t.getPredicate().getURI(), prefixes), value(t.getObject(), base, prefixes));
            }
        }
        JsonObject context = new JsonObject();
        context.put("@vocab", SCHEMA);
        context.put("k", base + "id/");
        prefixes.forEach(context::put);
        JsonObject doc = new JsonObject();
        doc.put("@context", context);
        JsonArray graph = new JsonArray();
        nodes.values().forEach(graph::add);
        doc.put("@graph", graph);
        try (OutputStream out = Files.newOutputStream(file)) {
            JSON.write(out, doc);
        }
        return file;
    }

    private static void add(JsonObject node, String key, org.apache.jena.atlas.json.JsonValue v) {
        if (!node.hasKey(key)) node.put(key, new JsonArray());
        node.get(key).getAsArray().add(v);
    }

    private static String id(Node n, String base) {
        if (n.isBlank()) return "_:b" + n.getBlankNodeLabel().replaceAll("[^A-Za-z0-9]", "");
        String iri = n.getURI();
        return iri.startsWith(base + "id/") ? "k:" + iri.substring((base + "id/").length()) : iri;
    }

    private static String type(String iri, Map<String, String> prefixes) {
        if (iri.startsWith(SCHEMA) && TERM.matcher(iri.substring(SCHEMA.length())).matches()) return iri.substring(SCHEMA.length());
        return key(iri, prefixes);
    }

    /** A property as a term under @vocab, or prefix:local with a prefix per namespace, or the IRI itself. */
    private static String key(String iri, Map<String, String> prefixes) {
        if (iri.startsWith(SCHEMA) && TERM.matcher(iri.substring(SCHEMA.length())).matches()) return iri.substring(SCHEMA.length());
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1;
        String local = iri.substring(cut);
        if (!TERM.matcher(local).matches()) return iri;
        String ns = iri.substring(0, cut);
        String prefix = prefixes.entrySet().stream().filter(e -> e.getValue().equals(ns)).map(Map.Entry::getKey).findFirst().orElse(null);
        if (prefix == null) {
            prefix = "v" + prefixes.size();
            prefixes.put(prefix, ns);
        }
        return prefix + ":" + local;
    }

    private static org.apache.jena.atlas.json.JsonValue value(Node o, String base, Map<String, String> prefixes) {
        JsonObject v = new JsonObject();
        if (!o.isLiteral()) {
            v.put("@id", id(o, base));
            return v;
        }
        if (!o.getLiteralLanguage().isEmpty()) {
            v.put("@value", o.getLiteralLexicalForm());
            v.put("@language", o.getLiteralLanguage());
            return v;
        }
        if (o.getLiteralDatatypeURI().equals(XSD.xstring.getURI())) return new org.apache.jena.atlas.json.JsonString(o.getLiteralLexicalForm());
        v.put("@value", o.getLiteralLexicalForm());
        v.put("@type", key(o.getLiteralDatatypeURI(), prefixes));
        return v;
    }
}

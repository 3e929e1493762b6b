package org.aikg.format;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraphFactory;

/**
 * One format the server can answer in: its name, its media types (the first is the one answered
 * with), the names a client may give in {@code ?format=} / {@code ?output=} / {@code ?results=} (the
 * first is the file suffix, Jena's own extension for the language), the Jena language, the writer of
 * an answer and, for the formats aikg writes as files, the writer of a file (a streaming one where Jena
 * has it), the W3C format IRI where there is one, and whether it holds quads. Every offer list, suffix
 * rule, download, file extension, service-description entry and 406/400 message is derived from these;
 * see {@link Formats} for the registry.
 *
 * <pre>{@code
 * Format f = Formats.TURTLE;
 * f.mediaType();          // "text/turtle"
 * f.contentType();        // "text/turtle; charset=utf-8"
 * f.suffix();             // "ttl"
 * }</pre>
 */
public record Format(String label, Kind kind, List<String> mediaTypes, List<String> names, Lang lang, RDFFormat writer, RDFFormat fileWriter,
        String w3cIri, boolean quads) {

    /** What a format writes. */
    public enum Kind {
        /** An RDF syntax: graphs (and datasets where {@link Format#quads()}). */
        RDF,
        /** A SPARQL results format (SELECT, ASK). */
        RESULTS,
        /** A page for people. */
        HTML,
        /** Plain JSON (the answer of ARQ's JSON query form). */
        JSON,
        /** A document for machines that is not RDF: the sitemap (XML). */
        DOCUMENT
    }

    public Format {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        mediaTypes = List.copyOf(mediaTypes);
        names = List.copyOf(names);
        if (mediaTypes.isEmpty() || names.isEmpty()) throw new IllegalArgumentException(label + ": a format needs a media type and a name");
        for (String m : mediaTypes) {
            if (!m.equals(m.toLowerCase(Locale.ROOT)) || m.indexOf('/') <= 0 || m.contains(";")) {
                throw new IllegalArgumentException(label + ": bad media type \"" + m + "\" (expected type/subtype in lower case)");
            }
        }
        if (kind == Kind.RDF && (lang == null || writer == null)) throw new IllegalArgumentException(label + ": an RDF format needs a Jena language and writer");
        if (lang != null && !lang.getHeaderString().equals(mediaTypes.get(0))) {
            throw new IllegalArgumentException(label + ": the first media type " + mediaTypes.get(0) + " is not Jena's " + lang.getHeaderString());
        }
        if (kind == Kind.RDF && !lang.getFileExtensions().isEmpty() && !lang.getFileExtensions().get(0).equals(names.get(0))) {
            throw new IllegalArgumentException(label + ": the suffix " + names.get(0) + " is not Jena's file extension " + lang.getFileExtensions().get(0));
        }
        if (fileWriter != null && (kind != Kind.RDF || !fileWriter.getLang().equals(lang))) {
            throw new IllegalArgumentException(label + ": the file writer " + fileWriter + " does not write " + lang);
        }
    }

    /** True for the formats aikg writes as files: convert's outputs and the downloads. */
    public boolean isFile() {
        return fileWriter != null;
    }

    /** True when a file in this format is written as the triples come, without the whole graph in memory (Jena has a streaming writer). */
    public boolean streams() {
        return fileWriter != null && StreamRDFWriter.registered(fileWriter);
    }

    /** The extensions of a file in this format, as Jena's language lists them ({@code rdf}, {@code owl}, {@code xml} for RDF/XML). */
    public List<String> fileExtensions() {
        return lang == null ? List.of() : lang.getFileExtensions();
    }

    /** The media type answered with. */
    public String mediaType() {
        return mediaTypes.get(0);
    }

    /** The {@code Content-Type} answered with: text formats say their charset, binary ones do not. */
    public String contentType() {
        return binary() ? mediaType() : mediaType() + "; charset=utf-8";
    }

    /** The file suffix ({@code /doc/x.ttl}, {@code aikg.ttl}). */
    public String suffix() {
        return names.get(0);
    }

    /** Thrift and Protobuf are bytes, not text. */
    public boolean binary() {
        return Lang.RDFTHRIFT.equals(lang) || Lang.RDFPROTO.equals(lang) || ResultSetLang.RS_Thrift.equals(lang)
                || ResultSetLang.RS_Protobuf.equals(lang);
    }

    /** A graph written in this RDF format (a quads format gets it as its default graph). */
    public byte[] write(Graph graph) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(graph, out);
        return out.toByteArray();
    }

    /** A graph written in this RDF format to {@code out} (a quads format gets it as its default graph). */
    public void write(Graph graph, OutputStream out) {
        if (kind != Kind.RDF) throw new IllegalStateException(label + " is not an RDF format");
        if (quads) RDFWriter.source(DatasetGraphFactory.wrap(graph)).format(writer).output(out);
        else RDFWriter.source(graph).format(writer).output(out);
    }

    /** True when {@code name} (a {@code ?format=} value, any case) names this format. */
    public boolean isNamed(String name) {
        return names.contains(name.toLowerCase(Locale.ROOT));
    }
}

package org.aikg.format;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.aikg.UsageException;
import org.aikg.format.Format.Kind;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.resultset.ResultSetLang;

/**
 * The registry of formats: the one place where a media type, a suffix, a {@code ?format=} name, a
 * file extension or a W3C format IRI is written, for every part of aikg — what convert writes and
 * reads, what load and publish send, what the server answers and offers for download. A new format
 * is one entry here: the offer lists of the server (see {@code Offers}), the downloads and the file
 * formats of the command line are built from it, and nothing else names a format.
 *
 * <pre>{@code
 * Formats.fileFormat(Path.of("out.ttl"))   // TURTLE
 * Formats.named("n-quads")                 // NQUADS (a file format, by any of its names)
 * }</pre>
 */
public final class Formats {
    private static final String W3C = "http://www.w3.org/ns/formats/";

    private Formats() {}

    public static final Format TURTLE = rdf("Turtle", List.of("text/turtle", "application/x-turtle", "application/turtle"),
            List.of("ttl", "turtle", "n3", "text"), Lang.TURTLE, RDFFormat.TURTLE_PRETTY, RDFFormat.TURTLE_BLOCKS, W3C + "Turtle", false);
    public static final Format NTRIPLES = rdf("N-Triples", List.of("application/n-triples", "text/plain"),
            List.of("nt", "ntriples", "n-triples"), Lang.NTRIPLES, RDFFormat.NTRIPLES, RDFFormat.NTRIPLES, W3C + "N-Triples", false);
    public static final Format JSONLD = rdf("JSON-LD", List.of("application/ld+json", "application/json"),
            List.of("jsonld", "json-ld", "json"), Lang.JSONLD, RDFFormat.JSONLD_PRETTY, RDFFormat.JSONLD, W3C + "JSON-LD", false);
    public static final Format RDFXML = rdf("RDF/XML", List.of("application/rdf+xml", "application/xml"),
            List.of("rdf", "xml", "rdfxml", "rdf+xml", "owl"), Lang.RDFXML, RDFFormat.RDFXML_PLAIN, RDFFormat.RDFXML_PLAIN, W3C + "RDF_XML", false);
    public static final Format TRIG = rdf("TriG", List.of("application/trig", "text/trig"),
            List.of("trig"), Lang.TRIG, RDFFormat.TRIG_PRETTY, RDFFormat.TRIG_BLOCKS, W3C + "TriG", true);
    public static final Format NQUADS = rdf("N-Quads", List.of("application/n-quads", "text/n-quads"),
            List.of("nq", "nquads", "n-quads"), Lang.NQUADS, RDFFormat.NQUADS, RDFFormat.NQUADS, W3C + "N-Quads", true);
    public static final Format RDF_THRIFT = rdf("RDF Thrift", List.of("application/rdf+thrift"),
            List.of("rt", "thrift", "rdf-thrift"), Lang.RDFTHRIFT, RDFFormat.RDF_THRIFT, null, null, true);
    public static final Format RDF_PROTOBUF = rdf("RDF Protobuf", List.of("application/rdf+protobuf"),
            List.of("rpb", "protobuf", "rdf-protobuf"), Lang.RDFPROTO, RDFFormat.RDF_PROTO, null, null, true);

    public static final Format RESULTS_JSON = results("SPARQL Results JSON", List.of("application/sparql-results+json", "application/json"),
            List.of("srj", "json"), ResultSetLang.RS_JSON, W3C + "SPARQL_Results_JSON");
    public static final Format RESULTS_XML = results("SPARQL Results XML", List.of("application/sparql-results+xml", "application/xml"),
            List.of("srx", "xml", "sparql"), ResultSetLang.RS_XML, W3C + "SPARQL_Results_XML");
    public static final Format RESULTS_CSV = results("CSV", List.of("text/csv"), List.of("csv"), ResultSetLang.RS_CSV, W3C + "SPARQL_Results_CSV");
    public static final Format RESULTS_TSV = results("TSV", List.of("text/tab-separated-values"), List.of("tsv"), ResultSetLang.RS_TSV,
            W3C + "SPARQL_Results_TSV");
    public static final Format RESULTS_THRIFT = results("SPARQL Results Thrift", List.of("application/sparql-results+thrift"),
            List.of("srt", "thrift"), ResultSetLang.RS_Thrift, null);
    public static final Format RESULTS_PROTOBUF = results("SPARQL Results Protobuf", List.of("application/sparql-results+protobuf"),
            List.of("srp", "protobuf"), ResultSetLang.RS_Protobuf, null);
    /** A SELECT's text table; also the type of any plain text the server writes (refusals, robots.txt). */
    public static final Format RESULTS_TEXT = results("Text table", List.of("text/plain"), List.of("txt", "text"), ResultSetLang.RS_Text, null);

    public static final Format HTML = new Format("HTML", Kind.HTML, List.of("text/html", "application/xhtml+xml"), List.of("html"), null, null,
            null, null, false);
    public static final Format JSON = new Format("JSON", Kind.JSON, List.of("application/json"), List.of("json"), null, null, null, null,
            false);

    /** The sitemap ({@code /sitemap.xml}, sitemaps.org's protocol). */
    public static final Format SITEMAP = new Format("Sitemap", Kind.DOCUMENT, List.of("application/xml"), List.of("xml"), null, null, null, null,
            false);

    /** Every format, in the order of the declarations above. */
    public static final List<Format> ALL = List.of(TURTLE, NTRIPLES, JSONLD, RDFXML, TRIG, NQUADS, RDF_THRIFT, RDF_PROTOBUF, RESULTS_JSON,
            RESULTS_XML, RESULTS_CSV, RESULTS_TSV, RESULTS_THRIFT, RESULTS_PROTOBUF, RESULTS_TEXT, HTML, JSON, SITEMAP);

    /** The formats aikg writes as files (convert's outputs, the files of {@code /download/}), Turtle first (the main download). */
    public static final List<Format> FILES = ALL.stream().filter(Format::isFile).toList();

    /** The file format named {@code name}, by any of its names ({@code ttl}, {@code turtle}, {@code n-quads}), any case. */
    public static Format named(String name) {
        return FILES.stream().filter(f -> f.isNamed(name) || f.fileExtensions().contains(name.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new UsageException("unknown RDF format \"" + name + "\" (expected one of " + fileNames() + ")"));
    }

    /** The file format of {@code file} by its extension, as Jena's languages list them ({@code .ttl}; {@code .rdf}, {@code .owl}), if any. */
    public static Optional<Format> ofFile(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot <= 0) return Optional.empty();
        String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return FILES.stream().filter(f -> f.fileExtensions().contains(ext)).findFirst();
    }

    /** As {@link #ofFile}, refusing a file whose extension names no format aikg reads. */
    public static Format fileFormat(Path file) {
        return ofFile(file).orElseThrow(() -> new UsageException("cannot tell the format of \"" + file + "\" from its extension (expected one of "
                + fileNames() + "; or give --format)"));
    }

    /** The suffixes of the file formats, for messages: "ttl, nt, jsonld, rdf, trig, nq". */
    public static String fileNames() {
        return String.join(", ", FILES.stream().map(Format::suffix).toList());
    }

    private static Format rdf(String label, List<String> types, List<String> names, Lang lang, RDFFormat writer, RDFFormat fileWriter, String iri,
            boolean quads) {
        return new Format(label, Kind.RDF, types, names, lang, writer, fileWriter, iri, quads);
    }

    private static Format results(String label, List<String> types, List<String> names, Lang lang, String iri) {
        return new Format(label, Kind.RESULTS, types, names, lang, null, null, iri, false);
    }
}

package org.aikg.server.http;

import java.util.List;
import java.util.Optional;
import org.aikg.convert.RdfFormat;
import org.aikg.server.http.Format.Kind;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.resultset.ResultSetLang;

/**
 * The registry of formats: the one place where a media type, a suffix, a {@code ?format=} name or
 * a W3C format IRI is written. The offer lists of every kind of answer are built from it, in the
 * order that breaks ties (see {@link Offers}).
 *
 * <pre>{@code
 * Formats.forSuffix("jsonld")          // Optional[JSON-LD]
 * Offers.PAGE.choose(accept)           // the format of a /doc/ page
 * }</pre>
 */
public final class Formats {
    private static final String W3C = "http://www.w3.org/ns/formats/";

    private Formats() {}

    public static final Format TURTLE = rdf("Turtle", List.of("text/turtle", "application/x-turtle", "application/turtle"),
            List.of("ttl", "turtle", "n3", "text"), Lang.TURTLE, RDFFormat.TURTLE_PRETTY, RdfFormat.TTL, W3C + "Turtle", false);
    public static final Format NTRIPLES = rdf("N-Triples", List.of("application/n-triples", "text/plain"),
            List.of("nt", "ntriples", "n-triples"), Lang.NTRIPLES, RDFFormat.NTRIPLES, RdfFormat.NT, W3C + "N-Triples", false);
    public static final Format JSONLD = rdf("JSON-LD", List.of("application/ld+json", "application/json"),
            List.of("jsonld", "json-ld", "json"), Lang.JSONLD, RDFFormat.JSONLD_PRETTY, RdfFormat.JSONLD, W3C + "JSON-LD", false);
    public static final Format RDFXML = rdf("RDF/XML", List.of("application/rdf+xml", "application/xml"),
            List.of("rdf", "xml", "rdfxml", "rdf+xml", "owl"), Lang.RDFXML, RDFFormat.RDFXML_PLAIN, RdfFormat.RDF, W3C + "RDF_XML", false);
    public static final Format TRIG = rdf("TriG", List.of("application/trig", "text/trig"),
            List.of("trig"), Lang.TRIG, RDFFormat.TRIG_PRETTY, RdfFormat.TRIG, W3C + "TriG", true);
    public static final Format NQUADS = rdf("N-Quads", List.of("application/n-quads", "text/n-quads"),
            List.of("nq", "nquads", "n-quads"), Lang.NQUADS, RDFFormat.NQUADS, RdfFormat.NQ, W3C + "N-Quads", true);
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
    public static final Format RESULTS_TEXT = results("Text table", List.of("text/plain"), List.of("txt", "text"), ResultSetLang.RS_Text, null);

    public static final Format HTML = new Format("HTML", Kind.HTML, List.of("text/html", "application/xhtml+xml"), List.of("html"), null, null,
            null, null, false);
    public static final Format JSON = new Format("JSON", Kind.JSON, List.of("application/json"), List.of("json"), null, null, null, null,
            false);

    /** Every format, in the order of the declarations above. */
    public static final List<Format> ALL = List.of(TURTLE, NTRIPLES, JSONLD, RDFXML, TRIG, NQUADS, RDF_THRIFT, RDF_PROTOBUF, RESULTS_JSON,
            RESULTS_XML, RESULTS_CSV, RESULTS_TSV, RESULTS_THRIFT, RESULTS_PROTOBUF, RESULTS_TEXT, HTML, JSON);

    /** The files of {@code /download/}, Turtle first (the main download). */
    public static final List<Format> DOWNLOADS = List.of(TURTLE, NTRIPLES, JSONLD, RDFXML, TRIG, NQUADS);

    /** The RDF format written to files with this extension ({@code ttl}, {@code nq}), if it is one aikg writes. */
    public static Optional<Format> forFile(RdfFormat f) {
        return ALL.stream().filter(x -> x.file() == f).findFirst();
    }

    private static Format rdf(String label, List<String> types, List<String> names, Lang lang, RDFFormat writer, RdfFormat file, String iri,
            boolean quads) {
        return new Format(label, Kind.RDF, types, names, lang, writer, file, iri, quads);
    }

    private static Format results(String label, List<String> types, List<String> names, Lang lang, String iri) {
        return new Format(label, Kind.RESULTS, types, names, lang, null, null, iri, false);
    }
}

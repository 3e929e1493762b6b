package org.aikg.server;

import java.util.List;
import org.aikg.convert.RdfFormat;
import org.aikg.server.Negotiation.Offer;

/** Media types of the formats served, and the offers of a {@code /doc/} page. */
final class Media {
    private Media() {}

    static final String HTML = "text/html";
    static final String TURTLE = "text/turtle";

    /** The variants of a description: Turtle first (for {@code *}{@code /*}), then HTML before RDF/XML. */
    static final List<Offer> DOC_OFFERS = List.of(
            new Offer(TURTLE, "ttl"),
            new Offer(HTML, "html"),
            new Offer("application/n-triples", "nt"),
            new Offer("application/ld+json", "jsonld"),
            new Offer("application/rdf+xml", "rdf"),
            new Offer("application/x-turtle", "ttl"),
            new Offer("application/json", "jsonld"),
            new Offer("text/plain", "nt"),
            new Offer("application/xhtml+xml", "html"));

    /** What a 406 lists. */
    static final List<String> DOC_TYPES = List.of(TURTLE, HTML, "application/n-triples", "application/ld+json", "application/rdf+xml");

    /** A graph in one of the page formats: pretty Turtle, N-Triples, JSON-LD, RDF/XML. */
    static byte[] write(org.apache.jena.graph.Graph g, RdfFormat format) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.apache.jena.riot.RDFFormat f = switch (format) {
            case NT -> org.apache.jena.riot.RDFFormat.NTRIPLES;
            case JSONLD -> org.apache.jena.riot.RDFFormat.JSONLD_PRETTY;
            case RDF -> org.apache.jena.riot.RDFFormat.RDFXML_PLAIN;
            default -> org.apache.jena.riot.RDFFormat.TURTLE_PRETTY;
        };
        org.apache.jena.riot.RDFWriter.source(g).format(f).output(out);
        return out.toByteArray();
    }

    static String of(RdfFormat f) {
        return switch (f) {
            case TTL -> TURTLE;
            case NT -> "application/n-triples";
            case JSONLD -> "application/ld+json";
            case RDF -> "application/rdf+xml";
            case TRIG -> "application/trig";
            case NQ -> "application/n-quads";
        };
    }

    static String label(RdfFormat f) {
        return switch (f) {
            case TTL -> "Turtle";
            case NT -> "N-Triples";
            case JSONLD -> "JSON-LD";
            case RDF -> "RDF/XML";
            case TRIG -> "TriG";
            case NQ -> "N-Quads";
        };
    }

    static String withCharset(String mediaType) {
        return mediaType + "; charset=utf-8";
    }
}

package org.aikg.server.sparql;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aikg.server.http.Format;
import org.aikg.server.http.HttpError;
import org.aikg.server.http.Offers;
import org.aikg.server.http.Params;
import org.aikg.server.http.Resource;
import org.aikg.server.http.Responses;
import org.aikg.vocab.Vocab;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Triple Pattern Fragments ({@code /fragments?subject=&predicate=&object=&page=}), the Linked Data
 * Fragments interface: the triples matching one pattern, a page at a time, with their count and the
 * Hydra controls that let a client (Comunica) ask for any other pattern, so that it can answer a
 * SPARQL query itself at almost no cost to the server. In TriG and N-Quads the metadata and controls
 * are a named graph of their own; in Turtle, N-Triples and JSON-LD they stand beside the data.
 *
 * <pre>{@code
 * builder.addServlet("/fragments", new Fragments(graph, () -> graph.size(), () -> server.url(), prefixes));
 * }</pre>
 */
public final class Fragments extends Resource {
    private static final long serialVersionUID = 1L;
    /** Triples per page. */
    public static final int PAGE_SIZE = 100;
    private static final String HYDRA = "http://www.w3.org/ns/hydra/core#";
    private static final Pattern LITERAL = Pattern.compile("\"(.*)\"(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*)|\\^\\^<?([^<>\"]+)>?)?", Pattern.DOTALL);
    private static final List<String> PARAMETERS = List.of("subject", "predicate", "object");

    private final transient Graph data;
    private final java.util.function.LongSupplier triples;
    private final transient Supplier<String> address;
    private final transient Map<String, String> prefixes;

    /**
     * Fragments of {@code data} ({@code triples} in all), at the address the server is reached at
     * ({@code http://host:port}, from its configuration, never from a request's {@code Host}).
     */
    public Fragments(Graph data, java.util.function.LongSupplier triples, Supplier<String> address, Map<String, String> prefixes) {
        this.data = data;
        this.triples = triples;
        this.address = address;
        this.prefixes = Map.copyOf(prefixes);
    }

    @Override
    protected void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Format format = Offers.FRAGMENT.decide(req).orElseThrow(() -> HttpError.notAcceptable(req.getHeader("Accept"), Offers.FRAGMENT));
        Node s = term(req, "subject", false);
        Node p = term(req, "predicate", false);
        Node o = term(req, "object", true);
        int page = Params.page(req);
        List<Triple> matches = new ArrayList<>();
        long count = 0;
        long skip = (long) (page - 1) * PAGE_SIZE;
        for (var it = data.find(s, p, o); it.hasNext();) {
            Triple t = it.next();
            if (count >= skip && count < skip + PAGE_SIZE) matches.add(t);
            count++;
        }
        if (page > 1 && matches.isEmpty()) throw HttpError.notFound("there is no page " + page + " of this fragment");
        String base = address.get();
        Node fragment = NodeFactory.createURI(base + "/fragments" + query(s, p, o, page == 1 ? 0 : page));
        Node dataset = NodeFactory.createURI(base + "/fragments#dataset");
        Graph controls = GraphFactory.createGraphMem();
        add(controls, dataset, Vocab.RDF_type, NodeFactory.createURI(Vocab.VOID + "Dataset"));
        add(controls, dataset, Vocab.RDF_type, hydra("Collection"));
        add(controls, dataset, NodeFactory.createURI(Vocab.VOID + "subset"), fragment);
        add(controls, dataset, NodeFactory.createURI(Vocab.VOID + "triples"), integer(triples.getAsLong()));
        Node search = NodeFactory.createBlankNode("search");
        add(controls, dataset, hydra("search"), search);
        add(controls, search, hydra("template"), NodeFactory.createLiteralString(base + "/fragments{?subject,predicate,object}"));
        add(controls, search, hydra("variableRepresentation"), hydra("ExplicitRepresentation"));
        for (String v : PARAMETERS) {
            Node mapping = NodeFactory.createBlankNode("mapping-" + v);
            add(controls, search, hydra("mapping"), mapping);
            add(controls, mapping, hydra("variable"), NodeFactory.createLiteralString(v));
            add(controls, mapping, hydra("property"), NodeFactory.createURI(Vocab.RDF + v));
        }
        add(controls, fragment, Vocab.RDF_type, hydra("PartialCollectionView"));
        add(controls, fragment, NodeFactory.createURI(Vocab.VOID + "triples"), integer(count));
        add(controls, fragment, hydra("totalItems"), integer(count));
        add(controls, fragment, hydra("itemsPerPage"), integer(PAGE_SIZE));
        add(controls, fragment, hydra("first"), NodeFactory.createURI(base + "/fragments" + query(s, p, o, 1)));
        if (page > 1) add(controls, fragment, hydra("previous"), NodeFactory.createURI(base + "/fragments" + query(s, p, o, page - 1)));
        if (skip + PAGE_SIZE < count) add(controls, fragment, hydra("next"), NodeFactory.createURI(base + "/fragments" + query(s, p, o, page + 1)));
        resp.setHeader("Vary", "Accept");
        Responses.send(req, resp, format.contentType(), write(format, matches, controls, NodeFactory.createURI(fragment.getURI() + "#metadata")));
    }

    private byte[] write(Format format, List<Triple> matches, Graph controls, Node metadata) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (format.quads()) {
            DatasetGraph d = DatasetGraphFactory.create();
            prefixes.forEach(d.prefixes()::add);
            d.prefixes().add("hydra", HYDRA);
            d.prefixes().add("void", Vocab.VOID);
            for (Triple t : matches) d.add(Quad.create(Quad.defaultGraphIRI, t));
            controls.find().forEachRemaining(t -> d.add(Quad.create(metadata, t)));
            RDFWriter.source(d).format(format.writer()).output(out);
        } else {
            Graph g = GraphFactory.createGraphMem();
            prefixes.forEach(g.getPrefixMapping()::setNsPrefix);
            g.getPrefixMapping().setNsPrefix("hydra", HYDRA).setNsPrefix("void", Vocab.VOID);
            matches.forEach(g::add);
            controls.find().forEachRemaining(g::add);
            RDFWriter.source(g).format(format.writer()).output(out);
        }
        return out.toByteArray();
    }

    /** A term of the pattern: an IRI, a literal ({@code "v"}, {@code "v"@en}, {@code "v"^^dt}), or any (absent, empty, {@code ?x}). */
    private static Node term(HttpServletRequest req, String name, boolean literalAllowed) {
        String given = Params.one(req, name);
        if (given == null) return Node.ANY;
        String v = given.strip();
        if (v.isEmpty() || v.startsWith("?")) return Node.ANY;
        if (v.startsWith("\"")) {
            Matcher m = LITERAL.matcher(v);
            if (!literalAllowed || !m.matches()) throw HttpError.badRequest(name + " is not an IRI" + (literalAllowed ? " or a literal" : "") + ": " + v);
            if (m.group(2) != null) return NodeFactory.createLiteralLang(m.group(1), m.group(2));
            if (m.group(3) != null) return NodeFactory.createLiteralDT(m.group(1), TypeMapper.getInstance().getSafeTypeByName(iri(name, m.group(3))));
            return NodeFactory.createLiteralString(m.group(1));
        }
        if (v.startsWith("<") && v.endsWith(">")) v = v.substring(1, v.length() - 1);
        return NodeFactory.createURI(iri(name, v));
    }

    private static String iri(String name, String v) {
        try {
            if (IRIx.create(v).isReference()) return v;
        } catch (IRIException e) {
            throw HttpError.badRequest(name + " is not an IRI: " + v + " (" + e.getMessage() + ")");
        }
        throw HttpError.badRequest(name + " must be an absolute IRI, not " + v);
    }

    /** The query string of a fragment (page 0: none), in the TPF form: IRIs bare, literals quoted. */
    private static String query(Node s, Node p, Node o, int page) {
        List<String> parts = new ArrayList<>();
        Node[] terms = {s, p, o};
        for (int i = 0; i < 3; i++) {
            if (terms[i] == Node.ANY) continue;
            parts.add(PARAMETERS.get(i) + "=" + URLEncoder.encode(tpf(terms[i]), StandardCharsets.UTF_8));
        }
        if (page > 0) parts.add("page=" + page);
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private static String tpf(Node n) {
        if (n.isURI()) return n.getURI();
        String lang = n.getLiteralLanguage();
        if (!lang.isEmpty()) return "\"" + n.getLiteralLexicalForm() + "\"@" + lang;
        String dt = n.getLiteralDatatypeURI();
        if (dt == null || dt.equals(XSDDatatype.XSDstring.getURI())) return "\"" + n.getLiteralLexicalForm() + "\"";
        return "\"" + n.getLiteralLexicalForm() + "\"^^" + dt;
    }

    private static Node hydra(String local) {
        return NodeFactory.createURI(HYDRA + local);
    }

    private static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }

    private static void add(Graph g, Node s, Node p, Node o) {
        g.add(Triple.create(s, p, o));
    }
}

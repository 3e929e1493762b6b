package org.aikg.server.sparql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aikg.format.Format;
import org.aikg.server.budget.Budget;
import org.aikg.server.budget.Spool;
import org.aikg.server.http.HttpError;
import org.aikg.server.http.Offers;
import org.aikg.server.http.Params;
import org.aikg.server.http.Resource;
import org.aikg.vocab.Vocab;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.query.Query;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.syntax.ElementGroup;

/**
 * Triple Pattern Fragments ({@code /fragments?subject=&predicate=&object=&page=}), the Linked Data
 * Fragments interface: the triples matching one pattern, a page at a time, with their count and the
 * Hydra controls that let a client (Comunica) ask for any other pattern, so that it can answer a
 * SPARQL query itself at little cost to the server. A page costs what its own triples cost and a
 * bounded look past them ({@link #LOOK_AHEAD} triples), never a count of every match, and it spends the
 * request's {@link Budget}: the count is exact when the pattern's matches were seen to their end (it is
 * then kept for the pattern), else a lower bound, which the controls say (the TPF specification asks
 * for an estimate). A page past the end, once the end is known, or past the whole graph, costs no scan.
 * In TriG and N-Quads the metadata and controls are a named graph of their own, linked to the fragment
 * with {@code foaf:primaryTopic} as the LDF server writes it (so a client tells them from the data); in
 * Turtle, N-Triples and JSON-LD they stand beside the data.
 *
 * <pre>{@code
 * builder.addServlet("/fragments", new Fragments(dsg, site::triplesIfCounted, () -> server.url(), prefixes));
 * }</pre>
 */
public final class Fragments extends Resource {
    private static final long serialVersionUID = 1L;
    /** Triples per page. */
    public static final int PAGE_SIZE = 100;
    /** How many matches past a page are counted before the count becomes a lower bound. */
    static final int LOOK_AHEAD = 10_000;
    /** How many characters of patterns are kept with their counts (about 2,500 patterns of usual IRIs): a bound in bytes, as the patterns are a client's. */
    static final long COUNTS_KEPT = 256 * 1024;
    private static final String HYDRA = "http://www.w3.org/ns/hydra/core#";
    private static final String FOAF = "http://xmlns.com/foaf/0.1/";
    private static final Pattern LITERAL = Pattern.compile("\"(.*)\"(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*)|\\^\\^<?([^<>\"]+)>?)?", Pattern.DOTALL);
    private static final List<String> PARAMETERS = List.of("subject", "predicate", "object");

    /** What is known of a pattern's matches: how many, and whether that is all of them. */
    private record Count(long matches, boolean exact) {}

    private static final Var S = Var.alloc("s");
    private static final Var P = Var.alloc("p");
    private static final Var O = Var.alloc("o");

    private final transient DatasetGraph data;
    private final transient Supplier<OptionalLong> triples;
    private final transient Supplier<String> address;
    private final transient Map<String, String> prefixes;
    private final transient Cache<Triple, Count> counts = Caffeine.newBuilder().maximumWeight(COUNTS_KEPT)
            .weigher((Triple t, Count c) -> 100 + length(t.getSubject()) + length(t.getPredicate()) + length(t.getObject())).build();

    /**
     * Fragments of the default graph of {@code data} (the union of its graphs; {@code triples} in all, once counted), at the address the server is reached at
     * ({@code http://host:port}, from its configuration, never from a request's {@code Host}).
     */
    public Fragments(DatasetGraph data, Supplier<OptionalLong> triples, Supplier<String> address, Map<String, String> prefixes) {
        this.data = data;
        this.triples = triples;
        this.address = address;
        this.prefixes = Map.copyOf(prefixes);
    }

    @Override
    protected void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Budget budget = Budget.of(req);
        Format format = Offers.FRAGMENT.decide(req).orElseThrow(() -> HttpError.notAcceptable(req.getHeader("Accept"), Offers.FRAGMENT));
        Node s = term(req, "subject", false);
        Node p = term(req, "predicate", false);
        Node o = term(req, "object", true);
        int page = Params.page(req);
        long skip = (long) (page - 1) * PAGE_SIZE;
        Triple pattern = Triple.createMatch(s, p, o);
        Count known = counts.getIfPresent(pattern);
        OptionalLong all = triples.get();
        if (page > 1 && ((known != null && known.exact() && skip >= known.matches()) || (all.isPresent() && skip >= all.getAsLong()))) {
            throw HttpError.notFound("there is no page " + page + " of this fragment");
        }
        List<Triple> matches = new ArrayList<>();
        long rows = 0;
        try (QueryExec exec = BoundedExecution.query(data, page(s, p, o, skip), budget).build()) {
            RowSet it = exec.select();
            while (it.hasNext()) {
                budget.check();
                Binding b = it.next();
                // only the page's own matches are read out; those past it are counted, never decoded
                if (rows++ < PAGE_SIZE) matches.add(Triple.create(term(s, S, b), term(p, P, b), term(o, O, b)));
            }
        }
        long seen = skip + rows;
        boolean ended = rows <= PAGE_SIZE + LOOK_AHEAD && (rows > 0 || skip == 0);
        Count count = ended ? new Count(seen, true) : new Count(Math.max(seen, known == null ? 0 : known.matches()), known != null && known.exact());
        if (known == null || count.exact() || count.matches() > known.matches()) counts.put(pattern, count);
        if (page > 1 && matches.isEmpty()) throw HttpError.notFound("there is no page " + page + " of this fragment");
        String base = address.get();
        Node fragment = NodeFactory.createURI(base + "/fragments" + query(s, p, o, page == 1 ? 0 : page));
        Node metadata = NodeFactory.createURI(fragment.getURI() + "#metadata");
        Node dataset = NodeFactory.createURI(base + "/fragments#dataset");
        Graph controls = GraphFactory.createGraphMem();
        add(controls, dataset, Vocab.RDF_type, NodeFactory.createURI(Vocab.VOID + "Dataset"));
        add(controls, dataset, Vocab.RDF_type, hydra("Collection"));
        add(controls, dataset, NodeFactory.createURI(Vocab.VOID + "subset"), fragment);
        all.ifPresent(n -> add(controls, dataset, NodeFactory.createURI(Vocab.VOID + "triples"), integer(n)));
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
        if (format.quads()) {
            // the LDF server names the fragment as the metadata's topic; Comunica looks for what has the page as its subset
            add(controls, metadata, NodeFactory.createURI(FOAF + "primaryTopic"), fragment);
            add(controls, metadata, NodeFactory.createURI(FOAF + "primaryTopic"), dataset);
        }
        add(controls, fragment, Vocab.RDF_type, hydra("PartialCollectionView"));
        add(controls, fragment, NodeFactory.createURI(Vocab.VOID + "triples"), integer(count.matches()));
        add(controls, fragment, hydra("totalItems"), integer(count.matches()));
        if (!count.exact()) {
            add(controls, fragment, NodeFactory.createURI(Vocab.RDFS + "comment"), NodeFactory.createLiteralLang("The count is a lower bound: at least "
                    + count.matches() + " triples match; counting stops " + LOOK_AHEAD + " triples past a page.", "en"));
        }
        add(controls, fragment, hydra("itemsPerPage"), integer(PAGE_SIZE));
        add(controls, fragment, hydra("first"), NodeFactory.createURI(base + "/fragments" + query(s, p, o, 1)));
        if (page > 1) add(controls, fragment, hydra("previous"), NodeFactory.createURI(base + "/fragments" + query(s, p, o, page - 1)));
        if (skip + PAGE_SIZE < seen) add(controls, fragment, hydra("next"), NodeFactory.createURI(base + "/fragments" + query(s, p, o, page + 1)));
        resp.setHeader("Vary", "Accept");
        try (Spool answer = new Spool(budget)) {
            write(format, matches, controls, metadata, answer);
            answer.send(req, resp, format.contentType());
        }
    }

    private void write(Format format, List<Triple> matches, Graph controls, Node metadata, OutputStream out) {
        if (format.quads()) {
            // streamed in this order: a client that splits data from metadata as it reads (Comunica) learns which
            // graph is the metadata from the first quad, before any other quad of it
            StreamRDF w = StreamRDFWriter.getWriterStream(out, format.lang());
            w.start();
            prefixes.forEach(w::prefix);
            w.prefix("hydra", HYDRA);
            w.prefix("void", Vocab.VOID);
            w.prefix("foaf", FOAF);
            Node topic = NodeFactory.createURI(FOAF + "primaryTopic");
            controls.find(metadata, topic, Node.ANY).forEachRemaining(t -> w.quad(Quad.create(metadata, t)));
            controls.find().filterDrop(t -> t.getPredicate().equals(topic)).forEachRemaining(t -> w.quad(Quad.create(metadata, t)));
            for (Triple t : matches) w.quad(Quad.create(Quad.defaultGraphIRI, t));
            w.finish();
        } else {
            Graph g = GraphFactory.createGraphMem();
            prefixes.forEach(g.getPrefixMapping()::setNsPrefix);
            g.getPrefixMapping().setNsPrefix("hydra", HYDRA).setNsPrefix("void", Vocab.VOID);
            matches.forEach(g::add);
            controls.find().forEachRemaining(g::add);
            RDFWriter.source(g).format(format.writer()).output(out);
        }
    }

    /**
     * The query of one page: the pattern's matches in the store's own order (an index's), past {@code skip},
     * the page's and {@link #LOOK_AHEAD} more and one: made as a syntax tree, never as text from the request.
     * As a query it runs in the store's engine, which skips matches without decoding their terms.
     */
    private static Query page(Node s, Node p, Node o, long skip) {
        Query q = new Query();
        q.setQuerySelectType();
        q.setQueryResultStar(true);
        ElementGroup group = new ElementGroup();
        group.addTriplePattern(Triple.create(s == Node.ANY ? S : s, p == Node.ANY ? P : p, o == Node.ANY ? O : o));
        q.setQueryPattern(group);
        if (skip > 0) q.setOffset(skip);
        q.setLimit(PAGE_SIZE + LOOK_AHEAD + 1);
        return q;
    }

    private static Node term(Node given, Var v, Binding b) {
        return given == Node.ANY ? b.get(v) : given;
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
            parts.add(PARAMETERS.get(i) + "=" + expand(tpf(terms[i])));
        }
        if (page > 0) parts.add("page=" + page);
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    /**
     * A value as the search template's {@code {?subject,predicate,object}} expands it (RFC 6570: every
     * byte of its UTF-8 but the unreserved characters percent-encoded), so that the address of a page
     * is the very string a client makes from the template (a client tells a page's metadata by it).
     */
    static String expand(String value) {
        StringBuilder b = new StringBuilder();
        for (byte x : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') b.append(c);
            else b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
        }
        return b.toString();
    }

    private static String tpf(Node n) {
        if (n.isURI()) return n.getURI();
        String lang = n.getLiteralLanguage();
        if (!lang.isEmpty()) return "\"" + n.getLiteralLexicalForm() + "\"@" + lang;
        String dt = n.getLiteralDatatypeURI();
        if (dt == null || dt.equals(XSDDatatype.XSDstring.getURI())) return "\"" + n.getLiteralLexicalForm() + "\"";
        return "\"" + n.getLiteralLexicalForm() + "\"^^" + dt;
    }

    private static int length(Node n) {
        return n == Node.ANY ? 0 : n.isURI() ? n.getURI().length() : n.isLiteral() ? n.getLiteralLexicalForm().length() + n.getLiteralDatatypeURI().length() : 16;
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

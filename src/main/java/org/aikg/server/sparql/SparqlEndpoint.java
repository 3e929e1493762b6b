package org.aikg.server.sparql;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.aikg.server.http.Format;
import org.aikg.server.http.Formats;
import org.aikg.server.http.HttpError;
import org.aikg.server.http.Offers;
import org.aikg.server.http.Refusals;
import org.aikg.server.http.Responses;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.sparql.core.DatasetDescription;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DynamicDatasets;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.resultset.RDFOutput;
import org.apache.jena.system.Txn;

/**
 * The SPARQL 1.1 query endpoint, as the protocol defines it: GET, POST form and POST direct, the
 * dataset named by {@code default-graph-uri}/{@code named-graph-uri} in place of the query's own, every
 * result format of the {@link Offers} for the query's form. Answers are made whole before anything is
 * sent, so a query cut by the time limit is a {@code 503} with {@code Retry-After}, never a cut-off
 * {@code 200}; one over the size limit is a {@code 422}. Without a query it gives a browser the query
 * page and an RDF client the service description.
 *
 * <pre>{@code
 * SparqlEndpoint sparql = new SparqlEndpoint(settings, view);
 * sparql.serve(req, resp);
 * }</pre>
 */
public final class SparqlEndpoint {
    /** The largest query text taken, in any form: past it, 413 (the parser slows down fast on huge texts). */
    public static final int MAX_QUERY_BYTES = 64 * 1024;
    /** The methods of the endpoint. */
    public static final List<String> METHODS = SparqlRequest.METHODS;

    /** What the endpoint answers from, and its limits. */
    public record Settings(DatasetGraph dataset, String base, Duration timeout, int maxRows, Map<String, String> prefixes,
            Supplier<Graph> serviceDescription) {
        public Settings {
            Objects.requireNonNull(dataset, "dataset");
            Objects.requireNonNull(base, "base");
            if (timeout.isZero() || timeout.isNegative()) throw new IllegalArgumentException("the query timeout must be positive, not " + timeout);
            if (maxRows < 1) throw new IllegalArgumentException("the result cap must be at least 1, not " + maxRows);
            prefixes = Map.copyOf(prefixes);
        }
    }

    private final Settings settings;
    private final HtmlView html;
    private final Map<Format, byte[]> descriptions = new ConcurrentHashMap<>();

    public SparqlEndpoint(Settings settings, HtmlView html) {
        this.settings = settings;
        this.html = html;
    }

    /** Answers a protocol request; every failure is answered here too (a refusal, never a 500 for a client's mistake). */
    public void serve(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String text = null;
        try {
            if (req.getMethod().equals("OPTIONS")) {
                Responses.options(resp, METHODS);
                return;
            }
            SparqlRequest r = SparqlRequest.read(req, MAX_QUERY_BYTES);
            if (r == null) {
                describe(req, resp);
                return;
            }
            text = r.query();
            answer(req, resp, r);
        } catch (Exception | StackOverflowError e) {
            refuse(req, resp, text, e);
        }
    }

    /** Runs a query the server holds (a named query) as if a client had sent it by GET. */
    public void run(HttpServletRequest req, HttpServletResponse resp, String text) throws IOException {
        try {
            answer(req, resp, new SparqlRequest(text, List.of(), List.of()));
        } catch (Exception | StackOverflowError e) {
            refuse(req, resp, text, e);
        }
    }

    private void describe(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Format f = Offers.PAGE.decide(req).orElseThrow(() -> HttpError.notAcceptable(req.getHeader("Accept"), Offers.PAGE));
        resp.setHeader("Vary", "Accept, Accept-Language");
        if (f == Formats.HTML) {
            resp.setHeader("Cache-Control", "no-store");
            Responses.send(req, resp, f.contentType(), html.editor(req, null));
            return;
        }
        byte[] body = descriptions.computeIfAbsent(f, k -> graph(settings.serviceDescription().get(), k));
        Responses.send(req, resp, f.contentType(), body);
    }

    private void answer(HttpServletRequest req, HttpServletResponse resp, SparqlRequest r) throws IOException {
        QueryGuard.Checked checked = QueryGuard.read(r.query(), settings.base());
        Query query = checked.query();
        Offers offers = query.isSelectType() ? Offers.SELECT : query.isAskType() ? Offers.ASK : query.isJsonType() ? Offers.JSON_FORM : Offers.GRAPH;
        Format f = offers.decide(req).orElseThrow(() -> HttpError.notAcceptable(req.getHeader("Accept"), offers));
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        DatasetGraph target = dataset(query, r);
        // only a query that matches text needs the copy whose regular expressions watch the clock
        Query timed = checked.matchesText() ? TimedRegex.apply(query, deadline) : query;
        // the dataset is chosen: the query's FROM must not choose again over it
        timed.getGraphURIs().clear();
        timed.getNamedGraphURIs().clear();
        byte[] body;
        try {
            body = Txn.calculateRead(settings.dataset(), () -> execute(req, r.query(), timed, target, f));
        } catch (QueryCancelledException e) {
            throw HttpError.unavailable("the query ran past the time limit of " + seconds(settings.timeout())
                    + " and was stopped; simplify it, add a LIMIT, or take the whole graph from /download/");
        }
        resp.setHeader("Vary", "Accept");
        if (f == Formats.HTML) resp.setHeader("Cache-Control", "no-store");
        Responses.send(req, resp, f.contentType(), body);
    }

    /** The protocol's dataset replaces the query's FROM / FROM NAMED (SPARQL 1.1 Protocol §2.1.4); else the query's own, else all. */
    private DatasetGraph dataset(Query query, SparqlRequest r) {
        DatasetDescription d = r.namesDataset() ? DatasetDescription.create(r.defaultGraphs(), r.namedGraphs())
                : query.hasDatasetDescription() ? query.getDatasetDescription() : null;
        return d == null ? settings.dataset() : DynamicDatasets.dynamicDataset(d, settings.dataset(), false);
    }

    private byte[] execute(HttpServletRequest req, String text, Query query, DatasetGraph target, Format f) {
        try (QueryExec exec = QueryExec.dataset(target).query(query).set(ARQ.httpServiceAllowed, false)
                .overallTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS).build()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (query.isSelectType()) {
                RowSet rs = exec.select();
                List<Var> vars = rs.getResultVars();
                List<Binding> rows = new ArrayList<>();
                while (rs.hasNext()) {
                    rows.add(rs.next());
                    if (rows.size() > settings.maxRows()) throw tooBig("rows");
                }
                if (f == Formats.HTML) {
                    List<List<Node>> table = rows.stream().map(b -> vars.stream().map(b::get).toList()).toList();
                    return html.answer(req, text, vars.stream().map(Var::getVarName).toList(), table);
                }
                ResultSet results = ResultSet.adapt(RowSetStream.create(vars, rows.iterator()));
                if (f.kind() == Format.Kind.RDF) return graph(new RDFOutput().asModel(results).getGraph(), f);
                ResultSetMgr.write(out, results, f.lang());
            } else if (query.isAskType()) {
                boolean b = exec.ask();
                if (f == Formats.HTML) return html.answer(req, text, List.of("ASK"), List.of(List.of(NodeFactory.createLiteralByValue(b))));
                if (f.kind() == Format.Kind.RDF) return graph(RDFOutput.encodeAsModel(b).getGraph(), f);
                ResultSetMgr.write(out, b, f.lang());
            } else if (query.isJsonType()) {
                JsonArray array = exec.execJson();
                if (array.size() > settings.maxRows()) throw tooBig("objects");
                JSON.write(out, array);
            } else if (f.quads() && query.isConstructType()) {
                DatasetGraph d = DatasetGraphFactory.create();
                long n = 0;
                for (var it = exec.constructQuads(); it.hasNext();) {
                    Quad q = it.next();
                    d.add(q.isTriple() ? Quad.create(Quad.defaultGraphIRI, q.asTriple()) : q);
                    if (++n > settings.maxRows()) throw tooBig("triples");
                }
                settings.prefixes().forEach(d.prefixes()::add);
                RDFWriter.source(d).format(f.writer()).output(out);
            } else {
                Graph g = GraphFactory.createGraphMem();
                var triples = query.isConstructType() ? exec.constructTriples() : exec.describeTriples();
                while (triples.hasNext()) {
                    g.add(triples.next());
                    if (g.size() > settings.maxRows()) throw tooBig("triples");
                }
                if (f == Formats.HTML) {
                    List<List<Node>> table = new ArrayList<>();
                    g.find().forEachRemaining((Triple t) -> table.add(List.of(t.getSubject(), t.getPredicate(), t.getObject())));
                    return html.answer(req, text, List.of("subject", "predicate", "object"), table);
                }
                return graph(g, f);
            }
            return out.toByteArray();
        }
    }

    /** A graph in an RDF format, with the site's prefixes. */
    private byte[] graph(Graph g, Format f) {
        settings.prefixes().forEach(g.getPrefixMapping()::setNsPrefix);
        return f.write(g);
    }

    private void refuse(HttpServletRequest req, HttpServletResponse resp, String text, Throwable t) throws IOException {
        HttpError e = Refusals.of(t);
        if (e != null && text != null && e.status() != 500 && Offers.SELECT.decide(req).filter(f -> f == Formats.HTML).isPresent()) {
            try {
                Refusals.sendPage(req, resp, e, html.refusal(req, text, e.status(), e.reason()));
                return;
            } catch (RuntimeException ignored) {
                // fall through to the plain refusal
            }
        }
        Refusals.send(req, resp, t);
    }

    private HttpError tooBig(String what) {
        return HttpError.unprocessable("the answer has more than " + settings.maxRows() + " " + what
                + "; add a LIMIT, or take the whole graph from /download/");
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}

package org.aikg.server.sparql;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.aikg.format.Format;
import org.aikg.format.Formats;
import org.aikg.server.budget.Budget;
import org.aikg.server.budget.Spool;
import org.aikg.server.http.HttpError;
import org.aikg.server.http.Offers;
import org.aikg.server.http.Refusals;
import org.aikg.server.http.Responses;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.DatasetDescription;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DynamicDatasets;
import org.apache.jena.system.Txn;

/**
 * The SPARQL 1.1 query endpoint, as the protocol defines it: GET, POST form and POST direct, the
 * dataset named by {@code default-graph-uri}/{@code named-graph-uri} in place of the query's own, every
 * result format of the {@link Offers} for the query's form. Every phase of a query, from parsing to the
 * last byte of its answer, spends the request's {@link Budget}: its shape is checked first
 * ({@link QueryGuard}), its expressions are bound ({@link BoundedExpressions}), it runs with the budget's
 * cancel signal ({@link BoundedExecution}) and its answer is written into a {@link Spool} before anything
 * is sent, so a query past the time limit is a {@code 503} with {@code Retry-After} and one past a
 * size limit a {@code 422}, never a cut-off {@code 200}. Without a query it gives a browser the query
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
    public record Settings(DatasetGraph dataset, String base, Map<String, String> prefixes, Supplier<Graph> serviceDescription) {
        public Settings {
            Objects.requireNonNull(dataset, "dataset");
            Objects.requireNonNull(base, "base");
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
        Budget budget = Budget.of(req);
        Query query = QueryGuard.read(r.query(), settings.base());
        Offers offers = query.isSelectType() ? Offers.SELECT : query.isAskType() ? Offers.ASK : query.isJsonType() ? Offers.JSON_FORM : Offers.GRAPH;
        Format f = offers.decide(req).orElseThrow(() -> HttpError.notAcceptable(req.getHeader("Accept"), offers));
        Query bounded = BoundedExpressions.apply(query, budget);
        // the dataset is chosen: the query's FROM must not choose again over it
        bounded.getGraphURIs().clear();
        bounded.getNamedGraphURIs().clear();
        Answers answers = new Answers(budget, settings.prefixes(), html);
        try (Spool answer = new Spool(budget)) {
            try {
                Txn.executeRead(settings.dataset(), () -> {
                    // in the transaction: naming graphs reads the store (TDB2 reads only within one)
                    DatasetGraph target = dataset(query, r);
                    try {
                        answers.write(req, r.query(), bounded, target, target == settings.dataset(), f, answer);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (QueryCancelledException e) {
                throw e instanceof Budget.Exceeded ? e : budget.timeUp();
            }
            resp.setHeader("Vary", "Accept");
            if (f == Formats.HTML) resp.setHeader("Cache-Control", "no-store");
            answer.send(req, resp, f.contentType());
        }
    }

    /** The protocol's dataset replaces the query's FROM / FROM NAMED (SPARQL 1.1 Protocol §2.1.4); else the query's own, else all. */
    private DatasetGraph dataset(Query query, SparqlRequest r) {
        DatasetDescription d = r.namesDataset() ? DatasetDescription.create(r.defaultGraphs(), r.namedGraphs())
                : query.hasDatasetDescription() ? query.getDatasetDescription() : null;
        return d == null ? settings.dataset() : DynamicDatasets.dynamicDataset(d, settings.dataset(), false);
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

}

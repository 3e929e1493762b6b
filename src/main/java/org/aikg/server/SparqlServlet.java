package org.aikg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.aikg.query.NamedQuery;
import org.aikg.server.Negotiation.Offer;
import org.aikg.server.Views.QueryLink;
import org.aikg.server.Views.Value;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DynamicDatasets;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The SPARQL 1.1 query endpoint, {@code /sparql}: GET, POST form and POST direct; answers are made
 * whole before they are sent, so a query that hits the time limit gets {@code 503} with
 * {@code Retry-After}, never a cut-off {@code 200}. A browser with no query gets the editor; an
 * RDF client with no query gets the service description.
 */
final class SparqlServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String RETRY_AFTER_SECONDS = "5";
    /** The largest query text taken, in any form: past it, 413 (Jena's parser slows down fast on huge texts). */
    static final int MAX_QUERY_BYTES = 64 * 1024;

    private static final List<Offer> RESULT_OFFERS = List.of(
            new Offer("application/sparql-results+json", "json"),
            new Offer("text/html", "html"),
            new Offer("application/sparql-results+xml", "xml"),
            new Offer("text/csv", "csv"),
            new Offer("text/tab-separated-values", "tsv"),
            new Offer("application/json", "json"),
            new Offer("application/xml", "xml"),
            new Offer("application/sparql-results+thrift", "thrift"),
            new Offer("application/sparql-results+protobuf", "protobuf"),
            new Offer("text/plain", "text"));
    private static final List<Offer> GRAPH_OFFERS = List.of(
            new Offer("text/turtle", "ttl"),
            new Offer("text/html", "html"),
            new Offer("application/n-triples", "nt"),
            new Offer("application/ld+json", "jsonld"),
            new Offer("application/rdf+xml", "rdf"),
            new Offer("application/json", "jsonld"),
            new Offer("text/plain", "nt"));
    private static final java.util.Set<String> GRAPH_VARIANTS = java.util.Set.of("ttl", "nt", "jsonld", "rdf", "html");
    private static final List<Offer> SD_OFFERS = List.of(new Offer("text/turtle", "ttl"), new Offer("text/html", "html"),
            new Offer("application/n-triples", "nt"), new Offer("application/ld+json", "jsonld"), new Offer("application/rdf+xml", "rdf"));

    private final transient Site site;
    private final transient Pages pages;
    private final transient Templates templates;
    private final Duration timeout;
    private final int maxRows;

    SparqlServlet(Site site, Pages pages, Templates templates, Duration timeout, int maxRows) {
        this.site = site;
        this.pages = pages;
        this.templates = templates;
        this.timeout = timeout;
        this.maxRows = maxRows;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        switch (req.getMethod()) {
            case "GET", "HEAD" -> get(req, resp);
            case "POST" -> post(req, resp);
            case "OPTIONS" -> Http.options(resp, "GET, HEAD, POST, OPTIONS");
            default -> Http.methodNotAllowed(req, resp, "GET, HEAD, POST, OPTIONS");
        }
    }

    private void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getParameter("update") != null) {
            Http.methodNotAllowed(req, resp, "GET, HEAD, POST, OPTIONS");
            return;
        }
        String query = req.getParameter("query");
        if (query == null) {
            noQuery(req, resp);
            return;
        }
        run(req, resp, query);
    }

    private void post(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String ct = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
        if (ct.startsWith("application/sparql-update")) {
            Http.methodNotAllowed(req, resp, "GET, HEAD, POST (queries only), OPTIONS");
            return;
        }
        if (ct.startsWith("application/sparql-query")) {
            byte[] body = req.getInputStream().readNBytes(MAX_QUERY_BYTES + 1);
            if (body.length > MAX_QUERY_BYTES) {
                Http.sendText(req, resp, 413, "413 Content Too Large: a query may be at most " + MAX_QUERY_BYTES + " bytes");
                return;
            }
            run(req, resp, new String(body, StandardCharsets.UTF_8));
            return;
        }
        if (ct.startsWith("application/x-www-form-urlencoded")) {
            if (req.getParameter("update") != null) {
                Http.methodNotAllowed(req, resp, "GET, HEAD, POST (queries only), OPTIONS");
                return;
            }
            String query = req.getParameter("query");
            if (query == null) {
                Http.sendText(req, resp, 400, "400 Bad Request: the form has no \"query\" field");
                return;
            }
            if (query.length() > MAX_QUERY_BYTES) {
                Http.sendText(req, resp, 413, "413 Content Too Large: a query may be at most " + MAX_QUERY_BYTES + " bytes");
                return;
            }
            run(req, resp, query);
            return;
        }
        Http.sendText(req, resp, 415, "415 Unsupported Media Type: POST a query as application/sparql-query or as a form "
                + "(application/x-www-form-urlencoded) with a \"query\" field");
    }

    private void noQuery(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Optional<Offer> o = Negotiation.choose(req.getHeader("Accept"), SD_OFFERS);
        resp.setHeader("Vary", "Accept, Accept-Language");
        if (o.isEmpty()) {
            Errors.notAcceptable(req, resp, SD_OFFERS.stream().map(Offer::mediaType).toList());
            return;
        }
        if (o.get().variant().equals("html")) {
            String example = req.getParameter("example");
            NamedQuery q = example == null ? null : site.queries.byName(example).orElse(null);
            String text = q != null ? q.text() : site.queries.all().isEmpty() ? "SELECT * WHERE { ?s ?p ?o } LIMIT 10" : site.queries.all().get(0).text();
            editor(req, resp, 200, text, List.of(), List.of(), null, false);
            return;
        }
        Graph sd = ServiceDescription.of(site, origin(req));
        sendGraph(req, resp, sd, o.get().variant());
    }

    void run(HttpServletRequest req, HttpServletResponse resp, String text) throws IOException {
        Query query;
        try {
            query = QueryFactory.create(text, site.base, Syntax.syntaxARQ);
        } catch (QueryParseException e) {
            String msg = "Parse error at line " + e.getLine() + ", column " + e.getColumn() + ": " + e.getMessage();
            if (wantsHtml(req)) editor(req, resp, 400, text, List.of(), List.of(), msg, false);
            else Http.sendText(req, resp, 400, "400 Bad Request: " + msg);
            return;
        }
        DatasetGraph target = site.dsg;
        String[] dgu = req.getParameterValues("default-graph-uri");
        String[] ngu = req.getParameterValues("named-graph-uri");
        if (dgu != null || ngu != null) {
            target = DynamicDatasets.dynamicDataset(nodes(dgu), nodes(ngu), site.dsg, false);
        }
        try (QueryExec exec = QueryExec.dataset(target).query(query).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build()) {
            if (query.isSelectType()) {
                RowSet rs = exec.select();
                List<Var> vars = rs.getResultVars();
                List<Binding> rows = new ArrayList<>();
                while (rs.hasNext()) {
                    rows.add(rs.next());
                    if (rows.size() > maxRows) {
                        tooBig(req, resp, "the result has more than " + maxRows + " rows");
                        return;
                    }
                }
                sendRows(req, resp, text, vars, rows);
            } else if (query.isAskType()) {
                boolean b = exec.ask();
                sendBoolean(req, resp, text, b);
            } else {
                Optional<Offer> o = Negotiation.choose(req.getHeader("Accept"), GRAPH_OFFERS);
                String variant = format(req, o.map(Offer::variant).orElse(null));
                if (variant != null && !GRAPH_VARIANTS.contains(variant)) variant = null;
                if (variant == null) {
                    Errors.notAcceptable(req, resp, GRAPH_OFFERS.stream().map(Offer::mediaType).toList());
                    return;
                }
                Graph g = GraphFactory.createGraphMem();
                var triples = query.isConstructType() ? exec.constructTriples() : exec.describeTriples();
                while (triples.hasNext()) {
                    g.add(triples.next());
                    if (g.size() > maxRows) {
                        tooBig(req, resp, "the result has more than " + maxRows + " triples");
                        return;
                    }
                }
                site.prefixes.forEach(g.getPrefixMapping()::setNsPrefix);
                if (variant.equals("html")) {
                    List<List<Value>> rows = new ArrayList<>();
                    g.find().forEachRemaining(t -> rows.add(List.of(value(t.getSubject()), value(t.getPredicate()), value(t.getObject()))));
                    editor(req, resp, 200, text, List.of("subject", "predicate", "object"), rows, null, true);
                } else {
                    sendGraph(req, resp, g, variant);
                }
            }
        } catch (QueryCancelledException e) {
            resp.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            resp.setHeader("Cache-Control", "no-store");
            Http.sendText(req, resp, 503, "503 Service Unavailable: the query ran past the time limit of " + timeout.toSeconds()
                    + " s and was stopped. Simplify it, add a LIMIT, or use the downloads.");
        }
    }

    private void tooBig(HttpServletRequest req, HttpServletResponse resp, String what) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        Http.sendText(req, resp, 422, "422 Unprocessable Content: " + what + "; add a LIMIT, or take the whole graph from /download/");
    }

    private void sendRows(HttpServletRequest req, HttpServletResponse resp, String text, List<Var> vars, List<Binding> rows) throws IOException {
        Optional<Offer> o = Negotiation.choose(req.getHeader("Accept"), RESULT_OFFERS);
        String variant = format(req, o.map(Offer::variant).orElse(null));
        if (variant == null) {
            Errors.notAcceptable(req, resp, RESULT_OFFERS.stream().map(Offer::mediaType).toList());
            return;
        }
        resp.setHeader("Vary", "Accept");
        if (variant.equals("html")) {
            List<List<Value>> table = new ArrayList<>();
            for (Binding b : rows) {
                List<Value> r = new ArrayList<>();
                for (Var v : vars) r.add(b.get(v) == null ? null : value(b.get(v)));
                table.add(r);
            }
            editor(req, resp, 200, text, vars.stream().map(Var::getVarName).toList(), table, null, true);
            return;
        }
        ResultSet rs = ResultSet.adapt(RowSetStream.create(vars, rows.iterator()));
        Lang lang = resultLang(variant);
        if (lang == null) {
            Http.sendText(req, resp, 400, "400 Bad Request: a SELECT query cannot be answered as \"" + variant + "\"");
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultSetMgr.write(out, rs, lang);
        Http.send(req, resp, 200, contentType(lang), out.toByteArray());
    }

    private void sendBoolean(HttpServletRequest req, HttpServletResponse resp, String text, boolean b) throws IOException {
        Optional<Offer> o = Negotiation.choose(req.getHeader("Accept"), RESULT_OFFERS);
        String variant = format(req, o.map(Offer::variant).orElse(null));
        if (variant == null) {
            Errors.notAcceptable(req, resp, RESULT_OFFERS.stream().map(Offer::mediaType).toList());
            return;
        }
        resp.setHeader("Vary", "Accept");
        if (variant.equals("html")) {
            editor(req, resp, 200, text, List.of("ASK"), List.of(List.of(new Value(Boolean.toString(b), null, null, null))), null, true);
            return;
        }
        Lang lang = resultLang(variant);
        if (lang == null || lang.equals(ResultSetLang.RS_CSV) || lang.equals(ResultSetLang.RS_TSV) || lang.equals(ResultSetLang.RS_Text)
                || lang.equals(ResultSetLang.RS_Thrift) || lang.equals(ResultSetLang.RS_Protobuf)) {
            Http.send(req, resp, 200, "text/plain; charset=utf-8", (b + "\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultSetMgr.write(out, b, lang);
        Http.send(req, resp, 200, contentType(lang), out.toByteArray());
    }

    private void sendGraph(HttpServletRequest req, HttpServletResponse resp, Graph g, String variant) throws IOException {
        org.aikg.convert.RdfFormat f = org.aikg.convert.RdfFormat.named(variant);
        resp.setHeader("Vary", "Accept");
        Http.send(req, resp, 200, Media.withCharset(Media.of(f)), Media.write(g, f));
    }

    /** {@code ?format=} / {@code ?output=} override negotiation. */
    private static String format(HttpServletRequest req, String negotiated) {
        String f = req.getParameter("format");
        if (f == null) f = req.getParameter("output");
        if (f == null) return negotiated;
        return switch (f.toLowerCase(Locale.ROOT)) {
            case "json", "srj" -> "json";
            case "xml", "srx" -> "xml";
            case "csv" -> "csv";
            case "tsv" -> "tsv";
            case "text", "txt" -> "text";
            case "thrift" -> "thrift";
            case "html" -> "html";
            case "ttl", "turtle" -> "ttl";
            case "nt", "ntriples" -> "nt";
            case "jsonld", "json-ld" -> "jsonld";
            case "rdf", "rdfxml" -> "rdf";
            default -> negotiated;
        };
    }

    private static Lang resultLang(String variant) {
        return switch (variant) {
            case "json", "jsonld" -> ResultSetLang.RS_JSON;
            case "xml", "rdf" -> ResultSetLang.RS_XML;
            case "csv" -> ResultSetLang.RS_CSV;
            case "tsv" -> ResultSetLang.RS_TSV;
            case "thrift" -> ResultSetLang.RS_Thrift;
            case "protobuf" -> ResultSetLang.RS_Protobuf;
            case "text", "ttl", "nt" -> ResultSetLang.RS_Text;
            default -> null;
        };
    }

    private static String contentType(Lang lang) {
        String ct = lang.getHeaderString();
        boolean binary = lang.equals(ResultSetLang.RS_Thrift) || lang.equals(ResultSetLang.RS_Protobuf);
        return binary ? ct : ct + "; charset=utf-8";
    }

    private boolean wantsHtml(HttpServletRequest req) {
        String f = format(req, null);
        if (f != null) return f.equals("html");
        return Negotiation.choose(req.getHeader("Accept"), RESULT_OFFERS).map(o -> o.variant().equals("html")).orElse(false);
    }

    private void editor(HttpServletRequest req, HttpServletResponse resp, int status, String text, List<String> columns, List<List<Value>> rows,
            String message, boolean ran) throws IOException {
        String lang = Http.language(req);
        List<QueryLink> examples = site.queries.all().stream().map(q -> new QueryLink(q.name(), q.title(), q.text(),
                "/sparql?query=" + java.net.URLEncoder.encode(q.text(), StandardCharsets.UTF_8))).toList();
        var head = pages.head("SPARQL", "SPARQL 1.1 query endpoint", lang, null, List.of(), null, "/sparql", false);
        byte[] body = templates.render("sparql", new Views.Sparql(head, text, examples, columns, rows, message, ran));
        resp.setHeader("Cache-Control", "no-store");
        Http.send(req, resp, status, Media.withCharset(Media.HTML), body);
    }

    private Value value(Node n) {
        if (n.isURI()) {
            String page = site.pageOf(n);
            return new Value(site.shortName(n), page != null ? page : n.getURI(), null, n.getURI());
        }
        if (n.isLiteral()) {
            String l = n.getLiteralLanguage();
            String dt = n.getLiteralDatatypeURI();
            String note = !l.isEmpty() ? "@" + l : dt == null || dt.endsWith("#string") ? null : site.shortName(NodeFactory.createURI(dt));
            return new Value(n.getLiteralLexicalForm(), null, l.isEmpty() ? null : l, note);
        }
        return new Value(n.toString(), null, null, null);
    }

    private static List<Node> nodes(String[] iris) {
        return iris == null ? List.of() : Arrays.stream(iris).map(NodeFactory::createURI).toList();
    }

    static String origin(HttpServletRequest req) {
        return req.getScheme() + "://" + req.getServerName() + ":" + req.getServerPort();
    }
}

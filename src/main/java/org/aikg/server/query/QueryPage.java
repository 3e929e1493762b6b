package org.aikg.server.query;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.aikg.query.NamedQuery;
import org.aikg.server.page.Links;
import org.aikg.server.page.Views.Head;
import org.aikg.server.page.Views.Value;
import org.aikg.server.query.QueryView.Download;
import org.aikg.server.query.QueryView.Example;
import org.aikg.server.site.Reader;
import org.aikg.server.site.Site;
import org.aikg.server.site.Templates;
import org.aikg.server.sparql.HtmlView;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;

/**
 * The query page of {@code /sparql}: the editor with the named queries, and an answer or a refusal below it,
 * with the answer's downloads. Every link it makes keeps the language the reader chose ({@code ?lang=}).
 */
public final class QueryPage implements HtmlView {
    /** The longest URL the endpoint takes by GET (past it, 414): a longer download is a form that posts the query. */
    static final int MAX_LINK = 8 * 1024;
    private final Site site;
    private final Templates templates;

    public QueryPage(Site site, Templates templates) {
        this.site = site;
        this.templates = templates;
    }

    @Override
    public byte[] editor(HttpServletRequest req, String query) {
        String text = query;
        if (text == null) text = site.queries().all().isEmpty() ? "SELECT * WHERE { ?s ?p ?o } LIMIT 10" : site.queries().all().get(0).text();
        return render(req, text, List.of(), List.of(), null, false);
    }

    @Override
    public byte[] answer(HttpServletRequest req, String query, List<String> columns, List<List<Node>> rows) {
        Reader reader = Reader.of(req);
        List<List<Value>> table = new ArrayList<>();
        for (List<Node> row : rows) {
            List<Value> r = new ArrayList<>();
            for (Node n : row) r.add(n == null ? null : value(n, reader));
            table.add(r);
        }
        return render(req, query, columns, table, null, true);
    }

    @Override
    public byte[] refusal(HttpServletRequest req, String query, int status, String reason) {
        return render(req, query, List.of(), List.of(), status + ": " + reason, false);
    }

    private byte[] render(HttpServletRequest req, String text, List<String> columns, List<List<Value>> rows, String message, boolean ran) {
        Reader reader = Reader.of(req);
        String lang = reader.lang();
        List<Example> examples = new ArrayList<>();
        for (NamedQuery q : site.queries().all()) {
            examples.add(new Example(q.name(), q.title(lang), q.text(), Links.href(queryPath(q.text()), lang, reader.explicit()), q.text().equals(text)));
        }
        List<Download> downloads = ran ? downloads(text, lang, reader.explicit()) : List.of();
        // the other language's page shows the same query, where it fits in a link
        String path = ran || req.getParameter("query") != null ? queryPath(text) : "/sparql";
        if (path.length() > MAX_LINK / 2) path = "/sparql";
        Head head = Head.of("SPARQL", "SPARQL 1.1 query endpoint", lang, null, List.of(), null, path);
        QueryView view = new QueryView(head, QueryWords.of(lang), text, examples, columns, rows, message, ran, downloads,
                reader.explicit() ? lang : null, site.base);
        return templates.render("sparql", view);
    }

    /** The answer of {@code text} as a file: CSV, TSV and JSON of a SELECT or ASK; Turtle, N-Triples and JSON-LD of a graph. */
    private List<Download> downloads(String text, String lang, boolean explicit) {
        Query q;
        try {
            q = QueryFactory.create(text, site.base, Syntax.syntaxARQ);
        } catch (RuntimeException e) {
            return List.of();  // it ran, so it parses; should it not, the page offers no file rather than fail
        }
        List<String[]> formats = q.isSelectType() || q.isAskType()
                ? List.of(new String[] {"CSV", "csv", "csv"}, new String[] {"TSV", "tsv", "tsv"}, new String[] {"JSON", "json", "json"})
                : q.isJsonType() ? List.<String[]>of(new String[] {"JSON", "json", "json"})
                : List.of(new String[] {"Turtle", "ttl", "ttl"}, new String[] {"N-Triples", "nt", "nt"}, new String[] {"JSON-LD", "jsonld", "jsonld"});
        List<Download> out = new ArrayList<>();
        for (String[] f : formats) {
            String href = Links.href(queryPath(text) + "&format=" + f[1], lang, explicit);
            out.add(new Download(f[0], f[1], "results." + f[2], href.length() <= MAX_LINK ? href : null));
        }
        return out;
    }

    /** {@code /sparql?query=…}: the path that runs a query by GET. */
    static String queryPath(String text) {
        return "/sparql?query=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private Value value(Node n, Reader reader) {
        if (n.isURI()) {
            String page = site.pageOf(n);
            return new Value(site.shortName(n), page != null ? Links.href(page, reader.lang(), reader.explicit()) : n.getURI(), null, n.getURI());
        }
        if (n.isLiteral()) {
            String l = n.getLiteralLanguage();
            String dt = n.getLiteralDatatypeURI();
            String note = !l.isEmpty() ? "@" + l : dt == null || dt.endsWith("#string") ? null : site.shortName(NodeFactory.createURI(dt));
            return new Value(n.getLiteralLexicalForm(), null, l.isEmpty() ? null : l, note);
        }
        return new Value(n.toString(), null, null, null);
    }
}

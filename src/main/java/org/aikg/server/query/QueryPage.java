package org.aikg.server.query;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.aikg.query.NamedQuery;
import org.aikg.server.http.Params;
import org.aikg.server.page.Views.Head;
import org.aikg.server.page.Views.QueryLink;
import org.aikg.server.page.Views.Sparql;
import org.aikg.server.page.Views.Value;
import org.aikg.server.site.Reader;
import org.aikg.server.site.Site;
import org.aikg.server.site.Templates;
import org.aikg.server.sparql.HtmlView;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** The query page of {@code /sparql}: the editor with the named queries, and an answer or a refusal below it. */
public final class QueryPage implements HtmlView {
    private final Site site;
    private final Templates templates;

    public QueryPage(Site site, Templates templates) {
        this.site = site;
        this.templates = templates;
    }

    @Override
    public byte[] editor(HttpServletRequest req, String query) {
        String text = query;
        if (text == null) {
            String example = Params.one(req, "example");
            NamedQuery q = example == null ? null : site.queries().byName(example).orElse(null);
            text = q != null ? q.text() : site.queries().all().isEmpty() ? "SELECT * WHERE { ?s ?p ?o } LIMIT 10" : site.queries().all().get(0).text();
        }
        return render(req, text, List.of(), List.of(), null, false);
    }

    @Override
    public byte[] answer(HttpServletRequest req, String query, List<String> columns, List<List<Node>> rows) {
        List<List<Value>> table = new ArrayList<>();
        for (List<Node> row : rows) {
            List<Value> r = new ArrayList<>();
            for (Node n : row) r.add(n == null ? null : value(n));
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
        List<QueryLink> examples = site.queries().all().stream().map(q -> new QueryLink(q.name(), q.title(reader.lang()), q.text(),
                "/sparql?query=" + URLEncoder.encode(q.text(), StandardCharsets.UTF_8))).toList();
        Head head = Head.of("SPARQL", "SPARQL 1.1 query endpoint", reader.lang(), null, List.of(), null, "/sparql");
        return templates.render("sparql", new Sparql(head, text, examples, columns, rows, message, ran));
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
}

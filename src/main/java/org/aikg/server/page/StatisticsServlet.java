package org.aikg.server.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aikg.format.Format;
import org.aikg.format.Formats;
import org.aikg.server.http.HttpError;
import org.aikg.server.http.Offers;
import org.aikg.server.http.Params;
import org.aikg.server.http.Resource;
import org.aikg.server.http.Responses;
import org.aikg.server.page.StatisticsTable.Row;
import org.aikg.server.page.StatisticsTable.Sort;
import org.aikg.server.page.Views.Chart;
import org.aikg.server.page.Views.Choice;
import org.aikg.server.page.Views.Column;
import org.aikg.server.page.Views.Filter;
import org.aikg.server.page.Views.Head;
import org.aikg.server.page.Views.Link;
import org.aikg.server.page.Views.StatisticsPage;
import org.aikg.server.site.Numbers;
import org.aikg.server.site.Reader;
import org.aikg.server.site.Site;
import org.aikg.server.site.Templates;
import org.aikg.server.site.Ui;
import org.aikg.server.site.Words;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonNumber;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.RowSetStream;

/**
 * {@code /statistics}: every statistic in one table, filtered ({@code ?variable=IRI&unit=IRI&period=2023&source=IRI})
 * and sorted ({@code ?sort=value|variable|period|source&order=desc}), {@value #PAGE} rows a page; the same rows, all of
 * them, as CSV ({@code ?format=csv} or {@code Accept: text/csv}; written by Jena's SPARQL results CSV writer, so that it
 * reads as a query's answer of the same columns) and as JSON. With one variable chosen, its chart over the periods.
 */
final class StatisticsServlet extends Resource {
    private static final long serialVersionUID = 1L;
    /** Rows on a page. */
    static final int PAGE = 100;
    /** The columns of the CSV, in order: a query's variables. */
    static final List<String> COLUMNS = List.of("statistic", "variable", "variableName", "value", "qualifier", "unit", "period", "source", "published");
    private static final Offers OFFERS = Offers.TABLE;

    private final transient Site site;
    private final transient StatisticsTable table;
    private final transient Charts charts;
    private final transient JsonLd jsonLd;
    private final transient Templates templates;

    StatisticsServlet(Site site, StatisticsTable table, Charts charts, JsonLd jsonLd, Templates templates) {
        this.site = site;
        this.table = table;
        this.charts = charts;
        this.jsonLd = jsonLd;
        this.templates = templates;
    }

    @Override
    protected void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Format format = OFFERS.decide(req).orElseThrow(() -> HttpError.notAcceptable(req.getHeader("Accept"), OFFERS));
        Reader r = Reader.of(req);
        StatisticsTable.Query q = query(req);
        List<Row> rows = table.rows(q, r.lang(), r.explicit());
        resp.setHeader("Vary", "Accept, Accept-Language");
        if (format == Formats.RESULTS_CSV) {
            resp.setHeader("Content-Disposition", "attachment; filename=\"statistics.csv\"");
            Responses.send(req, resp, format.contentType(), csv(rows));
            return;
        }
        if (format == Formats.JSON) {
            Responses.send(req, resp, format.contentType(), json(rows).toString().getBytes(StandardCharsets.UTF_8));
            return;
        }
        Responses.send(req, resp, Formats.HTML.contentType(), templates.render("statistics", page(req, q, rows, r)));
    }

    /** The filters and sort of a request; a filter may name only what the data has (anything else is a 400). */
    private StatisticsTable.Query query(HttpServletRequest req) {
        Map<String, Map<String, String>> choices = table.choices("en");
        Map<String, String> f = new LinkedHashMap<>();
        for (String name : List.of("variable", "unit", "period", "source")) {
            String v = Params.one(req, name);
            if (v == null || v.isEmpty()) continue;
            if (!choices.get(name).containsKey(v)) {
                throw HttpError.badRequest("no " + name + " \"" + (v.length() > 200 ? v.substring(0, 200) + "…" : v) + "\" has statistics here");
            }
            f.put(name, v);
        }
        String sort = Params.one(req, "sort");
        Sort s = sort == null ? null : Sort.named(sort);
        if (sort != null && s == null) throw HttpError.badRequest("unknown sort \"" + sort + "\" (expected variable, value, period or source)");
        String order = Params.one(req, "order");
        if (order != null && !order.equals("asc") && !order.equals("desc")) throw HttpError.badRequest("unknown order \"" + order + "\" (expected asc or desc)");
        return new StatisticsTable.Query(f.get("variable"), f.get("unit"), f.get("period"), f.get("source"), s, "desc".equals(order));
    }

    private StatisticsPage page(HttpServletRequest req, StatisticsTable.Query q, List<Row> rows, Reader r) {
        String lang = r.lang();
        Words w = Words.of(lang);
        Ui ui = Ui.of(lang);
        int page = Params.page(req);
        int pages = Math.max(1, (rows.size() + PAGE - 1) / PAGE);
        if (page > pages) throw HttpError.notFound("there is no page " + page + " of this table (it has " + pages + ")");
        List<Row> shown = rows.subList((page - 1) * PAGE, Math.min(rows.size(), page * PAGE));
        Map<String, String> filters = new LinkedHashMap<>();
        if (q.variable() != null) filters.put("variable", q.variable());
        if (q.unit() != null) filters.put("unit", q.unit());
        if (q.period() != null) filters.put("period", q.period());
        if (q.source() != null) filters.put("source", q.source());
        Map<String, Map<String, String>> choices = table.choices(lang);
        List<Filter> filterList = new ArrayList<>();
        Map<String, String> labels = Map.of("variable", w.variable(), "unit", w.unit(), "period", w.period(), "source", ui.source());
        for (String name : List.of("variable", "unit", "period", "source")) {
            List<Choice> cs = new ArrayList<>(List.of(new Choice("", w.any(), !filters.containsKey(name))));
            choices.get(name).forEach((v, label) -> cs.add(new Choice(v, label, v.equals(filters.get(name)))));
            filterList.add(new Filter(name, labels.get(name), cs));
        }
        Sort current = q.sort() == null ? Sort.VARIABLE : q.sort();
        List<Column> columns = new ArrayList<>();
        columns.add(column(w.variable(), Sort.VARIABLE, current, q, filters, r));
        columns.add(column(ui.value(), Sort.VALUE, current, q, filters, r));
        columns.add(new Column(w.qualifier(), null, null));
        columns.add(new Column(w.unit(), null, null));
        columns.add(column(w.period(), Sort.PERIOD, current, q, filters, r));
        columns.add(column(ui.source(), Sort.SOURCE, current, q, filters, r));
        columns.add(new Column(ui.published(), null, null));
        // without the language: the head adds the other language to it
        String here = href(filters, q.sort(), q.descending(), new Reader(lang, false), page, null);
        List<Chart> chartList = new ArrayList<>();
        if (q.variable() != null) {
            Node first = table.firstOf(q.variable());
            if (first != null) chartList.addAll(charts.of(first, lang, r.explicit()).stream().limit(1).toList());
        }
        String title = w.statisticsTable();
        Head head = Head.of(title, w.statisticsIntro(), lang, null, List.of(), jsonLd.webPage(title, site.datasetNode), here);
        List<Link> crumbs = List.of(Links.homeCrumb(lang), new Link(title, null, null));
        return new StatisticsPage(head, crumbs, filterList, columns, shown, rows.size(), href(filters, q.sort(), q.descending(), r, 0, "csv"),
                href(filters, q.sort(), q.descending(), r, 0, "json"), page > 1 ? href(filters, q.sort(), q.descending(), r, page - 1, null) : null,
                page < pages ? href(filters, q.sort(), q.descending(), r, page + 1, null) : null,
                pages > 1 ? w.pageOf(page, pages) + " · " + Numbers.count(rows.size(), lang) : Numbers.count(rows.size(), lang), chartList);
    }

    /** A sortable heading: sorted by it already, its link turns the order round. */
    private static Column column(String text, Sort sort, Sort current, StatisticsTable.Query q, Map<String, String> filters, Reader r) {
        boolean on = sort == current;
        boolean descending = on && !q.descending();
        return new Column(text, href(filters, sort, descending, r, 0, null), on ? (q.descending() ? "descending" : "ascending") : null);
    }

    /** The address of the table with these filters, sort, page (0: the first) and format (null: the page). */
    private static String href(Map<String, String> filters, Sort sort, boolean descending, Reader r, int page, String format) {
        StringBuilder b = new StringBuilder("/statistics");
        List<String> params = new ArrayList<>();
        filters.forEach((k, v) -> params.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        if (sort != null) params.add("sort=" + sort.name().toLowerCase());
        if (descending) params.add("order=desc");
        if (page > 1) params.add("page=" + page);
        if (format != null) params.add("format=" + format);
        if (r.explicit()) params.add("lang=" + r.lang());
        if (!params.isEmpty()) b.append('?').append(String.join("&", params));
        return b.toString();
    }

    /** The rows as SPARQL results CSV: the statistic, variable, name, value, qualifier, unit, period, source, date. */
    static byte[] csv(List<Row> rows) {
        List<Var> vars = COLUMNS.stream().map(Var::alloc).toList();
        List<Binding> bindings = new ArrayList<>();
        for (Row row : rows) {
            BindingBuilder b = BindingBuilder.create();
            Node[] values = {row.statistic(), row.variable(), null, row.value(), row.qualifier(), row.unit(), row.period(), row.source(), row.published()};
            for (int i = 0; i < vars.size(); i++) {
                Node n = i == 2 ? NodeFactory.createLiteralString(row.variableName()) : values[i];
                if (n != null) b.add(vars.get(i), n);
            }
            bindings.add(b.build());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultSetFormatter.outputAsCSV(out, ResultSet.adapt(RowSetStream.create(vars, bindings.iterator())));
        return out.toByteArray();
    }

    /** The rows as JSON: each a object of the columns, the value a number, and the figure as the page writes it. */
    static JsonArray json(List<Row> rows) {
        JsonArray out = new JsonArray();
        for (Row row : rows) {
            JsonObject o = new JsonObject();
            o.put("statistic", row.statistic().getURI());
            if (row.variable() != null) o.put("variable", row.variable().getURI());
            o.put("variableName", row.variableName());
            if (row.number() != null) o.put("value", JsonNumber.value(row.number()));
            if (row.figure() != null) o.put("figure", row.figure());
            if (row.qualifier() != null) o.put("qualifier", row.qualifier().getURI());
            if (row.unit() != null) o.put("unit", row.unit().getURI());
            if (row.period() != null) o.put("period", row.period().getLiteralLexicalForm());
            if (row.source() != null) o.put("source", row.source().getURI());
            if (row.sourceLink() != null) o.put("sourceTitle", row.sourceLink().text());
            if (row.published() != null) o.put("published", row.published().getLiteralLexicalForm());
            out.add(o);
        }
        return out;
    }
}

package org.aikg.server.sparql;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aikg.format.Format;
import org.aikg.format.Formats;
import org.aikg.server.budget.Budget;
import org.aikg.server.http.HttpError;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.shared.JenaException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.vocabulary.ResultSetGraphVocab;
import org.apache.jena.vocabulary.RDF;

/**
 * One query's answer, written into the request's spool within its {@link Budget}: rows and triples
 * counted as they come (past {@link org.aikg.server.budget.Limits#maxRows()}, 422, before more are
 * made), nothing collected that a writer could stream. Blank nodes are named in the order the answer
 * meets them, so that the same query over the same data gives the same bytes (and ETag) in every
 * format, RDF included. DESCRIBE is done here, resource by resource, so that its cap and its clock
 * hold from the first description (Jena's describes everything before anything can be counted).
 *
 * <pre>{@code
 * new Answers(budget, prefixes, html).write(req, text, query, dataset, unionDefault, format, spool);
 * }</pre>
 */
final class Answers {
    private final Budget budget;
    private final Map<String, String> prefixes;
    private final HtmlView html;

    Answers(Budget budget, Map<String, String> prefixes, HtmlView html) {
        this.budget = budget;
        this.prefixes = prefixes;
        this.html = html;
    }

    /**
     * Runs {@code query} (its expressions already bound) over {@code target} and writes its answer in
     * {@code f} to {@code out}; {@code unionDefault} says the default graph is the union of the named
     * graphs (a DESCRIBE then reads it alone).
     */
    void write(HttpServletRequest req, String text, Query query, DatasetGraph target, boolean unionDefault, Format f, OutputStream out)
            throws IOException {
        if (query.isDescribeType()) {
            triples(req, text, describe(query, target, unionDefault), f, out);
            return;
        }
        try (QueryExec exec = exec(query, target)) {
            if (query.isSelectType()) {
                select(req, text, exec.select(), query.hasOrderBy(), f, out);
            } else if (query.isAskType()) {
                boolean b = exec.ask();
                if (f == Formats.HTML) out.write(html.answer(req, text, List.of("ASK"), List.of(List.of(NodeFactory.createLiteralByValue(b)))));
                else if (f.kind() == Format.Kind.RDF) rdf(askGraph(b), f, out);
                else ResultSetMgr.write(out, b, f.lang());
            } else if (query.isJsonType()) {
                JsonArray array = new JsonArray();
                for (Iterator<JsonObject> it = exec.execJsonItems(); it.hasNext();) {
                    budget.check();
                    array.add(it.next());
                    if (array.size() > budget.limits().maxRows()) throw budget.tooMany("objects");
                }
                JSON.write(out, array);
            } else if (f.quads()) {
                quads(exec.constructQuads(), f, out);
            } else {
                triples(req, text, exec.constructTriples(), f, out);
            }
        }
    }

    private QueryExec exec(Query query, DatasetGraph target) {
        return BoundedExecution.query(target, query, budget).build();
    }

    private void select(HttpServletRequest req, String text, RowSet rows, boolean ordered, Format f, OutputStream out) throws IOException {
        List<Var> vars = rows.getResultVars();
        Iterator<Binding> counted = counted(rows, "rows");
        if (f == Formats.HTML) {
            List<List<Node>> table = new ArrayList<>();
            counted.forEachRemaining(b -> table.add(vars.stream().map(b::get).toList()));
            out.write(html.answer(req, text, vars.stream().map(Var::getVarName).toList(), table));
        } else if (f.kind() == Format.Kind.RDF) {
            rdf(resultsGraph(vars, counted, ordered), f, out);
        } else {
            ResultSetMgr.write(out, ResultSet.adapt(RowSetStream.create(vars, counted)), f.lang());
        }
    }

    /** An iterator that checks the clock on every item and stops the answer past the cap. */
    private <T> Iterator<T> counted(Iterator<T> it, String what) {
        long cap = budget.limits().maxRows();
        return new Iterator<>() {
            private long n;

            @Override
            public boolean hasNext() {
                budget.check();
                return it.hasNext();
            }

            @Override
            public T next() {
                if (++n > cap) throw budget.tooMany(what);
                return it.next();
            }
        };
    }

    /** A SELECT answer in the W3C result-set vocabulary (as Jena's RDFOutput writes it), its blank nodes named in row order. */
    private Graph resultsGraph(List<Var> vars, Iterator<Binding> rows, boolean ordered) {
        Graph g = GraphFactory.createGraphMem();
        Node results = NodeFactory.createBlankNode("results");
        g.add(Triple.create(results, RDF.type.asNode(), ResultSetGraphVocab.ResultSet.asNode()));
        for (Var v : vars) g.add(Triple.create(results, ResultSetGraphVocab.resultVariable.asNode(), NodeFactory.createLiteralString(v.getVarName())));
        Relabel relabel = new Relabel("v");
        int count = 0;
        while (rows.hasNext()) {
            Binding row = rows.next();
            count++;
            Node solution = NodeFactory.createBlankNode("s" + count);
            g.add(Triple.create(results, ResultSetGraphVocab.solution.asNode(), solution));
            if (ordered) g.add(Triple.create(solution, ResultSetGraphVocab.index.asNode(), NodeFactory.createLiteralDT(Integer.toString(count), XSDDatatype.XSDinteger)));
            int column = 0;
            for (Var v : vars) {
                column++;
                Node value = row.get(v);
                if (value == null) continue;
                Node binding = NodeFactory.createBlankNode("s" + count + "b" + column);
                g.add(Triple.create(binding, ResultSetGraphVocab.variable.asNode(), NodeFactory.createLiteralString(v.getVarName())));
                g.add(Triple.create(binding, ResultSetGraphVocab.value.asNode(), relabel.apply(value)));
                g.add(Triple.create(solution, ResultSetGraphVocab.binding.asNode(), binding));
            }
        }
        g.add(Triple.create(results, ResultSetGraphVocab.size.asNode(), NodeFactory.createLiteralDT(Integer.toString(count), XSDDatatype.XSDint)));
        g.getPrefixMapping().setNsPrefix("rs", ResultSetGraphVocab.getURI()).setNsPrefix("rdf", RDF.getURI());
        return g;
    }

    private static Graph askGraph(boolean b) {
        Graph g = GraphFactory.createGraphMem();
        Node results = NodeFactory.createBlankNode("results");
        g.add(Triple.create(results, RDF.type.asNode(), ResultSetGraphVocab.ResultSet.asNode()));
        g.add(Triple.create(results, ResultSetGraphVocab.p_boolean.asNode(), NodeFactory.createLiteralByValue(b)));
        g.getPrefixMapping().setNsPrefix("rs", ResultSetGraphVocab.getURI()).setNsPrefix("rdf", RDF.getURI());
        return g;
    }

    /** A CONSTRUCT's or DESCRIBE's triples: counted, each once, blank nodes named in the order met. */
    private void triples(HttpServletRequest req, String text, Iterator<Triple> triples, Format f, OutputStream out) throws IOException {
        Graph g = GraphFactory.createGraphMem();
        Relabel relabel = new Relabel("b");
        for (Iterator<Triple> it = counted(triples, "triples"); it.hasNext();) {
            Triple t = it.next();
            g.add(Triple.create(relabel.apply(t.getSubject()), t.getPredicate(), relabel.apply(t.getObject())));
        }
        if (f == Formats.HTML) {
            List<List<Node>> table = new ArrayList<>();
            g.find().forEachRemaining(t -> table.add(List.of(t.getSubject(), t.getPredicate(), t.getObject())));
            out.write(html.answer(req, text, List.of("subject", "predicate", "object"), table));
            return;
        }
        rdf(g, f, out);
    }

    /** A CONSTRUCT's quads (a template with GRAPH keeps its graphs), for TriG, N-Quads, Thrift and Protobuf. */
    private void quads(Iterator<Quad> quads, Format f, OutputStream out) {
        DatasetGraph d = DatasetGraphFactory.create();
        Relabel relabel = new Relabel("b");
        for (Iterator<Quad> it = counted(quads, "triples"); it.hasNext();) {
            Quad q = it.next();
            Node graph = q.isTriple() ? Quad.defaultGraphIRI : q.getGraph();
            d.add(Quad.create(graph, relabel.apply(q.getSubject()), q.getPredicate(), relabel.apply(q.getObject())));
        }
        prefixes.forEach(d.prefixes()::add);
        RDFWriter.source(d).format(f.writer()).output(out);
    }

    private void rdf(Graph g, Format f, OutputStream out) {
        prefixes.forEach(g.getPrefixMapping()::setNsPrefix);
        try {
            f.write(g, out);
        } catch (JenaException e) {
            // RDF/XML names every predicate as an XML element: some IRIs have no such name
            if (f != Formats.RDFXML) throw e;
            throw new HttpError(406, "this answer cannot be written as RDF/XML (" + e.getMessage() + "); ask for Turtle, N-Triples or JSON-LD");
        }
    }

    /**
     * DESCRIBE: the resources its variables take and the IRIs it names, each described as Jena does by
     * default (its triples, and those of the blank nodes they reach), in the default graph and, unless
     * that is their union, in each named graph where it is a subject.
     */
    private Iterator<Triple> describe(Query query, DatasetGraph target, boolean unionDefault) {
        Set<Node> resources = new LinkedHashSet<>();
        if (query.getQueryPattern() != null) {
            Query select = query.cloneQuery();
            select.setQuerySelectType();
            if (query.isQueryResultStar()) select.setQueryResultStar(true);
            try (QueryExec exec = exec(select, target)) {
                RowSet rows = exec.select();
                for (Iterator<Binding> it = counted(rows, "resources"); it.hasNext();) {
                    Binding b = it.next();
                    for (Var v : rows.getResultVars()) {
                        Node n = b.get(v);
                        if (n != null && !n.isLiteral()) resources.add(n);
                    }
                    if (resources.size() > budget.limits().maxRows()) throw budget.tooMany("triples");
                }
            }
        }
        for (Node n : query.getResultURIs()) if (!n.isVariable()) resources.add(n);
        List<Graph> graphs = new ArrayList<>();
        graphs.add(target.getDefaultGraph());
        Set<Triple> seen = new HashSet<>();
        Deque<Triple> ready = new ArrayDeque<>();
        Iterator<Node> next = resources.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                while (ready.isEmpty() && next.hasNext()) {
                    Node r = next.next();
                    List<Graph> where = new ArrayList<>(graphs);
                    if (!unionDefault) {
                        Set<Node> names = new LinkedHashSet<>();
                        target.find(Node.ANY, r, Node.ANY, Node.ANY).forEachRemaining(q -> {
                            budget.check();
                            if (!q.isDefaultGraph()) names.add(q.getGraph());
                        });
                        names.forEach(g -> where.add(target.getGraph(g)));
                    }
                    for (Graph g : where) closure(g, r, seen, ready);
                }
                return !ready.isEmpty();
            }

            @Override
            public Triple next() {
                return ready.removeFirst();
            }
        };
    }

    private void closure(Graph g, Node start, Set<Triple> seen, Deque<Triple> into) {
        Deque<Node> todo = new ArrayDeque<>();
        Set<Node> visited = new HashSet<>();
        todo.add(start);
        while (!todo.isEmpty()) {
            Node s = todo.removeFirst();
            if (!visited.add(s)) continue;
            for (var it = g.find(s, Node.ANY, Node.ANY); it.hasNext();) {
                budget.check();
                Triple t = it.next();
                if (seen.add(t)) into.add(t);
                if (seen.size() > budget.limits().maxRows()) throw budget.tooMany("triples");
                if (t.getObject().isBlank()) todo.add(t.getObject());
            }
        }
    }

    /** Blank nodes named in the order they are first met: {@code _:b1}, {@code _:b2}, … */
    private static final class Relabel {
        private final String prefix;
        private final Map<Node, Node> names = new HashMap<>();

        Relabel(String prefix) {
            this.prefix = prefix;
        }

        Node apply(Node n) {
            if (!n.isBlank()) return n;
            return names.computeIfAbsent(n, k -> NodeFactory.createBlankNode(prefix + (names.size() + 1)));
        }
    }
}

package org.aikg.server.sparql;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.aikg.server.budget.Budget;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.iterator.QueryIterPath;
import org.apache.jena.sparql.engine.main.OpExecutor;
import org.apache.jena.sparql.engine.main.OpExecutorFactory;
import org.apache.jena.sparql.exec.QueryExecDatasetBuilder;
import org.apache.jena.sparql.graph.GraphWrapper;
import org.apache.jena.sparql.pfunction.PropertyFunctionFactory;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.tdb2.solver.OpExecutorTDB2;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.util.iterator.ExtendedIterator;

/**
 * What a query runs with, besides its text: the request's {@link Budget} (in its context, where Jena's
 * iterators watch its cancel signal and the property functions find it), the property functions it may
 * use ({@link #PROPERTY_FUNCTIONS}; Jena would otherwise load any class a query names), sorting and
 * DISTINCT that spill to disk past {@link #SPILL} rows, no federated calls, and property paths evaluated
 * over a graph that checks the clock at every step: Jena's path engine works out the whole closure of one
 * node before it returns to any iterator that could stop it, and on a large graph that can take seconds.
 * In memory and on TDB2 (whose own executor keeps its joins on node ids).
 *
 * <pre>{@code
 * try (QueryExec exec = BoundedExecution.query(dsg, query, budget).build()) { ... }
 * }</pre>
 */
final class BoundedExecution {
    /** Rows a sort, DISTINCT or a join keeps in memory before it spills to disk. */
    static final long SPILL = 100_000;
    private static final String APF = "http://jena.apache.org/ARQ/property#";
    private static final String LIST = "http://jena.apache.org/ARQ/list#";

    /** The property functions a query may use: Jena's list functions, {@code rdfs:member}, {@code apf:splitIRI}, and the bounded {@code apf:strSplit}. */
    static final Map<String, PropertyFunctionFactory> PROPERTY_FUNCTIONS = propertyFunctions();

    private static final PropertyFunctionRegistry REGISTRY = new Offered();
    private static final OpExecutorFactory PATHS = execCxt -> execCxt.getDataset() instanceof DatasetGraphTDB
            ? new Tdb2(execCxt) : new General(execCxt);

    private BoundedExecution() {}

    private static Map<String, PropertyFunctionFactory> propertyFunctions() {
        PropertyFunctionRegistry std = PropertyFunctionRegistry.get();
        return Map.of(LIST + "member", std.get(LIST + "member"), LIST + "index", std.get(LIST + "index"), LIST + "length", std.get(LIST + "length"),
                "http://www.w3.org/2000/01/rdf-schema#member", std.get("http://www.w3.org/2000/01/rdf-schema#member"),
                APF + "splitIRI", uri -> new org.apache.jena.sparql.pfunction.library.splitIRI(),
                APF + "strSplit", uri -> new BoundedRegex.StrSplit());
    }

    /**
     * A query of {@code dataset} run within {@code budget}: its settings are added to those of the
     * dataset (a TDB2 store's union default graph is one) and Jena's, never in their place.
     */
    static QueryExecDatasetBuilder query(DatasetGraph dataset, Query query, Budget budget) {
        QueryExecDatasetBuilder b = QueryExecDatasetBuilder.create().dataset(dataset).query(query);
        b.set(BoundedExpressions.BUDGET, budget)
                .set(ARQConstants.symCancelQuery, budget.cancelSignal())
                .set(ARQ.httpServiceAllowed, false)
                .set(ARQ.spillToDiskThreshold, SPILL)
                .set(ARQConstants.registryPropertyFunctions, REGISTRY)
                .set(ARQConstants.sysOpExecutorFactory, PATHS)
                .overallTimeout(budget.remainingMillis(), TimeUnit.MILLISECONDS);
        return b;
    }

    private static QueryIterator path(OpPath op, QueryIterator input, ExecutionContext execCxt) {
        Budget budget = BoundedExpressions.budget(execCxt.getContext());
        Graph checked = new Checked(execCxt.getActiveGraph(), budget);
        return new QueryIterPath(op.getTriplePath(), input, ExecutionContext.copyChangeActiveGraph(execCxt, checked));
    }

    private static final class General extends OpExecutor {
        General(ExecutionContext execCxt) {
            super(execCxt);
        }

        @Override
        protected QueryIterator execute(OpPath op, QueryIterator input) {
            return path(op, input, execCxt);
        }
    }

    private static final class Tdb2 extends OpExecutorTDB2 {
        Tdb2(ExecutionContext execCxt) {
            super(execCxt);
        }

        @Override
        protected QueryIterator execute(OpPath op, QueryIterator input) {
            return path(op, input, execCxt);
        }
    }

    /** A graph whose every match checks the budget's clock. */
    private static final class Checked extends GraphWrapper {
        private final Budget budget;

        Checked(Graph graph, Budget budget) {
            super(graph);
            this.budget = budget;
        }

        @Override
        public ExtendedIterator<Triple> find(Triple t) {
            budget.check();
            return super.find(t).mapWith(this::checked);
        }

        @Override
        public ExtendedIterator<Triple> find(Node s, Node p, Node o) {
            budget.check();
            return super.find(s, p, o).mapWith(this::checked);
        }

        @Override
        public boolean contains(Node s, Node p, Node o) {
            budget.check();
            return super.contains(s, p, o);
        }

        private Triple checked(Triple t) {
            budget.check();
            return t;
        }
    }

    /** Only the {@link #PROPERTY_FUNCTIONS}: nothing loaded by name. */
    private static final class Offered extends PropertyFunctionRegistry {
        @Override
        public boolean manages(String uri) {
            return PROPERTY_FUNCTIONS.containsKey(uri);
        }

        @Override
        public PropertyFunctionFactory get(String uri) {
            return PROPERTY_FUNCTIONS.get(uri);
        }

        @Override
        public boolean isRegistered(String uri) {
            return manages(uri);
        }

        @Override
        public Iterator<String> keys() {
            return PROPERTY_FUNCTIONS.keySet().iterator();
        }

        @Override
        public void put(String uri, Class<?> extClass) {
            throw new UnsupportedOperationException("the property functions of queries are fixed");
        }

        @Override
        public void put(String uri, PropertyFunctionFactory factory) {
            throw new UnsupportedOperationException("the property functions of queries are fixed");
        }
    }
}

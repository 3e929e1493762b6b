package org.aikg.server.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.aikg.server.budget.Budget;
import org.aikg.server.budget.Limits;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.graph.GraphWrapper;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.junit.jupiter.api.Test;

/**
 * The budget reaches into the loops Jena runs without looking at any clock: a property path's closure
 * of one node stops at its next step once the budget is spent, not when the closure is complete. The
 * graph here counts what the engine reads and spends the budget after 1,000 triples, so the test needs
 * no clock: without the bound, the engine reads the whole star (50,000 triples) first.
 */
class BoundedExecutionTest {
    static final Node P = NodeFactory.createURI("urn:p");
    static final Node HUB = NodeFactory.createURI("urn:hub");

    /** A graph that counts the triples read from it and, after {@code spendAfter}, spends the budget. */
    static final class Spending extends GraphWrapper {
        final AtomicLong read = new AtomicLong();
        final AtomicLong readAfterSpent = new AtomicLong();
        final Budget budget;
        final long spendAfter;

        Spending(Graph g, Budget budget, long spendAfter) {
            super(g);
            this.budget = budget;
            this.spendAfter = spendAfter;
        }

        @Override
        public ExtendedIterator<Triple> find(Node s, Node p, Node o) {
            return super.find(s, p, o).mapWith(t -> {
                if (budget.cancelSignal().get()) readAfterSpent.incrementAndGet();
                if (read.incrementAndGet() == spendAfter) budget.cancelSignal().set(true);
                return t;
            });
        }

        @Override
        public ExtendedIterator<Triple> find(Triple t) {
            return find(t.getSubject(), t.getPredicate(), t.getObject());
        }
    }

    static Graph star(int n) {
        Graph g = GraphFactory.createGraphMem();
        for (int i = 0; i < n; i++) g.add(Triple.create(HUB, P, NodeFactory.createURI("urn:n" + i)));
        return g;
    }

    @Test
    void pathClosureOfOneNodeStopsAtTheStepAfterTheBudgetIsSpent() {
        Budget budget = new Budget(Limits.DEFAULT.withTimeout(Duration.ofHours(1)), "query");
        Spending graph = new Spending(star(50_000), budget, 1_000);
        Query q = QueryFactory.create("SELECT * { <urn:n0> (<urn:p>|^<urn:p>)* ?x }");
        Budget.Exceeded e = assertThrows(Budget.Exceeded.class, () -> {
            try (QueryExec exec = BoundedExecution.query(DatasetGraphFactory.wrap(graph), q, budget).build()) {
                exec.select().materialize();
            }
        });
        assertEquals(503, e.refusal().status());
        assertTrue(graph.readAfterSpent.get() <= 1, "the closure went on reading after the budget was spent: " + graph.readAfterSpent.get());
        assertTrue(graph.read.get() < 2_000, "read " + graph.read.get() + " triples");
    }

    @Test
    void pathClosureWithinTheBudgetIsComplete() {
        Budget budget = new Budget(Limits.DEFAULT, "query");
        Query q = QueryFactory.create("SELECT (COUNT(*) AS ?n) { <urn:n0> (<urn:p>|^<urn:p>)* ?x }");
        try (QueryExec exec = BoundedExecution.query(DatasetGraphFactory.wrap(star(1_000)), q, budget).build()) {
            assertEquals(1_001, exec.select().next().get("n").getLiteralValue());
        }
    }
}

package org.aikg.server.sparql;

import java.util.List;
import org.aikg.server.http.HttpError;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.Op1;
import org.apache.jena.sparql.algebra.op.Op2;
import org.apache.jena.sparql.algebra.op.OpExtendAssign;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpLeftJoin;
import org.apache.jena.sparql.algebra.op.OpN;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.path.P_Path1;
import org.apache.jena.sparql.path.P_Path2;
import org.apache.jena.sparql.path.Path;

/**
 * Reads a query and checks its shape before anything is evaluated: a text that does not parse, one
 * nested deeper than {@link #MAX_DEPTH} (groups, sub-queries, operators, expressions, property paths),
 * or one that calls another service ({@code SERVICE}, also inside {@code FILTER EXISTS}) is refused
 * with {@code 400}. Evaluation recurses along the nesting, so a deep enough query would otherwise
 * exhaust the stack of the thread serving it; and Jena's FILTER logs, then swallows, the refusal of a
 * SERVICE call made inside it.
 *
 * <pre>{@code
 * Query q = QueryGuard.read("SELECT * { ?s ?p ?o }", "https://example.org/").query();
 * }</pre>
 */
final class QueryGuard {
    /** The deepest nesting taken; far above what people write, far below what exhausts a stack. */
    static final int MAX_DEPTH = 256;

    private QueryGuard() {}

    /** A query that passed, and whether it matches text with regular expressions (REGEX, REPLACE). */
    record Checked(Query query, boolean matchesText) {}

    /** Parses (ARQ's syntax, which includes SPARQL 1.1 and the JSON form) and checks the depth. */
    static Checked read(String text, String base) {
        Query query;
        Op op;
        try {
            query = QueryFactory.create(text, base, Syntax.syntaxARQ);
            op = query.getQueryPattern() == null ? null : Algebra.compile(query);
        } catch (StackOverflowError e) {
            throw tooDeep();
        } catch (QueryParseException e) {
            if (e.getCause() instanceof StackOverflowError) throw tooDeep();
            throw e;
        }
        if (op == null) return new Checked(query, false);
        Shape shape = new Shape();
        if (shape.of(op, 0) > MAX_DEPTH) throw tooDeep();
        if (shape.service) throw HttpError.badRequest("federated queries (SERVICE) are switched off on this server");
        return new Checked(query, shape.matchesText);
    }

    private static HttpError tooDeep() {
        return HttpError.badRequest("the query is nested more than " + MAX_DEPTH + " levels deep (groups, operators, expressions or paths)");
    }

    /** Measures nesting (giving up as soon as it is past the limit) and looks for SERVICE and REGEX/REPLACE, EXISTS patterns included. */
    private static final class Shape {
        private int max;
        private boolean service;
        private boolean matchesText;

        int of(Op op, int level) {
            if (!enter(level)) return max;
            if (op instanceof OpService) service = true;
            if (op instanceof Op1 o) of(o.getSubOp(), level + 1);
            if (op instanceof Op2 o) {
                of(o.getLeft(), level + 1);
                of(o.getRight(), level + 1);
            }
            if (op instanceof OpN o) for (Op x : o.getElements()) of(x, level + 1);
            if (op instanceof OpFilter f) exprs(f.getExprs().getList(), level + 1);
            if (op instanceof OpLeftJoin j && j.getExprs() != null) exprs(j.getExprs().getList(), level + 1);
            if (op instanceof OpExtendAssign x) exprs(List.copyOf(x.getVarExprList().getExprs().values()), level + 1);
            if (op instanceof OpGroup g) {
                exprs(List.copyOf(g.getGroupVars().getExprs().values()), level + 1);
                for (ExprAggregator a : g.getAggregators()) of(a, level + 1);
            }
            if (op instanceof OpOrder o) o.getConditions().forEach(c -> of(c.getExpression(), level + 1));
            if (op instanceof OpPath p) of(p.getTriplePath().getPath(), level + 1);
            return max;
        }

        private void exprs(List<Expr> exprs, int level) {
            for (Expr e : exprs) of(e, level);
        }

        void of(Expr e, int level) {
            if (!enter(level)) return;
            if (e instanceof ExprFunctionOp f && f.getGraphPattern() != null) of(f.getGraphPattern(), level + 1);
            if (e instanceof E_Regex || e instanceof E_StrReplace) matchesText = true;
            if (e instanceof ExprFunction f) exprs(f.getArgs(), level + 1);
            if (e instanceof ExprAggregator a && a.getAggregator().getExprList() != null) exprs(a.getAggregator().getExprList().getList(), level + 1);
        }

        void of(Path p, int level) {
            if (!enter(level)) return;
            if (p instanceof P_Path1 x) of(x.getSubPath(), level + 1);
            if (p instanceof P_Path2 x) {
                of(x.getLeft(), level + 1);
                of(x.getRight(), level + 1);
            }
        }

        private boolean enter(int level) {
            max = Math.max(max, level);
            return level <= MAX_DEPTH;
        }
    }
}

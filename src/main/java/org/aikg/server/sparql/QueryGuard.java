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
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.path.P_Path1;
import org.apache.jena.sparql.path.P_Path2;
import org.apache.jena.sparql.path.Path;

/**
 * Reads a query and checks its shape before anything is evaluated, refusing with {@code 400} what no
 * budget could bound once it runs: a text that does not parse; one nested deeper than {@link #MAX_DEPTH}
 * (groups, sub-queries, operators, expressions, property paths), since evaluation recurses along the
 * nesting and would exhaust the stack of the thread serving it; {@code EXISTS}/{@code NOT EXISTS} nested
 * more than {@link #MAX_EXISTS_DEPTH} deep or used more than {@link #MAX_EXISTS} times, since Jena's
 * optimiser, which runs before any clock can stop it, takes time that doubles with each level (24
 * levels: 17 s); a call of a function this server does not offer ({@link BoundedExpressions#FUNCTIONS});
 * and a call of another service ({@code SERVICE}, also inside
 * {@code FILTER EXISTS}), which Jena's FILTER would log, then swallow.
 *
 * <pre>{@code
 * Query q = QueryGuard.read("SELECT * { ?s ?p ?o }", "https://example.org/");
 * }</pre>
 */
final class QueryGuard {
    /** The deepest nesting taken; far above what people write, far below what exhausts a stack. */
    static final int MAX_DEPTH = 256;
    /** The deepest nesting of EXISTS / NOT EXISTS in one another (Jena's optimiser: 8 levels take milliseconds, 24 take seconds). */
    static final int MAX_EXISTS_DEPTH = 8;
    /** The most EXISTS / NOT EXISTS in one query. */
    static final int MAX_EXISTS = 64;

    private QueryGuard() {}

    /** Parses (ARQ's syntax, which includes SPARQL 1.1 and the JSON form) and checks its shape. */
    static Query read(String text, String base) {
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
        if (op == null) return query;
        Shape shape = new Shape();
        if (shape.of(op, 0) > MAX_DEPTH) throw tooDeep();
        if (shape.service) throw HttpError.badRequest("federated queries (SERVICE) are switched off on this server");
        if (shape.deepestExists > MAX_EXISTS_DEPTH) {
            throw HttpError.badRequest("EXISTS / NOT EXISTS are nested " + shape.deepestExists + " deep; at most " + MAX_EXISTS_DEPTH
                    + " can be planned within the time limit");
        }
        if (shape.exists > MAX_EXISTS) {
            throw HttpError.badRequest("the query has " + shape.exists + " EXISTS / NOT EXISTS; at most " + MAX_EXISTS + " can be planned within the time limit");
        }
        if (shape.unknownFunction != null) {
            throw HttpError.badRequest("the function <" + shape.unknownFunction + "> is not offered on this server (the functions of SPARQL, "
                    + "XPath fn: and math:, XSD casts and a few of ARQ's are)");
        }
        return query;
    }

    private static HttpError tooDeep() {
        return HttpError.badRequest("the query is nested more than " + MAX_DEPTH + " levels deep (groups, operators, expressions or paths)");
    }

    /** Measures nesting (giving up as soon as it is past the limit), counts EXISTS, and looks for SERVICE and functions not offered, EXISTS patterns included. */
    private static final class Shape {
        private int max;
        private boolean service;
        private int existsDepth;
        private int deepestExists;
        private int exists;
        private String unknownFunction;

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
            if (e instanceof ExprFunctionOp f && f.getGraphPattern() != null) {
                exists++;
                deepestExists = Math.max(deepestExists, ++existsDepth);
                of(f.getGraphPattern(), level + 1);
                existsDepth--;
            }
            if (e instanceof E_Function f && unknownFunction == null && !BoundedExpressions.FUNCTIONS.contains(f.getFunctionIRI())) {
                unknownFunction = f.getFunctionIRI();
            }
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

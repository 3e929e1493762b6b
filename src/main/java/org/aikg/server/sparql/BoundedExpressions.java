package org.aikg.server.sparql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.aikg.server.budget.Budget;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.*;
import org.apache.jena.sparql.expr.aggregate.Accumulator;
import org.apache.jena.sparql.expr.aggregate.AccumulatorExpr;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcat;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.function.library.Math_exp10;
import org.apache.jena.sparql.function.library.Math_pow;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;

/**
 * The expressions of a query, bound to the request's {@link Budget} before it runs, so that no
 * expression can hold a thread past the time limit or fill the heap: regular expressions check the
 * clock as they read ({@link BoundedRegex}); CONCAT, REPLACE, GROUP_CONCAT and Unicode normalisation
 * check the length of what they would make before they make it; products and powers check the digits
 * of their result before computing it (a product of two huge numbers cannot be stopped once begun);
 * every other function's value is checked as it is made ({@link Capped}). Only the functions of
 * {@link #FUNCTIONS} can be named: Jena would otherwise load any class a query names ({@code java:…}),
 * call other functions by name ({@code fn:apply}) or sleep ({@code afn:wait}).
 *
 * <pre>{@code
 * Query bounded = BoundedExpressions.apply(query, budget);
 * }</pre>
 */
final class BoundedExpressions {
    /** The key of the request's budget in a query's context (for property functions and path evaluation). */
    static final Symbol BUDGET = Symbol.create("urn:aikg:budget");

    private static final String FN = "http://www.w3.org/2005/xpath-functions#";
    private static final String MATH = "http://www.w3.org/2005/xpath-functions/math#";
    private static final String SPARQL = "http://www.w3.org/ns/sparql#";
    private static final String AFN = "http://jena.apache.org/ARQ/function#";
    /** The most a string can grow when Unicode-normalised (NFKD of U+FDFA: 18 characters). */
    private static final int NORMALISED_GROWTH = 18;

    /**
     * The function IRIs a query may call: Jena's standard library (XSD casts, {@code fn:}, {@code math:},
     * the {@code sparql:} names of the operators, ARQ's triple functions), less {@code fn:apply} and the
     * composite-datatype functions, plus a few common ARQ functions; sorted.
     */
    static final Set<String> FUNCTIONS = functions();

    private BoundedExpressions() {}

    private static Set<String> functions() {
        Set<String> all = new TreeSet<>();
        FunctionRegistry.get().keys().forEachRemaining(all::add);
        all.remove(FN + "apply");
        all.removeIf(iri -> iri.startsWith("http://w3id.org/awslabs/neptune/SPARQL-CDTs/"));
        for (String f : List.of("localname", "namespace", "now", "sha1sum", "min", "max", "pi", "e", "sqrt", "bnode", "strlen", "substr",
                "struuid", "uuid", "evenInteger", "langeq")) {
            all.add(AFN + f);
        }
        return Set.copyOf(all);
    }

    /** The budget of the query whose context this is. */
    static Budget budget(Context context) {
        Budget b = context == null ? null : context.get(BUDGET);
        if (b == null) throw new IllegalStateException("a query ran without a budget");
        return b;
    }

    /** A copy of the query with every expression bound to {@code budget}. */
    static Query apply(Query query, Budget budget) {
        return QueryTransformOps.transform(query, new ElementTransformCopyBase(), new Bind(budget));
    }

    /** Replaces what can grow or run away with its bounded form. */
    private static final class Bind extends ExprTransformCopy {
        private final Budget budget;

        Bind(Budget budget) {
            super(false);
            this.budget = budget;
        }

        @Override
        public Expr transform(ExprFunctionN func, ExprList args) {
            if (func instanceof BoundedRegex.Regex || func instanceof BoundedRegex.Replace || func instanceof Concat) {
                return super.transform(func, args);
            }
            if (func instanceof E_Regex) return new BoundedRegex.Regex(args, budget);
            if (func instanceof E_StrReplace) return new BoundedRegex.Replace(args, budget);
            if (func instanceof E_StrConcat) return new Concat(args, budget);
            if (func instanceof E_Function f) {
                String iri = f.getFunctionIRI();
                switch (iri) {
                    case FN + "matches", SPARQL + "regex" -> {
                        if (args.size() == 2 || args.size() == 3) return new BoundedRegex.Regex(args, budget);
                    }
                    case FN + "replace", SPARQL + "replace" -> {
                        if (args.size() == 3 || args.size() == 4) return new BoundedRegex.Replace(args, budget);
                    }
                    case FN + "concat", SPARQL + "concat" -> {
                        return new Concat(args, budget);
                    }
                    case MATH + "pow" -> {
                        if (args.size() == 2) return new Pow(args.get(0), args.get(1), budget);
                    }
                    case MATH + "exp10" -> {
                        if (args.size() == 1) return new Exp10(args.get(0), budget);
                    }
                    case SPARQL + "multiply" -> {
                        if (args.size() == 2) return new Multiply(args.get(0), args.get(1), budget);
                    }
                    case FN + "normalize-unicode" -> {
                        return new Capped(new NormalizeFirst(args, budget), budget);
                    }
                    default -> {
                        // checked as it is made, below
                    }
                }
            }
            return capped(super.transform(func, args));
        }

        @Override
        public Expr transform(ExprFunction1 func, Expr arg) {
            return capped(super.transform(func, arg));
        }

        @Override
        public Expr transform(ExprFunction2 func, Expr arg1, Expr arg2) {
            if (func instanceof E_Multiply && !(func instanceof Multiply)) return new Multiply(arg1, arg2, budget);
            return capped(super.transform(func, arg1, arg2));
        }

        @Override
        public Expr transform(ExprFunction3 func, Expr arg1, Expr arg2, Expr arg3) {
            return capped(super.transform(func, arg1, arg2, arg3));
        }

        @Override
        public Expr transform(ExprAggregator eAgg) {
            Aggregator agg = eAgg.getAggregator();
            ExprList exprs = agg.getExprList() == null ? null : ExprTransformer.transform(this, agg.getExprList());
            Aggregator bound;
            if (agg instanceof AggGroupConcatDistinct g) bound = new GroupConcatDistinct(exprs.get(0), g.getSeparator(), budget);
            else if (agg instanceof AggGroupConcat g) bound = new GroupConcat(exprs.get(0), g.getSeparator(), budget);
            else bound = exprs == null ? agg : agg.copy(exprs);
            return new ExprAggregator(eAgg.getVar(), bound);
        }

        private Expr capped(Expr e) {
            return e instanceof ExprFunction f && grows(f) ? new Capped(f, budget) : e;
        }
    }

    /** Functions whose value can be larger than their arguments: all but those that test, compare, pick or measure. */
    private static boolean grows(ExprFunction f) {
        return !(f instanceof ExprFunctionOp || f instanceof Capped || f instanceof E_LogicalAnd || f instanceof E_LogicalOr
                || f instanceof E_LogicalNot || f instanceof E_Equals || f instanceof E_NotEquals || f instanceof E_LessThan
                || f instanceof E_LessThanOrEqual || f instanceof E_GreaterThan || f instanceof E_GreaterThanOrEqual || f instanceof E_SameTerm
                || f instanceof E_Bound || f instanceof E_IsIRI || f instanceof E_IsBlank || f instanceof E_IsLiteral || f instanceof E_IsNumeric
                || f instanceof E_OneOfBase || f instanceof E_LangMatches || f instanceof E_StrContains || f instanceof E_StrStartsWith
                || f instanceof E_StrEndsWith || f instanceof E_StrLength || f instanceof E_Lang || f instanceof E_Datatype || f instanceof E_Str
                || f instanceof E_If || f instanceof E_Coalesce || f instanceof E_Regex || f instanceof E_StrSubstring
                || f instanceof E_StrBefore || f instanceof E_StrAfter);
    }

    /** Checks a value made by a query against the budget: a string by its length, a number by its digits. */
    static NodeValue check(NodeValue v, Budget budget) {
        if (v.isInteger()) budget.checkDigits(digits(v.getInteger()));
        else if (v.isDecimal()) budget.checkDigits(digits(v.getDecimal()));
        else if (v.isString() || v.isLangString()) budget.checkValue(v.getString().length());
        else if (v.isIRI()) budget.checkValue(v.asNode().getURI().length());
        else if (v.isLiteral()) budget.checkValue(v.asNode().getLiteralLexicalForm().length());
        return v;
    }

    private static long digits(BigInteger i) {
        return (long) (i.bitLength() * 0.30103) + 1;
    }

    private static long digits(BigDecimal d) {
        return digits(d.unscaledValue()) + Math.abs((long) d.scale());
    }

    /** Any function whose value is checked as it is made. */
    static final class Capped extends ExprFunction1 {
        private final Budget budget;

        Capped(Expr e, Budget budget) {
            super(e, "aikg:capped");
            this.budget = budget;
        }

        @Override
        public NodeValue eval(NodeValue v) {
            return check(v, budget);
        }

        @Override
        public Expr copy(Expr e) {
            return new Capped(e, budget);
        }
    }

    /** CONCAT (and {@code fn:concat}): the length of what it would make is checked before it is made. */
    static final class Concat extends E_StrConcat {
        private final Budget budget;

        Concat(ExprList args, Budget budget) {
            super(args);
            this.budget = budget;
        }

        @Override
        public NodeValue eval(List<NodeValue> args) {
            long length = 0;
            for (NodeValue v : args) {
                if (v.isString() || v.isLangString()) length += v.getString().length();
            }
            budget.checkValue(length);
            return super.eval(args);
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new Concat(newArgs, budget);
        }
    }

    /** {@code fn:normalize-unicode}: refused when its argument could grow past the value limit. */
    private static final class NormalizeFirst extends E_Function {
        private final Budget budget;

        NormalizeFirst(ExprList args, Budget budget) {
            super(FN + "normalize-unicode", args);
            this.budget = budget;
        }

        @Override
        public NodeValue evalSpecial(Binding binding, FunctionEnv env) {
            NodeValue s = getArg(1).eval(binding, env);
            if (s.isString() || s.isLangString()) budget.checkValue((long) s.getString().length() * NORMALISED_GROWTH);
            return super.evalSpecial(binding, env);
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new NormalizeFirst(newArgs, budget);
        }
    }

    /** Multiplication: two integers or decimals whose product would be too long are refused before multiplying. */
    static final class Multiply extends E_Multiply {
        private final Budget budget;

        Multiply(Expr left, Expr right, Budget budget) {
            super(left, right);
            this.budget = budget;
        }

        @Override
        public NodeValue eval(NodeValue x, NodeValue y) {
            if (exact(x) && exact(y)) budget.checkDigits(digitsOf(x) + digitsOf(y));
            return check(super.eval(x, y), budget);
        }

        @Override
        public Expr copy(Expr e1, Expr e2) {
            return new Multiply(e1, e2, budget);
        }
    }

    /** {@code math:pow}: an integer power checked for its digits before it is computed. */
    private static final class Pow extends ExprFunction2 {
        private final Budget budget;

        Pow(Expr base, Expr exponent, Budget budget) {
            super(base, exponent, "math:pow");
            this.budget = budget;
        }

        @Override
        public NodeValue eval(NodeValue x, NodeValue y) {
            if (x.isInteger() && y.isInteger() && y.getInteger().signum() > 0) {
                BigInteger e = y.getInteger();
                if (e.bitLength() > 31) budget.checkDigits(Long.MAX_VALUE);
                budget.checkDigits(digits(x.getInteger()) * e.longValue());
            }
            return check(new Math_pow().exec(x, y), budget);
        }

        @Override
        public Expr copy(Expr e1, Expr e2) {
            return new Pow(e1, e2, budget);
        }

        @Override
        public String getFunctionIRI() {
            return MATH + "pow";
        }
    }

    /** {@code math:exp10}: an integer power of ten checked for its digits before it is computed. */
    private static final class Exp10 extends ExprFunction1 {
        private final Budget budget;

        Exp10(Expr e, Budget budget) {
            super(e, "math:exp10");
            this.budget = budget;
        }

        @Override
        public NodeValue eval(NodeValue v) {
            if (v.isInteger() && v.getInteger().signum() > 0) {
                budget.checkDigits(v.getInteger().bitLength() > 31 ? Long.MAX_VALUE : v.getInteger().longValue());
            }
            return check(new Math_exp10().exec(v), budget);
        }

        @Override
        public Expr copy(Expr e) {
            return new Exp10(e, budget);
        }

        @Override
        public String getFunctionIRI() {
            return MATH + "exp10";
        }
    }

    private static boolean exact(NodeValue v) {
        return v.isInteger() || v.isDecimal();
    }

    private static long digitsOf(NodeValue v) {
        return v.isInteger() ? digits(v.getInteger()) : digits(v.getDecimal());
    }

    /** GROUP_CONCAT: the string is checked as it grows, so that one of 80 MB is refused long before it is made. */
    static final class GroupConcat extends AggGroupConcat {
        private final Budget budget;

        GroupConcat(Expr expr, String separator, Budget budget) {
            super(expr, separator);
            this.budget = budget;
        }

        @Override
        public Aggregator copy(ExprList exprs) {
            return new GroupConcat(exprs.get(0), getSeparator(), budget);
        }

        @Override
        public Accumulator createAccumulator() {
            return new Joined(getExpr(), getSeparator(), false, budget);
        }
    }

    /** GROUP_CONCAT(DISTINCT …), checked as it grows. */
    static final class GroupConcatDistinct extends AggGroupConcatDistinct {
        private final Budget budget;

        GroupConcatDistinct(Expr expr, String separator, Budget budget) {
            super(expr, separator);
            this.budget = budget;
        }

        @Override
        public Aggregator copy(ExprList exprs) {
            return new GroupConcatDistinct(exprs.get(0), getSeparator(), budget);
        }

        @Override
        public Accumulator createAccumulator() {
            return new Joined(getExpr(), getSeparator(), true, budget);
        }
    }

    /** The values of a group joined by a separator (a space unless one is given), held to the value limit. */
    private static final class Joined extends AccumulatorExpr {
        private final String separator;
        private final Budget budget;
        private final StringBuilder joined = new StringBuilder();
        private boolean first = true;

        Joined(Expr expr, String separator, boolean distinct, Budget budget) {
            super(expr, distinct);
            this.separator = separator == null ? " " : separator;
            this.budget = budget;
        }

        @Override
        protected void accumulate(NodeValue nv, Binding binding, FunctionEnv env) {
            String s = nv.asString();
            budget.checkValue((long) joined.length() + separator.length() + s.length());
            if (!first) joined.append(separator);
            joined.append(s);
            first = false;
        }

        @Override
        protected void accumulateError(Binding binding, FunctionEnv env) {}

        @Override
        public NodeValue getAccValue() {
            return NodeValue.makeString(joined.toString());
        }
    }
}

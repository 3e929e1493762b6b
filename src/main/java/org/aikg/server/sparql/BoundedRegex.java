package org.aikg.server.sparql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aikg.server.budget.Budget;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryBuildException;
import org.apache.jena.rdf.model.impl.Util;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.pfunction.PFuncSimpleAndList;
import org.apache.jena.sparql.pfunction.PropFuncArg;
import org.apache.jena.sparql.util.IterLib;

/**
 * Every regular expression a query can run, bound to the request's {@link Budget}: {@code REGEX} and
 * {@code fn:matches} ({@link Regex}), {@code REPLACE} and {@code fn:replace} ({@link Replace}) and the
 * property function {@code apf:strSplit} ({@link StrSplit}). Java's regular expressions backtrack, and
 * one match of {@code ^(.*a){25}$} can run for hours without returning to the query engine, so no timer
 * outside the match can stop it; here the text being matched checks the budget's clock as the matcher
 * reads it, and a match past the time limit ends the query as a 503. {@link BoundedExpressions} puts these in
 * place of Jena's own wherever a query names one of them, so no other regular expression runs.
 *
 * <pre>{@code
 * Expr regex = new BoundedRegex.Regex(args, budget);
 * }</pre>
 */
final class BoundedRegex {
    private BoundedRegex() {}

    /** {@code REGEX(text, pattern[, flags])}, which is also {@code fn:matches}. */
    static final class Regex extends E_Regex {
        private final Budget budget;
        private final Patterns patterns = new Patterns("REGEX");

        Regex(ExprList args, Budget budget) {
            super(args.get(0), args.get(1), args.size() > 2 ? args.get(2) : null);
            this.budget = budget;
        }

        @Override
        public NodeValue eval(List<NodeValue> args) {
            Node text = NodeValueOps.checkAndGetStringLiteral("REGEX", args.get(0));
            Pattern p = patterns.get(args.get(1), args.size() > 2 ? args.get(2) : null);
            return NodeValue.booleanReturn(p.matcher(new Text(text.getLiteralLexicalForm(), budget)).find());
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new Regex(newArgs, budget);
        }
    }

    /** {@code REPLACE(text, pattern, replacement[, flags])}, which is also {@code fn:replace}; what it makes is held to the value limit as it grows. */
    static final class Replace extends E_StrReplace {
        private final Budget budget;
        private final Patterns patterns = new Patterns("REPLACE");

        Replace(ExprList args, Budget budget) {
            super(args.get(0), args.get(1), args.get(2), args.size() > 3 ? args.get(3) : null);
            this.budget = budget;
        }

        @Override
        public NodeValue eval(List<NodeValue> args) {
            Node text = NodeValueOps.checkAndGetStringLiteral("REPLACE", args.get(0));
            Pattern p = patterns.get(args.get(1), args.size() > 3 ? args.get(3) : null);
            if (p.matcher("").matches()) throw new ExprEvalException("REPLACE: the pattern matches the empty string");
            if (!args.get(2).isString()) throw new ExprEvalException("REPLACE: the replacement is not a string: " + args.get(2));
            String replacement = args.get(2).getString();
            Matcher m = p.matcher(new Text(text.getLiteralLexicalForm(), budget));
            StringBuilder out = new StringBuilder();
            try {
                while (m.find()) {
                    m.appendReplacement(out, replacement);
                    budget.checkValue(out.length());
                }
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new ExprEvalException("REPLACE: " + e.getMessage());
            }
            m.appendTail(out);
            String lang = text.getLiteralLanguage();
            return lang.isEmpty() ? NodeValue.makeString(out.toString()) : NodeValue.makeLangString(out.toString(), lang);
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new Replace(newArgs, budget);
        }
    }

    /**
     * {@code ?token apf:strSplit (text pattern)}: the pieces of the text between matches of the pattern,
     * each trimmed (as Jena's own), bound in turn; with a string in place of {@code ?token}, a match when
     * it is one of the pieces.
     */
    static final class StrSplit extends PFuncSimpleAndList {
        @Override
        public void build(PropFuncArg subject, Node predicate, PropFuncArg object, ExecutionContext execCxt) {
            super.build(subject, predicate, object, execCxt);
            if (object.getArgListSize() != 2) {
                throw new QueryBuildException("apf:strSplit takes a list of two: the text to split and a regular expression");
            }
        }

        @Override
        public QueryIterator execEvaluated(Binding binding, Node subject, Node predicate, PropFuncArg object, ExecutionContext execCxt) {
            Node text = object.getArg(0);
            Node pattern = object.getArg(1);
            if (!text.isLiteral() || !pattern.isLiteral()) return IterLib.noResults(execCxt);
            Pattern p;
            try {
                p = Pattern.compile(pattern.getLiteralLexicalForm());
            } catch (IllegalArgumentException e) {
                throw new ExprEvalException("apf:strSplit: " + e.getMessage());
            }
            Budget budget = BoundedExpressions.budget(execCxt.getContext());
            List<String> pieces = new ArrayList<>();
            for (String piece : p.split(new Text(text.getLiteralLexicalForm(), budget))) pieces.add(piece.trim());
            if (Var.isVar(subject)) {
                Var v = Var.alloc(subject);
                List<Binding> out = new ArrayList<>(pieces.size());
                for (String piece : pieces) out.add(BindingFactory.binding(binding, v, NodeFactory.createLiteralString(piece)));
                return QueryIterPlainWrapper.create(out.iterator(), execCxt);
            }
            if (Util.isSimpleString(subject) && pieces.contains(subject.getLiteralLexicalForm())) return IterLib.result(binding, execCxt);
            return IterLib.noResults(execCxt);
        }
    }

    /** The compiled pattern of one expression, kept while its pattern and flags stay the same (they are constants in most queries). */
    private static final class Patterns {
        private record Compiled(String pattern, String flags, Pattern compiled) {}

        private final String label;
        private volatile Compiled last;

        Patterns(String label) {
            this.label = label;
        }

        Pattern get(NodeValue pattern, NodeValue flags) {
            if (!pattern.isString()) throw new ExprEvalException(label + ": the pattern is not a string: " + pattern);
            if (flags != null && !flags.isString()) throw new ExprEvalException(label + ": the flags are not a string: " + flags);
            String p = pattern.getString();
            String f = flags == null ? null : flags.getString();
            Compiled c = last;
            if (c == null || !c.pattern().equals(p) || !Objects.equals(c.flags(), f)) {
                c = new Compiled(p, f, RegexEngine.makePattern(label, p, f));
                last = c;
            }
            return c.compiled();
        }
    }

    /** A string whose reader ends the query (503) when it is still reading after the time limit. */
    static final class Text implements CharSequence {
        private final String s;
        private final Budget budget;
        private int reads;

        Text(String s, Budget budget) {
            this.s = s;
            this.budget = budget;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0xFFF) == 0) budget.check();
            return s.charAt(index);
        }

        @Override
        public int length() {
            return s.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Text(s.substring(start, end), budget);
        }

        @Override
        public String toString() {
            return s;
        }
    }
}

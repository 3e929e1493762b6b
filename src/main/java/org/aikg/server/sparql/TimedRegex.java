package org.aikg.server.sparql;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * {@code REGEX} and {@code REPLACE} that stop at the query's deadline. Java's regular expressions
 * backtrack, and one match of {@code ^(.*a){12}$} can run for hours without returning to the query
 * engine, so Jena's time limit never gets a chance; here the text being matched checks the clock as
 * the matcher reads it, and a match past the deadline ends the query as a timeout.
 *
 * <pre>{@code
 * Query timed = TimedRegex.apply(query, System.nanoTime() + timeout.toNanos());
 * }</pre>
 */
final class TimedRegex {
    private TimedRegex() {}

    /** The query with every REGEX and REPLACE bound to the deadline (a {@link System#nanoTime()} value). */
    static Query apply(Query query, long deadline) {
        return QueryTransformOps.transform(query, new ElementTransformCopyBase(), new ExprTransformCopy() {
            @Override
            public Expr transform(ExprFunctionN func, ExprList args) {
                if (func instanceof E_Regex) return new Regex(args, deadline);
                if (func instanceof E_StrReplace) return new Replace(args, deadline);
                return super.transform(func, args);
            }
        });
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

    private static final class Regex extends E_Regex {
        private final long deadline;
        private final Patterns patterns = new Patterns("REGEX");

        Regex(ExprList args, long deadline) {
            super(args.get(0), args.get(1), args.size() > 2 ? args.get(2) : null);
            this.deadline = deadline;
        }

        @Override
        public NodeValue eval(List<NodeValue> args) {
            Node text = NodeValueOps.checkAndGetStringLiteral("REGEX", args.get(0));
            Pattern p = patterns.get(args.get(1), args.size() > 2 ? args.get(2) : null);
            return NodeValue.booleanReturn(p.matcher(new Text(text.getLiteralLexicalForm(), deadline)).find());
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new Regex(newArgs, deadline);
        }
    }

    private static final class Replace extends E_StrReplace {
        private final long deadline;
        private final Patterns patterns = new Patterns("REPLACE");

        Replace(ExprList args, long deadline) {
            super(args.get(0), args.get(1), args.get(2), args.size() > 3 ? args.get(3) : null);
            this.deadline = deadline;
        }

        @Override
        public NodeValue eval(List<NodeValue> args) {
            Node text = NodeValueOps.checkAndGetStringLiteral("REPLACE", args.get(0));
            Pattern p = patterns.get(args.get(1), args.size() > 3 ? args.get(3) : null);
            if (p.matcher("").matches()) throw new ExprEvalException("REPLACE: the pattern matches the empty string");
            String replacement = args.get(2).getString();
            Matcher m = p.matcher(new Text(text.getLiteralLexicalForm(), deadline));
            String result;
            try {
                result = m.replaceAll(replacement);
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new ExprEvalException("REPLACE: " + e.getMessage());
            }
            String lang = text.getLiteralLanguage();
            return lang.isEmpty() ? NodeValue.makeString(result) : NodeValue.makeLangString(result, lang);
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new Replace(newArgs, deadline);
        }
    }

    /** A string that ends the query when a matcher is still reading it after the deadline. */
    private static final class Text implements CharSequence {
        private final String s;
        private final long deadline;
        private int reads;

        Text(String s, long deadline) {
            this.s = s;
            this.deadline = deadline;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0xFFF) == 0 && System.nanoTime() - deadline > 0) {
                throw new QueryCancelledException();
            }
            return s.charAt(index);
        }

        @Override
        public int length() {
            return s.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Text(s.substring(start, end), deadline);
        }

        @Override
        public String toString() {
            return s;
        }
    }
}

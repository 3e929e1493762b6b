package org.aikg.validate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.path.Path;

/**
 * Checks a graph against aikg's SHACL shapes ({@code ontology/shapes.ttl}, bundled in the jar)
 * and says what is wrong in lines a person can read.
 *
 * <pre>{@code
 * Validator.Result r = Validator.bundled().validate(graph, iris.prefixes());
 * if (!r.conforms()) r.lines().forEach(System.out::println);
 * }</pre>
 */
public final class Validator {
    /** The outcome: conforms or not, and one line per problem, sorted. */
    public record Result(boolean conforms, List<String> lines) {
        public Result {
            lines = List.copyOf(lines);
        }
    }

    private final Shapes shapes;

    private Validator(Shapes shapes) {
        this.shapes = shapes;
    }

    /** The shapes shipped with aikg. */
    public static Validator bundled() {
        return new Validator(Shapes.parse(bundledShapesGraph()));
    }

    /** The bundled shapes as a graph. */
    public static Graph bundledShapesGraph() {
        Graph g = GraphFactory.createGraphMem();
        try (InputStream in = Validator.class.getResourceAsStream("/org/aikg/ontology/shapes.ttl")) {
            if (in == null) throw new IllegalStateException("shapes.ttl is missing from the build");
            RDFParser.source(in).lang(Lang.TURTLE).parse(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return g;
    }

    public Result validate(Graph data, Map<String, String> prefixes) {
        ValidationReport report = ShaclValidator.get().validate(shapes, data);
        PrefixMapping pm = PrefixMapping.Factory.create().setNsPrefixes(prefixes);
        List<String> lines = new ArrayList<>();
        for (ReportEntry e : report.getEntries()) {
            StringBuilder b = new StringBuilder();
            b.append(e.severity().level().getLocalName().toLowerCase(Locale.ROOT)).append(": ");
            b.append(shortForm(e.focusNode(), pm));
            Path path = e.resultPath();
            if (path != null) b.append(" ").append(path.toString(new Prologue(pm)));
            b.append(": ").append(e.message());
            if (e.value() != null) b.append(" (value: ").append(shortForm(e.value(), pm)).append(')');
            lines.add(b.toString());
        }
        lines.sort(null);
        return new Result(report.conforms(), lines);
    }

    private static String shortForm(Node n, PrefixMapping pm) {
        if (n.isURI()) {
            String s = pm.qnameFor(n.getURI());
            return s != null ? s : "<" + n.getURI() + ">";
        }
        if (n.isLiteral()) {
            String lex = n.getLiteralLexicalForm();
            if (lex.length() > 60) lex = lex.substring(0, 57) + "...";
            return "\"" + visible(lex) + "\"" + (n.getLiteralLanguage().isEmpty() ? "" : "@" + n.getLiteralLanguage());
        }
        return n.toString();
    }

    /** A text with its control characters and non-characters written as escapes, so that a report shows them (and a terminal obeys none). */
    static String visible(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> {
            boolean nonCharacter = (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
            if ((Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') || nonCharacter) b.append(String.format("\\u%04X", c));
            else b.appendCodePoint(c);
        });
        return b.toString();
    }
}

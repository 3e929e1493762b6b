package org.aikg.server;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;

/**
 * A SELECT answer as rows of text, read two ways for the tests to compare: a CSV file as RFC 4180 and
 * SPARQL 1.1 Query Results CSV write it (the header, then each row; an IRI as itself, a literal as its
 * lexical form, unbound as empty), and a SPARQL JSON answer read by Jena into the same shape.
 */
final class ResultRows {
    private ResultRows() {}

    /** The records of a CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF between records). */
    static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    /** A SPARQL JSON answer as the CSV rows of the same answer: the variables, then each solution. */
    static List<List<String>> json(byte[] body) {
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(body), ResultSetLang.RS_JSON);
        List<String> vars = rs.getResultVars();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.copyOf(vars));
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            List<String> row = new ArrayList<>();
            for (String v : vars) {
                RDFNode n = s.get(v);
                Node node = n == null ? null : n.asNode();
                row.add(node == null ? "" : node.isURI() ? node.getURI() : node.isLiteral() ? node.getLiteralLexicalForm() : "_:" + node.getBlankNodeLabel());
            }
            rows.add(row);
        }
        return rows;
    }
}

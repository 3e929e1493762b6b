package org.aikg.server.sparql;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.apache.jena.graph.Node;

/**
 * The query page, for people: the endpoint hands it the query and the answer (or the refusal) and
 * sends what it renders. The page belongs to the site (its layout, its language); the protocol does
 * not.
 */
public interface HtmlView {
    /** The page with the editor and no answer yet. */
    byte[] editor(HttpServletRequest req, String query);

    /** The page with an answer as a table of RDF terms (null where unbound): SELECT's rows, ASK's boolean, a graph's triples. */
    byte[] answer(HttpServletRequest req, String query, List<String> columns, List<List<Node>> rows);

    /** The page with the reason a query was refused, the query kept in the editor. */
    byte[] refusal(HttpServletRequest req, String query, int status, String reason);
}

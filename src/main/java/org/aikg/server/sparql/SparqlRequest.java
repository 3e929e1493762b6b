package org.aikg.server.sparql;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.aikg.server.http.HttpError;
import org.aikg.server.http.Params;
import org.aikg.server.http.Responses;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;

/**
 * A SPARQL 1.1/1.2 Protocol query request, read and checked: the query text and the dataset the
 * protocol names ({@code default-graph-uri}, {@code named-graph-uri}). Everything the protocol rules
 * out is refused here with its status: two queries or two versions (400), a GET with a body (400), an
 * update on this read-only server (405), a POST without a type (400) or of another type (415), a
 * query that is not UTF-8 (415 for another charset, 400 for bad bytes), one over the size limit (413).
 *
 * <pre>{@code
 * SparqlRequest r = SparqlRequest.read(req, 64 * 1024);   // null: no query (show the editor)
 * }</pre>
 */
record SparqlRequest(String query, List<String> defaultGraphs, List<String> namedGraphs) {
    /** The methods of a query endpoint. */
    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "OPTIONS");
    static final String QUERY_TYPE = "application/sparql-query";
    static final String UPDATE_TYPE = "application/sparql-update";
    static final String FORM_TYPE = "application/x-www-form-urlencoded";
    private static final List<String> VERSIONS = List.of("1.1", "1.2");

    SparqlRequest {
        defaultGraphs = List.copyOf(defaultGraphs);
        namedGraphs = List.copyOf(namedGraphs);
    }

    /** True when the protocol names the dataset, which then replaces the query's own FROM and FROM NAMED. */
    boolean namesDataset() {
        return !defaultGraphs.isEmpty() || !namedGraphs.isEmpty();
    }

    /** Reads a request; null when it asks no query (a GET without {@code query}). */
    static SparqlRequest read(HttpServletRequest req, int maxBytes) throws IOException {
        String method = req.getMethod();
        String text = switch (method) {
            case "GET", "HEAD" -> fromUrl(req);
            case "POST" -> fromBody(req, maxBytes);
            default -> throw HttpError.methodNotAllowed(method, METHODS, "a SPARQL endpoint takes queries by GET or POST");
        };
        if (text == null) return null;
        if (utf8Length(text) > maxBytes) throw HttpError.tooLarge("a query may be at most " + maxBytes + " bytes");
        Params.one(req, "version");
        String version = req.getParameter("version");
        if (version != null && !VERSIONS.contains(version)) {
            throw HttpError.badRequest("unknown SPARQL version \"" + version + "\" (this endpoint speaks " + String.join(" and ", VERSIONS) + ")");
        }
        return new SparqlRequest(text, iris(req, "default-graph-uri"), iris(req, "named-graph-uri"));
    }

    /** The bytes {@code s} takes in UTF-8 (a limit in bytes is checked in bytes, not in Java's UTF-16 characters). */
    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) n += 1;
            else if (c < 0x800) n += 2;
            else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else n += 3;
        }
        return n;
    }

    private static String fromUrl(HttpServletRequest req) {
        if (Responses.hasUnreadBody(req)) throw HttpError.badRequest("a GET request carries no body: put the query in the URL, or POST it");
        if (req.getParameter("update") != null) throw readOnly();
        return Params.one(req, "query");
    }

    private static String fromBody(HttpServletRequest req, int maxBytes) throws IOException {
        String contentType = req.getContentType();
        if (contentType == null || contentType.isBlank()) throw malformedPost(null);
        String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
        String type = parts[0].trim();
        switch (type) {
            case UPDATE_TYPE -> throw readOnly();
            case FORM_TYPE -> {
                if (req.getParameter("update") != null) throw readOnly();
                String q = Params.one(req, "query");
                if (q == null) throw HttpError.badRequest("the form has no \"query\" field");
                return q;
            }
            case QUERY_TYPE -> {
                for (int i = 1; i < parts.length; i++) {
                    String p = parts[i].trim();
                    if (p.startsWith("charset=") && !p.substring(8).replace("\"", "").equals("utf-8")) {
                        throw HttpError.unsupportedMediaType("a query must be sent in UTF-8, not " + p.substring(8));
                    }
                }
                if (req.getParameter("query") != null) throw HttpError.badRequest("a direct POST carries its query as the body, not also as a \"query\" parameter");
                return utf8(req.getInputStream(), maxBytes);
            }
            default -> throw malformedPost(type);
        }
    }

    /** The refusal of a POST that is no query: 400 without a Content-Type, 415 with another one. */
    static HttpError malformedPost(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return HttpError.badRequest("a POST needs a Content-Type: " + QUERY_TYPE + " with the query as the body, or " + FORM_TYPE
                    + " with a \"query\" field");
        }
        return HttpError.unsupportedMediaType("a POST to a SPARQL endpoint is " + QUERY_TYPE + " or " + FORM_TYPE + ", not " + contentType);
    }

    private static HttpError readOnly() {
        return HttpError.methodNotAllowed("POST", METHODS, "this server is read-only: SPARQL Update is switched off");
    }

    private static List<String> iris(HttpServletRequest req, String name) {
        String[] values = req.getParameterValues(name);
        if (values == null) return List.of();
        for (String v : values) {
            try {
                IRIx iri = IRIx.create(v);
                if (!iri.isReference()) throw HttpError.badRequest(name + " must be an absolute IRI, not \"" + v + "\"");
            } catch (IRIException e) {
                throw HttpError.badRequest(name + " is not an IRI: \"" + v + "\" (" + e.getMessage() + ")");
            }
        }
        return Arrays.asList(values);
    }

    private static String utf8(InputStream in, int maxBytes) {
        byte[] body;
        try {
            body = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            // the body arrived whole before the request was dispatched (BodyDeadline): what fails here is its framing
            throw HttpError.badRequest("the request body cannot be read: its chunks are malformed, or it ends before its length");
        }
        if (body.length > maxBytes) throw HttpError.tooLarge("a query may be at most " + maxBytes + " bytes");
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw HttpError.badRequest("the query is not valid UTF-8");
        }
    }
}

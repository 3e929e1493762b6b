package org.aikg.query;

import static java.util.Objects.requireNonNull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aikg.DataException;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;

/**
 * A SPARQL query with a name, a title and a one-line description, read from the comment that
 * opens its {@code .rq} file, with their translations ({@code title@zh}, {@code description@zh}):
 * <pre>
 * # title: Who is Liu Gang and what did he claim?
 * # description: The economist's job, employer and each statement the article reports.
 * # title@zh: 刘刚是谁，他说了什么？
 * SELECT ...
 * </pre>
 */
public record NamedQuery(String name, String title, String description, String text) {
    private static final Pattern HEADER = Pattern.compile("^#\\s*(title|description):\\s*(.+)$", Pattern.MULTILINE);
    /** A title or description in another language: {@code # title@zh: ...}. */
    private static final Pattern TRANSLATED = Pattern.compile("^#\\s*(title|description)@([a-z]{2,3}):\\s*(.+)$", Pattern.MULTILINE);

    public NamedQuery {
        requireNonNull(name, "name");
        requireNonNull(title, "title");
        requireNonNull(description, "description");
        requireNonNull(text, "text");
    }

    /** Reads a query's header; {@code where} names the file in messages. */
    public static NamedQuery parse(String name, String text, String where) {
        String title = null;
        String description = null;
        Matcher m = HEADER.matcher(text);
        while (m.find()) {
            if (m.group(1).equals("title") && title == null) title = m.group(2).strip();
            if (m.group(1).equals("description") && description == null) description = m.group(2).strip();
        }
        if (title == null) throw new DataException(where + ": the query has no \"# title:\" comment line");
        if (description == null) throw new DataException(where + ": the query has no \"# description:\" comment line");
        NamedQuery q = new NamedQuery(name, title, description, text);
        q.query(where);
        return q;
    }

    /** The title in a language ({@code # title@zh:}), else the English one. */
    public String title(String lang) {
        return translated("title", lang, title);
    }

    /** The description in a language ({@code # description@zh:}), else the English one. */
    public String description(String lang) {
        return translated("description", lang, description);
    }

    private String translated(String field, String lang, String fallback) {
        Matcher m = TRANSLATED.matcher(text);
        while (m.find()) {
            if (m.group(1).equals(field) && m.group(2).equals(lang)) return m.group(3).strip();
        }
        return fallback;
    }

    /** The parsed query; a syntax error names the file, line and column. */
    public Query query(String where) {
        try {
            return QueryFactory.create(text);
        } catch (QueryParseException e) {
            throw new DataException(where + ":" + e.getLine() + ":" + e.getColumn() + ": bad SPARQL: " + e.getMessage());
        }
    }
}

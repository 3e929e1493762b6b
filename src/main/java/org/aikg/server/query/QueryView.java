package org.aikg.server.query;

import java.util.List;
import org.aikg.server.page.Views.Head;
import org.aikg.server.page.Views.Value;

/**
 * What the query page ({@code sparql.jte}) shows: the editor with the query, the examples, and the answer
 * (or the refusal) with its downloads. {@code lang} is the language the reader chose by {@code ?lang=}
 * (null when the browser's own was taken), which the page's forms carry on; {@code base} is the
 * dataset's base, whose IRIs the results link to their local pages.
 */
public record QueryView(Head head, QueryWords words, String query, List<Example> examples, List<String> columns,
        List<List<Value>> rows, String message, boolean ran, List<Download> downloads, String lang, String base) {

    /** A named query offered as an example: {@code href} runs it; {@code chosen} when it is the query shown. */
    public record Example(String name, String title, String text, String href, boolean chosen) {}

    /**
     * The answer in another format ({@code format} as the endpoint reads it): a link, or, for a query too long
     * for a link ({@code href} null), a form that posts it.
     */
    public record Download(String label, String format, String file, String href) {}
}

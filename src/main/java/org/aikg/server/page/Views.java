package org.aikg.server.page;

import java.util.List;
import org.aikg.server.site.Ui;

/**
 * The models the page templates ({@code src/main/jte}) render. Every text here is plain text: the
 * templates escape it. Only {@link Head#jsonLd} is inserted raw, and it is made safe for a
 * {@code <script>} element when built.
 */
public final class Views {
    /** The most links a list of a page shows at once (the things of a class, the referrers of a thing); the rest on further pages. */
    public static final int PAGE_SIZE = 50;

    private Views() {}

    /** What every page's {@code <head>} and chrome need. */
    public record Head(String title, String description, Ui ui, String canonical, List<Alt> alternates, String jsonLd,
            String otherLangHref) {
        /** The head of a page at {@code path} (null: no link to the page in the other language) in {@code lang}. */
        public static Head of(String title, String description, String lang, String canonical, List<Alt> alternates, String jsonLd, String path) {
            String other = lang.equals("zh") ? "en" : "zh";
            String otherHref = path == null ? null : path + (path.contains("?") ? "&" : "?") + "lang=" + other;
            return new Head(title, description, Ui.of(lang), canonical, alternates, jsonLd, otherHref);
        }
    }

    /** Another format of the same page. */
    public record Alt(String label, String href, String mediaType) {}

    /** A link: text, target (null for plain text), and a tooltip (the IRI). */
    public record Link(String text, String href, String title) {}

    /** One value in a property table: text, a link if it is a resource, and a note (language or datatype). */
    public record Value(String text, String href, String lang, String note) {}

    public record Row(Link property, List<Value> values) {}

    public record Inverse(Link property, long count, List<Link> subjects, String moreHref) {}

    /**
     * The sentence behind a fact, in its paragraph: the quote is split around the figure it states
     * (empty when it states none). The source line names the article, its publisher, its date and
     * the outlet it cites; {@code inArticle} is the quote's place in the article's text, {@code passage}
     * the passage's own page (null on that page); {@code textLang} the language of the source's text.
     */
    public record Evidence(String before, String quoteBefore, String figure, String quoteAfter, String after, Link article, Link publisher,
            Link basedOn, String date, Link inArticle, Link passage, String textLang) {}

    /** A part of a thing described on its own page ({@code …#position}), shown there under its id. */
    public record Fragment(String id, String title, List<Row> rows, String note) {}

    /** A source's text (in its language) in its paragraphs, its passages highlighted in place, and the passages in text order. */
    public record ArticleText(String lang, List<Paragraph> paragraphs, List<PassageItem> passages) {}

    /** A paragraph: {@code kind} is "title" (the text's own headline), "text", or "image" (what an image left in the text). */
    public record Paragraph(String kind, List<Piece> pieces) {}

    /**
     * A piece of a paragraph: "text", "br" (a line break), "open" (a highlighted passage begins:
     * {@code id} is its anchor, null where a passage goes on after a break in the nesting, {@code depth}
     * its nesting), "close", or "ref" (the number of a passage, linking to its facts at {@code href}).
     */
    public record Piece(String kind, String text, String id, String href, int depth) {}

    /** A passage in the list under the text: its number, anchor, place, words and the facts drawn from it. */
    public record PassageItem(int number, String id, Link passage, String quote, List<Link> facts) {}

    /** The facts of one source: statistics, claims and the other things it names, with how many there are in all. */
    public record SourceFacts(Link source, String byline, List<Stat> statistics, List<Said> claims, List<Link> things, long total,
            String allHref) {}

    /** A claim in a list: who made it, all it says, and the language it is said in where that is not the page's (else null). */
    public record Said(String href, String author, String text, String textLang) {}

    /** A bar chart comparing like with like: what is compared, the bars, and a legend of the kinds of figure shown. */
    public record Chart(String title, List<Bar> bars, List<Key> legend) {}

    /** An entry of a chart's legend: a kind of bar (as {@link Bar#kind()}) and what it means. */
    public record Key(String kind, String text) {}

    /**
     * One bar: its label (linking to the statistic), the figure as written, its length in percent of
     * the longest, the kind of figure ("exact", "approx", "lower", "upper"), and whether it is the
     * statistic of the page.
     */
    public record Bar(Link label, String value, String width, String kind, boolean current) {}

    /** A thing's page; {@code titleLang} is the language of its name where that is not the page's (else null). */
    public record Resource(Head head, String titleLang, String iri, List<Link> breadcrumbs, List<Link> types, String figure, List<Evidence> evidence,
            List<Row> rows, List<Inverse> inverse, List<Chart> charts, String queryHref, List<Fragment> fragments, ArticleText text,
            List<SourceFacts> sources, List<HistoryEntry> history, String historyTitle, String wording, Cite cite, Link previous, Link next) {}

    /** A citation of a thing: its permalink, as plain text, BibTeX and CSL-JSON. */
    public record Cite(String iri, String plain, String bibtex, String csl) {}

    /** One property's change in a release: its values before and after (one side empty when a value was only added or removed). */
    public record ChangeLine(Link property, List<Value> before, List<Value> after) {}

    /** What a release changed of a thing (or of a part of it, {@code part} its name, else null), for its page. */
    public record HistoryEntry(String version, String date, String changesHref, String part, List<ChangeLine> lines) {}

    /** A thing in a release's list of changes: added, changed (with its lines) or removed. */
    public record ThingChange(Link thing, List<ChangeLine> lines) {}

    /** One release on {@code /changes}. */
    public record ReleaseView(String version, String date, String notes, boolean first, String filesHref, String patchHref, String patchSize,
            List<ThingChange> added, List<ThingChange> changed, List<ThingChange> removed, String more) {}

    /** A column heading of a table: its text, the link that sorts by it (null: not sortable), and its sort state (aria-sort). */
    public record Column(String text, String href, String sorted) {}

    /** One choice of a filter. */
    public record Choice(String value, String label, boolean selected) {}

    /** A filter of a table: the parameter, its label, its choices. */
    public record Filter(String name, String label, List<Choice> choices) {}

    /** {@code /statistics}. */
    public record StatisticsPage(Head head, List<Link> breadcrumbs, List<Filter> filters, List<Column> columns, List<StatisticsTable.Row> rows,
            long total, String csvHref, String jsonHref, String previous, String next, String pageOf, List<Chart> charts) {}

    /** {@code /changes}. */
    public record Changes(Head head, List<Link> breadcrumbs, List<ReleaseView> releases) {}

    /** A statistic in a list: its link, its figure, its period ("" when the source gives none). */
    public record Stat(Link observation, String figure, String date) {}

    /** A file of the dataset with its gzip-compressed twin, sizes in bytes and as read ("28.4 KiB"). */
    public record Download(String label, String href, String gzHref, String mediaType, long bytes, String size, long gzBytes, String gzSize) {}

    /** A class with the number of its things here. */
    public record ClassCount(Link type, long count) {}

    public record Home(Head head, String description, String triples, String entities, int sources, List<Link> entryPoints,
            List<ClassCount> classes, List<Stat> statistics, List<Chart> charts, List<Said> claims, List<Link> articles,
            List<Download> downloads, List<Link> queries) {}

    /** {@code /download/}: every file. */
    public record DownloadList(Head head, List<Download> files) {}

    /** {@code /class}: every class with things here. */
    public record ClassIndex(Head head, List<Link> breadcrumbs, List<ClassCount> classes) {}

    /** A thing in a class's list, with a detail (a statistic's figure, a passage's words). */
    public record Item(Link link, String detail) {}

    /** {@code /class/{Type}}: one page of the things of a class. */
    public record ClassPage(Head head, List<Link> breadcrumbs, String iri, String comment, String commentLang, String count, List<Item> items,
            String pageOf, String previousHref, String nextHref) {}

    public record QueryLink(String name, String title, String description, String href) {}

    public record Queries(Head head, List<QueryLink> queries) {}

    public record Term(String name, String iri, String label, String comment, List<Link> details) {}

    public record Ontology(Head head, String title, String description, List<Term> classes, List<Term> properties, List<Term> individuals) {}

    public record Message(Head head, int status, String heading, String text, List<Link> suggestions) {}

    /** The search page: what was asked, and what was found, grouped by type. */
    public record Search(Head head, String query, List<FactGroup> facts, List<Group> groups, Hint hint) {}

    /** Things of one type found by a search. */
    public record Group(String type, List<Link> things) {}

    /** Facts of one kind found by a search (statistics, claims), with its element id. */
    public record FactGroup(String title, String id, List<FactSearch.Hit> hits) {}

    /** When nothing matches: the words searched for (with the synonyms tried), and the names nearest to them. */
    public record Hint(List<String> tried, List<Link> nearest) {}
}

package org.aikg.server;

import java.util.List;

/**
 * The models the page templates ({@code src/main/jte}) render. Every text here is plain text: the
 * templates escape it. Only {@link Head#jsonLd} is inserted raw, and it is made safe for a
 * {@code <script>} element when built.
 */
public final class Views {
    private Views() {}

    /** The words of the page furniture in the reader's language. */
    public record Ui(String lang, String siteTitle, String home, String sparql, String queries, String downloads, String ontology,
            String dataset, String types, String properties, String referencedBy, String evidence, String source, String publisher,
            String published, String value, String queryThis, String formats, String switchLang, String more, String statistics,
            String claims, String entryPoints, String triples, String entities, String sources, String notFound, String run,
            String results, String rows, String noRows, String examples, String endpoint, String sourceOne, String sourceMany,
            String queryText, String search, String searchHint, String searchResults, String noMatches) {

        static Ui of(String lang) {
            return lang.equals("zh")
                    ? new Ui("zh", "人工智能产业知识图谱", "首页", "SPARQL 查询", "示例查询", "下载", "本体", "数据集", "类型", "属性", "被引用",
                            "原文出处", "来源", "发布者", "发布日期", "数值", "在 SPARQL 中查询", "其他格式", "English", "更多", "统计数据", "观点",
                            "入口", "三元组", "实体", "来源文档", "未找到", "运行", "结果", "行", "没有结果", "示例", "SPARQL 端点", "来源文档", "来源文档",
                            "SPARQL 查询", "搜索", "名称或标签，例如 天津", "搜索结果", "没有匹配的结果")
                    : new Ui("en", "AI Industry Knowledge Graph", "Home", "SPARQL", "Queries", "Downloads", "Ontology", "Dataset", "Types",
                            "Properties", "Referenced by", "Source sentence", "Source", "Publisher", "Published", "Value", "Query this in SPARQL",
                            "Formats", "中文", "more", "Statistics", "Claims", "Entry points", "triples", "entities", "Sources", "Not found",
                            "Run", "Results", "rows", "No results", "Examples", "SPARQL endpoint", "source", "sources",
                            "SPARQL query", "Search", "a name or label, such as Tianjin", "Search results", "Nothing matches");
        }

        /** The words of the browsing pages (classes, sources, provenance, charts, downloads). */
        public Words words() {
            return Words.of(lang);
        }
    }

    /**
     * The words of the browsing pages in the reader's language: classes, sources, provenance,
     * charts, downloads. Texts with a {@code %s} are filled in by the methods below them.
     */
    public record Words(String lang, String skip, String browse, String classes, String breadcrumb, String thingOne, String thingMany,
            String pageOf, String previous, String next, String factsOfSource, String factsOfSameSource, String things, String allFacts,
            String text, String passages, String imageNote, String characters, String citing, String passageDetails, String offsets,
            String facts, String thisStatistic, String legendExact, String legendApprox, String legendMoreThan, String legendAtLeast,
            String legendLessThan, String legendAtMost, String byPeriod, String sameUnitPeriod, String noPeriod, String period,
            String statistic, String format, String mediaType, String size, String compressed, String downloadsIntro, String downloadsNote,
            String beingWritten) {
        private static final Words EN = new Words("en", "Skip to the content", "Browse", "Classes", "Breadcrumb", "thing", "things",
                "page %s of %s", "previous page", "next page", "Facts from this source", "Other facts from the same source", "Things",
                "all %s facts of this source", "Text", "Passages, in the order of the text", "image in the original: ",
                "characters %s–%s of the article", "citing", "passage details",
                "Offsets count Unicode code points from 0; the end is not included.", "Facts", "this statistic", "stated figure",
                "“about”: an approximate figure", "dashed, open end: a lower bound (more than this)",
                "dashed, open end: a lower bound (at least this)", "dashed: an upper bound (less than this)",
                "dashed: an upper bound (at most this)", "%s, by period", "%s, %s", "period not stated", "Period", "Statistic", "Format",
                "Media type", "Size", "gzip", "The whole dataset, in each format; each also gzip-compressed.",
                "Turtle is the main download. TriG and N-Quads keep each source's graph apart.", "being written…");
        private static final Words ZH = new Words("zh", "跳到正文", "浏览", "类别", "导航路径", "项", "项", "第 %s 页，共 %s 页", "上一页", "下一页",
                "本来源中的事实", "同一来源中的其他事实", "事物", "本来源的全部 %s 条事实", "正文", "原文片段（按文中顺序）", "原文此处为图片：",
                "原文第%s–%s个字符", "援引", "片段详情", "偏移量以 Unicode 码位计，从 0 开始；不含结束位置。", "事实", "本条统计", "确切数值",
                "“约”：近似数值", "虚线、开口：下限（超过此值）", "虚线、开口：下限（不低于此值）", "虚线：上限（低于此值）", "虚线：上限（不超过此值）",
                "%s（按时期）", "%s，%s", "未说明时期", "时期", "统计数据", "格式", "媒体类型", "大小", "gzip 压缩", "整个数据集的各种格式，每种另有 gzip 压缩版。",
                "Turtle 为主要下载格式。TriG 和 N-Quads 将每个来源的图分开保存。", "正在生成…");

        public static Words of(String lang) {
            return lang.equals("zh") ? ZH : EN;
        }

        /** The colon after a label: "Source: " / "来源：". */
        public String colon() {
            return lang.equals("zh") ? "：" : ": ";
        }

        /** "2 things" / "2 项", with the number written for the language. */
        public String count(long n) {
            return Numbers.count(n, lang) + (lang.equals("zh") ? " " + thingMany : " " + (n == 1 ? thingOne : thingMany));
        }

        public String pageOf(int page, int pages) {
            return String.format(pageOf, Numbers.count(page, lang), Numbers.count(pages, lang));
        }

        public String allFacts(long n) {
            return String.format(allFacts, Numbers.count(n, lang));
        }

        /** "characters 1081–1215 of the article": offsets as stored, so they match the selector. */
        public String characters(long start, long end) {
            return String.format(characters, start, end);
        }

        public String byPeriod(String variable) {
            return String.format(byPeriod, variable);
        }

        public String sameUnitPeriod(String unit, String period) {
            return String.format(sameUnitPeriod, unit, period);
        }
    }

    /** What every page's {@code <head>} and chrome need. */
    public record Head(String title, String description, Ui ui, String canonical, List<Alt> alternates, String jsonLd,
            String otherLangHref) {}

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
            List<SourceFacts> sources) {}

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

    /** The editor, and the results of the query in it if one ran. */
    public record Sparql(Head head, String query, List<QueryLink> examples, List<String> columns, List<List<Value>> rows, String message,
            boolean ran) {}

    public record Term(String name, String iri, String label, String comment, List<Link> details) {}

    public record Ontology(Head head, String title, String description, List<Term> classes, List<Term> properties, List<Term> individuals) {}

    public record Message(Head head, int status, String heading, String text) {}

    /** The search page: what was asked, and what was found, grouped by type. */
    public record Search(Head head, String query, List<Group> groups) {}

    /** Things of one type found by a search. */
    public record Group(String type, List<Link> things) {}
}

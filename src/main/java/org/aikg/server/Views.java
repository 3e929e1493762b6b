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

    /** The sentence behind a fact, in its paragraph. */
    public record Evidence(String before, String quote, String after, Link article, String publisher, String date, Link passage) {}

    /** A horizontal bar chart of figures of one unit. */
    public record Chart(String title, int width, int height, List<Bar> bars) {}

    /** One bar: {@code bound} draws it open-ended (a "more than" figure). */
    public record Bar(String label, String value, int y, int width, boolean bound, String href) {}

    public record Resource(Head head, String iri, List<Link> types, String figure, List<Evidence> evidence, List<Row> rows,
            List<Inverse> inverse, List<Chart> charts, String queryHref) {}

    public record Stat(Link observation, String figure, String date) {}

    public record Download(String label, String href, String gzHref, String mediaType, long bytes, long gzBytes) {}

    public record Home(Head head, String description, long triples, long entities, int sources, List<Link> entryPoints, List<Stat> statistics,
            List<Chart> charts, List<Link> claims, List<Link> articles, List<Download> downloads, List<Link> queries) {}

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

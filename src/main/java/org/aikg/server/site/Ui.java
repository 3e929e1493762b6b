package org.aikg.server.site;


/** The words of the page furniture in the reader's language. */
public record Ui(String lang, String siteTitle, String home, String sparql, String queries, String downloads, String ontology,
        String dataset, String types, String properties, String referencedBy, String evidence, String source, String publisher,
        String published, String value, String queryThis, String formats, String switchLang, String more, String statistics,
        String claims, String entryPoints, String triples, String entities, String sources, String notFound, String run,
        String results, String rows, String noRows, String examples, String endpoint, String sourceOne, String sourceMany,
        String queryText, String search, String searchHint, String searchResults, String noMatches) {

    public static Ui of(String lang) {
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

package org.aikg.server.site;


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

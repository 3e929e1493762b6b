package org.aikg.server.site;

/**
 * The words of the browsing pages in the reader's language: classes, sources, provenance,
 * charts, downloads, read from the message bundles ({@link Bundle}); {@code colon} is what follows a
 * label ("Source: ", "来源："). Texts with a {@code %s} are filled in by the methods below them.
 */
public record Words(String lang, String skip, String browse, String classes, String breadcrumb, String thingOne, String thingMany,
        String pageOf, String previous, String next, String factsOfSource, String factsOfSameSource, String things, String allFacts,
        String text, String passages, String imageNote, String characters, String citing, String passageDetails, String offsets,
        String facts, String thisStatistic, String legendExact, String legendApprox, String legendMoreThan, String legendAtLeast,
        String legendLessThan, String legendAtMost, String byPeriod, String sameUnitPeriod, String noPeriod, String period,
        String statistic, String format, String mediaType, String size, String compressed, String downloadsIntro, String downloadsNote,
        String beingWritten, String colon, String listSeparator, String afterCiting, String periodAfter, String nothingHere, String liveFailed,
        String changes, String changesIntro, String noReleases, String history, String versions, String added, String changed, String removed,
        String firstRelease, String patch, String releaseFiles, String andMore,
        String searchTried, String searchNearest,
        String statisticsTable, String statisticsIntro, String variable, String qualifier, String unit, String any, String filter, String allOfThem,
        String wordingVerbatim, String wordingParaphrase, String statedInSource, String cite, String citePlain, String copyIri, String copied, String copy, String perhaps) {
    private static final Words EN = Bundle.read(Words.class, "words", "en");
    private static final Words ZH = Bundle.read(Words.class, "words", "zh");

    public static Words of(String lang) {
        return lang.equals("zh") ? ZH : EN;
    }

    /** "2 things" / "2 项", with the number written for the language (Chinese has one word for one and many). */
    public String count(long n) {
        return Numbers.count(n, lang) + " " + (n == 1 ? thingOne : thingMany);
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

    /** " (2023)" or "（2023年）": a statistic's period after its variable's name. */
    public String periodAfter(String date) {
        return String.format(periodAfter, date);
    }

    /** "and 12 more" / "另有 12 项". */
    public String andMore(long n) {
        return String.format(andMore, Numbers.count(n, lang));
    }

    /** "The figure as the source states it: “578.4 billion Chinese yuan”." */
    public String statedInSource(String stated) {
        return String.format(statedInSource, stated);
    }

    public String byPeriod(String variable) {
        return String.format(byPeriod, variable);
    }

    public String sameUnitPeriod(String unit, String period) {
        return String.format(sameUnitPeriod, unit, period);
    }
}

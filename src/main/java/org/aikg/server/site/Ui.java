package org.aikg.server.site;

/** The words of the page furniture in the reader's language, read from the message bundles ({@link Bundle}). */
public record Ui(String lang, String siteTitle, String home, String sparql, String queries, String downloads, String ontology,
        String dataset, String types, String properties, String referencedBy, String evidence, String source, String publisher,
        String published, String value, String queryThis, String formats, String switchLang, String more, String statistics,
        String claims, String entryPoints, String triples, String entities, String sources, String notFound, String run,
        String results, String rows, String noRows, String examples, String endpoint, String sourceOne, String sourceMany,
        String queryText, String search, String searchHint, String searchResults, String noMatches) {

    private static final Ui EN = Bundle.read(Ui.class, "ui", "en");
    private static final Ui ZH = Bundle.read(Ui.class, "ui", "zh");

    /** The words in {@code lang} ("zh", else English), from the message bundles. */
    public static Ui of(String lang) {
        return lang.equals("zh") ? ZH : EN;
    }

    /** The words of the browsing pages (classes, sources, provenance, charts, downloads). */
    public Words words() {
        return Words.of(lang);
    }
}

package org.aikg.server.query;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import org.aikg.server.site.Bundle;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;

/**
 * The query page's own words in the reader's language, from its message bundle ({@code query_en.properties},
 * {@code query_zh.properties}, read by {@link Bundle}): the page's ({@code page.*}) and YASGUI's
 * ({@link Yasgui}, {@code yasgui.*}), which the page hands to its script.
 *
 * <pre>{@code
 * QueryWords w = QueryWords.of("zh");   // w.runExample() is "运行示例"
 * }</pre>
 */
public record QueryWords(String lang, String runExample, String download, String editorHint) {
    static final String BUNDLE = "org.aikg.server.query.query";
    private static final QueryWords EN = Bundle.read(QueryWords.class, BUNDLE, "page", "en");
    private static final QueryWords ZH = Bundle.read(QueryWords.class, BUNDLE, "page", "zh");

    /** The words in {@code lang} ("zh", else English). */
    public static QueryWords of(String lang) {
        return lang.equals("zh") ? ZH : EN;
    }

    /** YASGUI's words in this language. */
    public Yasgui yasgui() {
        return Yasgui.of(lang);
    }

    /**
     * The words YASGUI 4.5 writes itself (tab names, buttons, titles, the table's controls, DataTables' own
     * lines), each under its name; {@code {0}} and {@code {1}} stand for the numbers YASGUI fills in.
     */
    public record Yasgui(String lang, String tabName, String closeTab, String addTab, String addNewTab, String openSettings,
            String closeSettings, String settings, String requestMethod, String acceptHeaders, String askSelect, String constructDescribe,
            String arguments, String headerArguments, String defaultGraphs, String namedGraphs, String newTab, String renameTab,
            String copyTab, String closeTabItem, String closeOtherTabs, String undoCloseTab, String searchEndpoint, String addEndpoint,
            String shareQuery, String runQuery, String autocomplete, String table, String response, String showsView, String resultsIn,
            String results, String responseIn, String documentationOf, String downloadResult, String downloadResults,
            String downloadNotSupported, String showAll, String simpleView, String ellipse, String filter, String pageSize, String all,
            String trueValue, String falseValue, String invalidLine, String tryInNewWindow, String unreachable, String incorrectEndpoint,
            String endpointDown, String error, String info, String infoEmpty, String infoFiltered, String zeroRecords,
            String emptyTable, String orderable, String orderableReverse, String orderableRemove, String first, String previous,
            String next, String last, String pagination, String rowNumber) {
        private static final Yasgui EN = Bundle.read(Yasgui.class, BUNDLE, "yasgui", "en");
        private static final Yasgui ZH = Bundle.read(Yasgui.class, BUNDLE, "yasgui", "zh");

        static Yasgui of(String lang) {
            return lang.equals("zh") ? ZH : EN;
        }

        /** The words as one JSON object, each under its component's name, for the page's script. */
        public String json() {
            JsonObject o = new JsonObject();
            for (RecordComponent c : Yasgui.class.getRecordComponents()) {
                try {
                    o.put(c.getName(), (String) c.getAccessor().invoke(this));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + c.getName(), e);
                }
            }
            return JSON.toStringFlat(o);
        }
    }
}

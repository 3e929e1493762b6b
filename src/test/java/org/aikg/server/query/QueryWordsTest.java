package org.aikg.server.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The query page's words: one bundle per language, the same keys in each, every key read into a record, and YASGUI's handed to the script whole. */
class QueryWordsTest {
    static Properties bundle(String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = QueryWordsTest.class.getResourceAsStream("/org/aikg/server/query/query_" + lang + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyLanguageHasEveryWordAndEveryWordIsRead() throws IOException {
        Set<String> en = bundle("en").stringPropertyNames();
        assertEquals(en, bundle("zh").stringPropertyNames());
        assertEquals(QueryWords.class.getRecordComponents().length - 1 + QueryWords.Yasgui.class.getRecordComponents().length - 1, en.size(),
                "a key no record reads");
    }

    @Test
    void wordsAreFoundByName() {
        assertEquals("运行示例", QueryWords.of("zh").runExample());
        assertEquals("Run the example", QueryWords.of("en").runExample());
        assertEquals("分享查询", QueryWords.of("zh").yasgui().shareQuery());
        // DataTables puts its sorting words straight after the column's name
        assertEquals(": Activate to sort", QueryWords.of("en").yasgui().orderable());
    }

    @Test
    void yasguisWordsReachTheScriptAsOneJsonObject() throws IOException {
        JsonObject json = JSON.parse(QueryWords.of("zh").yasgui().json());
        Properties zh = bundle("zh");
        for (String key : zh.stringPropertyNames()) {
            if (key.startsWith("yasgui.")) assertEquals(zh.getProperty(key), json.getString(key.substring("yasgui.".length())), key);
        }
        assertEquals("zh", json.getString("lang"));
    }
}

package org.aikg.server.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The interface's words: one bundle per language, the same keys in each, read by name into the records the templates use. */
class BundleTest {
    static Properties bundle(String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundleTest.class.getResourceAsStream("/org/aikg/server/site/words_" + lang + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyLanguageHasEveryWord() throws IOException {
        Set<String> en = bundle("en").stringPropertyNames();
        assertEquals(en, bundle("zh").stringPropertyNames());
        assertEquals(Ui.class.getRecordComponents().length - 1 + Words.class.getRecordComponents().length - 1, en.size(), "a key no record reads");
    }

    @Test
    void wordsAreFoundByNameNotByPlace() {
        assertEquals("首页", Ui.of("zh").home());
        assertEquals("Home", Ui.of("en").home());
        assertEquals("：", Words.of("zh").colon());
        assertEquals(": ", Words.of("en").colon());
        assertEquals("image in the original: ", Words.of("en").imageNote());
        assertEquals("（2023年）", Words.of("zh").periodAfter("2023年"));
        assertEquals(" (2023)", Words.of("en").periodAfter("2023"));
        assertEquals("2 things", Words.of("en").count(2));
        assertEquals("1 thing", Words.of("en").count(1));
    }
}

package org.aikg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.aikg.store.Datasets;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.aikg.vocab.Vocab;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Search over the article's names and labels. The expected things come from the article's data:
 * Tianjin (天津), the expo (2024世界智能产业博览会), Liu Gang (刘刚), the technology system's concepts.
 */
class SearchIndexTest {
    static final String ID = "https://w3id.org/ai-industry-kg/id/";
    static SearchIndex index;

    @BeforeAll
    static void build() {
        index = SearchIndex.of(org.aikg.TestData.dataset().getUnionGraph());
    }

    @AfterAll
    static void close() {
        index.close();
    }

    static String first(String text) {
        List<SearchIndex.Hit> hits = index.search(text, 10);
        return hits.isEmpty() ? "nothing" : hits.get(0).thing().getURI().substring(ID.length());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            天津           | place/tianjin
            津             | place/tianjin
            Tianjin        | place/tianjin
            tian           | place/tianjin
            TIANJIN        | place/tianjin
            刘刚           | person/liu-gang-cingai
            Liu Gang       | person/liu-gang-cingai
            liu g          | person/liu-gang-cingai
            智能产业博览会   | event/world-intelligence-expo-2024
            world intelligence expo | event/world-intelligence-expo-2024
            智能芯片        | concept/intelligent-chips
            intelligent chip | concept/intelligent-chips
            """)
    void findsTheThingByAPartOfItsNameInEitherLanguage(String text, String expected) {
        assertEquals(expected, first(text));
    }

    @Test
    void chineseIsMatchedAsASubstringNotCharacterByCharacter() {
        // "智能芯片" (intelligent chips) holds 智能 and 芯片; "芯智" is in no name
        assertTrue(index.search("芯智", 10).isEmpty(), "no name holds the run 芯智: " + index.search("芯智", 10));
        List<String> labels = index.search("人工智能", 20).stream().map(SearchIndex.Hit::label).toList();
        assertTrue(!labels.isEmpty() && labels.stream().allMatch(l -> l.contains("人工智能")), labels.toString());
    }

    @Test
    void theWholeNameComesBeforeNamesThatHoldIt() {
        Graph g = GraphFactory.createGraphMem();
        g.add(Triple.create(NodeFactory.createURI(ID + "place/a"), Vocab.SCHEMA_name, NodeFactory.createLiteralLang("China Town Expo", "en")));
        g.add(Triple.create(NodeFactory.createURI(ID + "place/b"), Vocab.SCHEMA_name, NodeFactory.createLiteralLang("China", "en")));
        g.add(Triple.create(NodeFactory.createURI(ID + "place/c"), Vocab.SCHEMA_name, NodeFactory.createLiteralLang("Chinatown", "en")));
        g.add(Triple.create(NodeFactory.createURI(ID + "place/d"), Vocab.SCHEMA_name, NodeFactory.createLiteralLang("Made in China", "en")));
        try (SearchIndex s = SearchIndex.of(g)) {
            assertEquals(List.of("place/b", "place/a", "place/c", "place/d"),
                    s.search("china", 10).stream().map(h -> h.thing().getURI().substring(ID.length())).toList());
        }
    }

    @Test
    void queryTextIsNeverReadAsLuceneSyntax() {
        for (String text : List.of("*", "?", "AND", "\\", "\"", "a OR b", "title:x", "(", "~1", "+-", "  ", "")) {
            index.search(text, 10);
        }
        assertEquals("+title\\:x*", SearchIndex.query("title:x"));
        assertEquals("+天津", SearchIndex.query("天津"));
        assertEquals("+人工 +工智 +智能", SearchIndex.query("人工智能"));
        assertEquals("+world +expo", SearchIndex.query("world expo "), "a finished word is not a prefix");
    }

    @Test
    void replacingAGraphChangesOnlyItsEntries(@TempDir Path tmp) {
        Path dir = tmp.resolve("search");
        Graph a = GraphFactory.createGraphMem();
        a.add(Triple.create(NodeFactory.createURI(ID + "place/a"), Vocab.SCHEMA_name, NodeFactory.createLiteralLang("Harbin", "en")));
        Graph b = GraphFactory.createGraphMem();
        b.add(Triple.create(NodeFactory.createURI(ID + "place/b"), Vocab.SCHEMA_name, NodeFactory.createLiteralLang("Shenzhen", "en")));
        var ga = NodeFactory.createURI(ID + "graph/a");
        var gb = NodeFactory.createURI(ID + "graph/b");
        SearchIndex.replace(dir, java.util.Map.of(ga, a, gb, b));
        Graph renamed = GraphFactory.createGraphMem();
        renamed.add(Triple.create(NodeFactory.createURI(ID + "place/a"), Vocab.SCHEMA_name, NodeFactory.createLiteralLang("Harbin City", "en")));
        SearchIndex.replace(dir, java.util.Map.of(ga, renamed));
        try (SearchIndex s = SearchIndex.open(dir)) {
            assertEquals(List.of("Harbin City"), s.search("harbin", 10).stream().map(SearchIndex.Hit::label).toList(), "the old name is gone");
            assertEquals(List.of("Shenzhen"), s.search("shenzhen", 10).stream().map(SearchIndex.Hit::label).toList(), "the other graph is kept");
        }
        SearchIndex.replace(dir, java.util.Map.of(gb, GraphFactory.createGraphMem()));
        try (SearchIndex s = SearchIndex.open(dir)) {
            assertTrue(s.search("shenzhen", 10).isEmpty(), "an empty graph removes its entries");
        }
    }

    @Test
    void anIndexWrittenToAFolderIsFoundAgain(@TempDir Path tmp) {
        Path dir = tmp.resolve("search");
        SearchIndex.write(org.aikg.TestData.dataset().getUnionGraph(), dir);
        try (SearchIndex s = SearchIndex.open(dir)) {
            assertEquals(ID + "place/tianjin", s.search("天津", 5).get(0).thing().getURI());
        }
    }
}

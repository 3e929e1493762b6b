package org.aikg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.aikg.TestCli;
import org.aikg.store.Datasets;
import org.apache.jena.query.Query;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NamedQueriesTest {
    private static DatasetGraph data;

    @BeforeAll
    static void convert() {
        data = Datasets.read(org.aikg.input.Graphs.of(List.of(Path.of("data"))));
    }

    static Stream<String> names() {
        return NamedQueries.bundled().all().stream().map(NamedQuery::name);
    }

    @Test
    void everyQueryOfTheQueriesFolderIsBundledWithATitleAndADescription() throws Exception {
        List<String> files;
        try (Stream<Path> s = Files.list(Path.of("queries"))) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rq")).map(n -> n.replace(".rq", "")).sorted().toList();
        }
        assertEquals(files, names().toList());
        for (NamedQuery q : NamedQueries.bundled().all()) {
            assertFalse(q.title().isBlank(), q.name());
            assertFalse(q.description().isBlank(), q.name());
        }
    }

    @Test
    void everyQueryHasItsTitleAndDescriptionInChineseToo() {
        for (NamedQuery q : NamedQueries.bundled().all()) {
            assertTrue(q.title("zh").codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), q.name());
            assertTrue(q.description("zh").codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), q.name());
            assertEquals(q.title(), q.title("en"), "English is the title itself");
            assertEquals(q.title(), q.title("fr"), "a language without a translation falls back to English");
        }
        NamedQuery liu = NamedQueries.bundled().byName("liu-gang").orElseThrow();
        assertEquals("刘刚是谁，他说了什么？", liu.title("zh"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void answersWithItsExpectedResult(String name) throws Exception {
        NamedQuery q = NamedQueries.bundled().byName(name).orElseThrow();
        Query query = q.query(name);
        Path expectedFile = Path.of("src/test/resources/query-results", name + ".tsv");
        assertTrue(Files.exists(expectedFile), "no expected result for " + name);
        ResultSetRewindable expected = ResultSetMgr.read(Files.newInputStream(expectedFile), ResultSetLang.RS_TSV).rewindable();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QueryRunner.run(data, query, QueryRunner.Format.TSV, out);
        ResultSetRewindable actual = ResultSetMgr.read(new ByteArrayInputStream(out.toByteArray()), ResultSetLang.RS_TSV).rewindable();

        boolean same = query.isOrdered() ? ResultSetCompare.equalsByTermAndOrder(expected, actual) : ResultSetCompare.equalsByTerm(expected, actual);
        expected.reset();
        actual.reset();
        assertTrue(same, () -> name + ": expected\n" + text(expected) + "\nbut got\n" + text(actual));
    }

    @Test
    void queryCommandRunsANamedQueryOverTheData() {
        TestCli.Run run = TestCli.run("query", "ai-enterprises", "data", "--format", "csv");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("4000"), run::toString);
    }

    @Test
    void queryCommandListsTheNamedQueries() {
        TestCli.Run run = TestCli.run("query", "--list");
        assertEquals(0, run.code(), run::toString);
        names().forEach(n -> assertTrue(run.out().contains(n), run::toString));
    }

    @Test
    void queryCommandRefusesAnUnknownQuery() {
        TestCli.Run run = TestCli.run("query", "no-such-query", "data");
        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("no query named \"no-such-query\""), run::toString);
    }

    private static String text(ResultSet rs) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ResultSetMgr.write(b, rs, ResultSetLang.RS_TSV);
        return b.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}

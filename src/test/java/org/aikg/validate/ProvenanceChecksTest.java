package org.aikg.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aikg.TestCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * validate checks what the provenance claims, not only its form: the article's Turtle, as convert writes
 * it, conforms; each corruption of it (offsets shifted by one or pointing elsewhere, a quote the text does
 * not hold, a figure ten times its own wording, a control character or a non-character in a literal) is a
 * violation naming the thing, exit 1. The expected values are worked out by hand from the article.
 */
class ProvenanceChecksTest {
    @TempDir
    static Path tmp;
    static String turtle;

    @BeforeAll
    static void convert() throws Exception {
        Path out = tmp.resolve("article.ttl");
        assertEquals(0, TestCli.run("convert", "data", "-o", out.toString()).code());
        turtle = Files.readString(out, StandardCharsets.UTF_8);
    }

    static TestCli.Run validate(String text) throws Exception {
        Path f = Files.createTempFile(tmp, "corrupted-", ".ttl");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return TestCli.run("validate", f.toString());
    }

    static String replaced(String from, String to) {
        assertTrue(turtle.contains(from), "the article's Turtle holds " + from);
        return turtle.replace(from, to);
    }

    @Test
    void theArticleAsConvertedConforms() throws Exception {
        TestCli.Run r = validate(turtle);
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("conforms: 312 triples"), r::toString);
    }

    /** The article's three claims are reported speech reworded (MODEL.md): each a paraphrase, not the source's words. */
    @Test
    void aClaimSaidToBeTheSourcesOwnWordsMustEqualItsPassage() throws Exception {
        assertEquals(3, turtle.split("aikg:wording\\s+aikg:Paraphrase", -1).length - 1, "three claims, each a paraphrase");
        String text = turtle.replaceFirst("aikg:wording(\\s+)aikg:Paraphrase", "aikg:wording$1aikg:Verbatim");
        TestCli.Run r = validate(text);
        assertEquals(1, r.code(), r::toString);
        assertEquals(1, r.out().lines().filter(l -> l.contains("the claim's aikg:wording does not agree with its text")).count(), r::toString);
    }

    /** A claim whose text is its quote, word for word, is marked the source's own words, and conforms. */
    @Test
    void aClaimWhoseTextIsItsQuoteIsVerbatim() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("verbatim"));
        for (String f : java.util.List.of("dataset.yaml", "sheet.yaml", "text.txt")) {
            Files.copy(Path.of("src/test/resources/golden/minimal/data", f), data.resolve(f));
        }
        Path sheet = data.resolve("sheet.yaml");
        String yaml = Files.readString(sheet, StandardCharsets.UTF_8);
        assertTrue(yaml.contains("en: Demand is strong."));
        Files.writeString(sheet, yaml.replace("en: Demand is strong.", "en: Acme said demand is strong."), StandardCharsets.UTF_8);
        Path out = tmp.resolve("verbatim.ttl");
        assertEquals(0, TestCli.run("convert", data.toString(), "-o", out.toString()).code());
        String written = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(written.matches("(?s).*aikg:wording\\s+aikg:Verbatim.*"), written);
        assertEquals(0, TestCli.run("validate", out.toString()).code());
    }

    /** The technology system's concepts keep the article's order; two at one place is a violation for each. */
    @Test
    void conceptsKeepTheSourcesOrderAndNoTwoShareAPlace() throws Exception {
        org.apache.jena.rdf.model.Model m = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
        m.read(new java.io.StringReader(turtle), null, "TTL");
        java.util.List<String> order = new java.util.ArrayList<>();
        try (var qe = org.apache.jena.query.QueryExecution.model(m).query("PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
                + "SELECT ?l WHERE { ?c skos:prefLabel ?l ; <http://schema.org/position> ?p FILTER (LANG(?l) = 'en') } ORDER BY ?p").build()) {
            qe.execSelect().forEachRemaining(row -> order.add(row.getLiteral("l").getString()));
        }
        // the article: "intelligent chips, large models, basic architectures and operating systems, tool chains, deep learning platforms and application technologies"
        assertEquals(java.util.List.of("intelligent chips", "large models", "basic architectures and operating systems", "tool chains",
                "deep learning platforms", "application technologies"), order);
        TestCli.Run r = validate(replaced("schema:position    6;", "schema:position    5;"));
        assertEquals(1, r.code(), r::toString);
        assertEquals(2, r.out().lines().filter(l -> l.contains("another concept of the same scheme has this schema:position")).count(), r::toString);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "offsets one late     | oa:start  \"102\" | oa:start  \"103\" | oa:end    \"167\" | oa:end    \"168\" | they slice this (value: \"he 2024 World Intelligent Industry Expo is held in Tianji...\")",
        "offsets elsewhere    | oa:start  \"102\" | oa:start  \"0\"   | oa:end    \"167\" | oa:end    \"65\"  | do not slice its oa:exact out of the source's text",
        "a quote not in text  | is held in Tianjin today\"; | is held in Paris today\"; | oa:prefix  \"une 20 | oa:prefix  \"une 20 | do not slice its oa:exact out of the source's text; they slice this (value: \"the 2024 World Intelligent Industry Expo is held in Tianj...\")",
        "a figure ten times   | 578400000000.0 | 5784000000000.0 | 578400000000.0 | 5784000000000.0 | obs:cn-ai-core-industry-scale-2023: the figure is not the number of the source's own wording (aikg:statedAs) times its scale word (value: \"5784000000000.0\")",
        "U+0000 in a name     | \"Tianjin\"@en | \"Tian\\u0000jin\"@en | \"Tianjin\"@en | \"Tian\\u0000jin\"@en | place:tianjin schema:name: a literal holds a control character (other than tab, line feed, carriage return) or a Unicode non-character (value: \"Tian\\u0000jin\"@en)",
        "U+0001 in a name     | \"Tianjin\"@en | \"Tian\\u0001jin\"@en | \"Tianjin\"@en | \"Tian\\u0001jin\"@en | (value: \"Tian\\u0001jin\"@en)",
        "U+FFFE in a name     | \"Tianjin\"@en | \"Tian\\uFFFEjin\"@en | \"Tianjin\"@en | \"Tian\\uFFFEjin\"@en | (value: \"Tian\\uFFFEjin\"@en)"})
    void aCorruptionOfWhatTheProvenanceClaimsIsAViolation(String name, String from1, String to1, String from2, String to2, String expected) throws Exception {
        String text = replaced(from1.strip(), to1.strip());
        text = text.replace(from2.strip(), to2.strip());
        TestCli.Run r = validate(text);
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.out().contains(expected.strip()), () -> name + ": expected " + expected.strip() + " in\n" + r);
        assertTrue(r.err().startsWith("aikg: the graph does not conform to the shapes:"), r::toString);
    }
}

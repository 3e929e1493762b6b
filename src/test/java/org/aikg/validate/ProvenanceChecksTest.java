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
        assertTrue(r.out().startsWith("conforms: 303 triples"), r::toString);
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

package org.aikg.server.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.aikg.server.page.SourceText.Span;
import org.aikg.server.page.Views.Paragraph;
import org.aikg.server.page.Views.Piece;
import org.junit.jupiter.api.Test;

/** A source's text in paragraphs with its passages highlighted in place, written out as a compact markup to compare whole. */
class SourceTextTest {
    /** The paragraphs as "kind: text" lines, marks as [id| … ] (an unnamed continuation as [| … ]), refs as ^n, breaks as /. */
    static String show(List<Paragraph> paragraphs) {
        return paragraphs.stream().map(p -> p.kind() + ": " + p.pieces().stream().map(SourceTextTest::show).collect(Collectors.joining()))
                .collect(Collectors.joining("\n"));
    }

    static String show(Piece x) {
        return switch (x.kind()) {
            case "open" -> "[" + (x.id() == null ? "" : x.id()) + "|";
            case "close" -> "]";
            case "br" -> "/";
            case "ref" -> "^" + x.text();
            default -> x.text();
        };
    }

    static Span span(int start, int end, int n) {
        return new Span(start, end, "p" + n, n, "#passage-" + n);
    }

    @Test
    void splitsParagraphsAtBlankLinesAndKeepsSingleLineBreaks() {
        String text = "Title\n\nOne line\nand the next.\n \nLast.\n";
        assertEquals("title: Title\ntext: One line/and the next.\ntext: Last.", show(SourceText.paragraphs(text, "Title", List.of())));
    }

    @Test
    void marksPassagesInPlaceAndNestsOnesInsideOthers() {
        // 0123456789012345678901234
        // "Said Liu Gang, economist."
        String text = "Said Liu Gang, economist.";
        List<Span> spans = List.of(span(0, 25, 1), span(5, 24, 2), span(15, 24, 3));
        assertEquals("text: [p1|Said [p2|Liu Gang, [p3|economist]]^2^3.]^1", show(SourceText.paragraphs(text, null, spans)));
    }

    @Test
    void closesAndReopensAPassageThatOverlapsAnotherSoMarksNest() {
        // "abcdefghij": passage 1 = [2,6) "cdef", passage 2 = [4,8) "efgh"
        List<Span> spans = List.of(span(2, 6, 1), span(4, 8, 2));
        assertEquals("text: ab[p1|cd[p2|ef]]^1[|gh]^2ij", show(SourceText.paragraphs("abcdefghij", null, spans)));
    }

    @Test
    void aPassageOverABlankLineIsMarkedInBothParagraphsWithOneAnchor() {
        List<Span> spans = List.of(span(2, 9, 1));
        assertEquals("text: ab[p1|c]\ntext: [|defg]^1h", show(SourceText.paragraphs("abc\n\ndefgh", null, spans)));
    }

    @Test
    void showsTheLineAnImageLeftAsWhatItIsUnlessAPassageIsInIt() {
        String text = "Head\n\n Held in Tianjin_0\n\nText.";
        assertEquals("title: Head\nimage: Held in Tianjin\ntext: Text.", show(SourceText.paragraphs(text, "Head", List.of())));
        assertEquals("title: Head\ntext: [p1|Held]^1 in Tianjin_0\ntext: Text.",
                show(SourceText.paragraphs(text, "Head", List.of(span(7, 11, 1)))));
        assertEquals("text: A sentence ends here_1.", show(SourceText.paragraphs("A sentence ends here_1.", null, List.of())));
    }

    @Test
    void countsOffsetsInCodePointsNotChars() {
        // U+20BB7 is two chars, one code point: the passage [1,3) is "𠮷b"
        String text = "a\uD842\uDFB7bc";
        assertEquals("text: a[p1|\uD842\uDFB7b]^1c", show(SourceText.paragraphs(text, null, List.of(span(1, 3, 1)))));
    }

    @Test
    void theArticlesTextIsFourParagraphsOfTextAfterItsTitleAndImage() throws Exception {
        String text = java.nio.file.Files.readString(java.nio.file.Path.of("data/sources/000_ea3858be6f1f306b.txt"));
        List<Paragraph> ps = SourceText.paragraphs(text, "2024 World Intelligent Industry Expo Held in Tianjin", List.of());
        assertEquals(List.of("title", "text", "image", "text", "text", "text"), ps.stream().map(Paragraph::kind).toList());
        assertEquals("2024 World Intelligent Industry Expo Held in Tianjin", ps.get(2).pieces().get(0).text());
    }
}

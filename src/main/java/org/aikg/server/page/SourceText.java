package org.aikg.server.page;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aikg.server.page.Views.Paragraph;
import org.aikg.server.page.Views.Piece;

/**
 * A source's text as paragraphs (split at blank lines; a single line break kept as one), with
 * each extracted passage highlighted where it stands. Passages may nest (a name inside the
 * sentence that names it) or overlap: a passage that ends inside another is closed and the other
 * reopened, so the marks always nest. Offsets are code points, as the selectors count them. The
 * text is never changed: a line an image left in the scraped text ("…Held in Tianjin_0") is shown
 * as what it is, and only when no passage falls in it.
 */
final class SourceText {
    /** A passage to highlight: code-point offsets (end exclusive), its anchor, its number, where its facts are listed. */
    record Span(int start, int end, String id, int number, String href) {}

    /** A line left by an image: its alt text, an underscore and a number, and nothing else. */
    private static final Pattern IMAGE_LINE = Pattern.compile("(\\S.{0,200}?)_\\d{1,3}");
    private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?。！？]$");

    private SourceText() {}

    /**
     * The paragraphs of {@code text}: "title" for a first line that is the headline, "image" for a
     * line an image left (its one piece the image's alt text), "text" for the rest, with the spans marked.
     */
    static List<Paragraph> paragraphs(String text, String headline, List<Span> spans) {
        int[] cps = text.codePoints().toArray();
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()));
        List<Paragraph> out = new ArrayList<>();
        int i = 0;
        boolean first = true;
        while (i < cps.length) {
            while (i < cps.length && Character.isWhitespace(cps[i])) i++;
            if (i >= cps.length) break;
            int start = i;
            int end = paragraphEnd(cps, start);
            int trimmed = end;
            while (trimmed > start && Character.isWhitespace(cps[trimmed - 1])) trimmed--;
            int last = trimmed;
            String plain = new String(cps, start, last - start);
            boolean touched = sorted.stream().anyMatch(s -> s.start() < last && s.end() > start);
            Matcher image = IMAGE_LINE.matcher(plain);
            if (first && headline != null && plain.equals(headline) && !touched) {
                out.add(new Paragraph("title", List.of(text(plain))));
            } else if (!touched && !plain.contains("\n") && image.matches() && !SENTENCE_END.matcher(image.group(1)).matches()) {
                out.add(new Paragraph("image", List.of(text(image.group(1)))));
            } else {
                out.add(new Paragraph("text", pieces(cps, start, last, sorted)));
            }
            first = false;
            i = end;
        }
        return out;
    }

    /** Where a paragraph that starts at {@code start} ends: at a line break followed by a blank line, or at the end. */
    private static int paragraphEnd(int[] cps, int start) {
        for (int i = start; i < cps.length; i++) {
            if (cps[i] != '\n') continue;
            int j = i + 1;
            while (j < cps.length && cps[j] != '\n' && Character.isWhitespace(cps[j])) j++;
            if (j < cps.length && cps[j] == '\n') return i;
        }
        return cps.length;
    }

    /** The pieces of the paragraph {@code [from, to)}: text, line breaks and the marks of the passages in it. */
    private static List<Piece> pieces(int[] cps, int from, int to, List<Span> spans) {
        List<Span> here = spans.stream().filter(s -> s.start() < to && s.end() > from).toList();
        List<Integer> cuts = new ArrayList<>();
        cuts.add(from);
        cuts.add(to);
        for (Span s : here) {
            cuts.add(Math.max(from, s.start()));
            cuts.add(Math.min(to, s.end()));
        }
        List<Integer> points = cuts.stream().distinct().sorted().toList();
        List<Piece> out = new ArrayList<>();
        List<Span> open = new ArrayList<>();
        for (int k = 0; k < points.size(); k++) {
            int at = points.get(k);
            // close what ends here, innermost first; a passage below one that goes on is reopened after it
            // close what ends here and everything opened after it; reopen those that go on, so marks nest
            int lowest = -1;
            for (int i = 0; i < open.size() && lowest < 0; i++) if (Math.min(to, open.get(i).end()) == at) lowest = i;
            if (lowest >= 0) {
                List<Span> closed = new ArrayList<>(open.subList(lowest, open.size()));
                open.subList(lowest, open.size()).clear();
                for (int a = 0; a < closed.size(); a++) out.add(close());
                closed.stream().filter(s -> s.end() == at).sorted(Comparator.comparingInt(Span::number))
                        .forEach(s -> out.add(new Piece("ref", Integer.toString(s.number()), null, s.href(), 0)));
                for (Span s : closed) {
                    if (Math.min(to, s.end()) == at) continue;
                    open.add(s);
                    out.add(new Piece("open", null, null, s.href(), open.size()));
                }
            }
            if (at == to) break;
            for (Span s : here) {
                if (Math.max(from, s.start()) == at) {
                    open.add(s);
                    out.add(new Piece("open", null, s.start() >= from ? s.id() : null, s.href(), open.size()));
                }
            }
            int next = points.get(k + 1);
            String chunk = new String(cps, at, next - at);
            String[] lines = chunk.split("\n", -1);
            for (int l = 0; l < lines.length; l++) {
                if (l > 0) out.add(new Piece("br", null, null, null, 0));
                if (!lines[l].isEmpty()) out.add(text(lines[l]));
            }
        }
        for (int a = 0; a < open.size(); a++) out.add(close());
        return out;
    }

    private static Piece text(String t) {
        return new Piece("text", t, null, null, 0);
    }

    private static Piece close() {
        return new Piece("close", null, null, null, 0);
    }
}

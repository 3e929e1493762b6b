package org.aikg.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A copy of the corpus that a benchmark may edit (the corpus itself is never changed), and the edit
 * the living-dataset benchmarks make: one sheet's English headline set to a text it never had. The
 * headline is the article's {@code schema:headline}: it shows on the article's page
 * ({@code /doc/article/ID}) and answers a SPARQL query, and changing it changes that one source's graph.
 */
final class CorpusCopy {
    private CorpusCopy() {}

    /** The sheet every living-dataset benchmark edits: in the first folder of every corpus the generator makes. */
    static final String SHEET = "syn-00002";

    /**
     * A fresh copy of the corpus in {@code target/bench/tmp/NAME}, left 3 s to settle: an author's corpus is older than the
     * cache's margin for trusting file stamps (FileStamp.SETTLED, 3 s), and so is the copy.
     */
    static Path make(Ctx ctx, String name) {
        Path copy = ctx.tmp(name);
        Bench.deleteTree(copy);
        try (Stream<Path> all = Files.walk(ctx.corpus)) {
            for (Path p : all.toList()) {
                Path t = copy.resolve(ctx.corpus.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Bench.sleep(3_100);
        return copy;
    }

    /** The fact sheet of source {@code id} in the corpus {@code corpus} (the generator puts it in a part-NNN folder). */
    static Path sheet(Path corpus, String id) {
        try (Stream<Path> all = Files.walk(corpus)) {
            return all.filter(p -> p.getFileName().toString().equals(id + ".yaml")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no sheet " + id + ".yaml in " + corpus));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Pattern HEADLINE = Pattern.compile("(?m)^(  headline:\\n    en: )\"([^\"\\n]*)\"$");

    /**
     * Sets the English headline of {@code sheet} to {@code text} (letters, digits and spaces only, so that it reads the same
     * in HTML, Turtle and JSON), in one write of the whole file, as an editor saves.
     */
    static void setHeadline(Path sheet, String text) {
        if (!text.matches("[A-Za-z0-9 -]+")) throw new IllegalArgumentException("a headline the pages would escape: " + text);
        try {
            String before = Files.readString(sheet, StandardCharsets.UTF_8);
            Matcher m = HEADLINE.matcher(before);
            if (!m.find()) throw new IllegalStateException("no English headline in " + sheet);
            if (m.group(2).equals(text)) throw new IllegalStateException("the headline of " + sheet + " is already " + text);
            Files.writeString(sheet, before.substring(0, m.start(2) - 1) + '"' + text + '"' + before.substring(m.end(2) + 1), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The IRI of source {@code id}'s article, whose headline {@link #setHeadline} sets. */
    static String article(Ctx ctx, String id) {
        return ctx.base() + "id/article/" + id;
    }
}

package org.aikg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code aikg serve --watch} through the jar, as an author uses it: the article's sheet is edited (one
 * save changes three facts of one person: two names and a job title, all to "vN"), broken and fixed
 * again, while two clients poll the person's page and a SPARQL query of the three facts. Every answer
 * is a 200 that holds the three facts of one and the same version (never a mix), no client ever sees
 * an older version after a newer one, a break shows its message (file, line, column) on the page while
 * the last good data stays served, and the downloads follow. In memory and on a TDB2 store.
 */
class WatchIT {
    private static final String PERSON = "doc/person/liu-gang-cingai";
    private static final Pattern EN = Pattern.compile("Liu Gang v(\\d+)");
    private static final Pattern ZH = Pattern.compile("刘刚 v(\\d+)");
    private static final Pattern JOB = Pattern.compile("chief economist v(\\d+)");
    private static final int EDITS = 6;

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"memory", "tdb2"})
    @Timeout(300)
    void everyAnswerDuringEditsBreaksAndFixesHoldsOneVersionAndNoneIsA5xx(String store) throws Exception {
        Path data = copyOfData();
        Path sheet = data.resolve("sources/taptechnews-2024-06-20-world-intelligence-expo.yaml");
        String original = Files.readString(sheet, StandardCharsets.UTF_8);
        Files.writeString(sheet, version(original, 0), StandardCharsets.UTF_8);
        String[] args = store.equals("memory") ? new String[] {"--watch", data.toString()}
                : new String[] {"--watch", "--tdb2", tmp.resolve("store").toString(), data.toString()};
        try (ServedJar jar = ServedJar.start(args)) {
            waitFor(() -> jar.log().contains("Watching "), "the watch to start", jar);
            String sparql = jar.url() + "sparql?query=" + URLEncoder.encode("""
                    PREFIX schema: <http://schema.org/>
                    SELECT ?en ?zh ?job WHERE { ?p schema:name ?en, ?zh; schema:jobTitle ?job
                      FILTER(lang(?en) = "en" && langMatches(lang(?zh), "zh") && lang(?job) = "en" && STRSTARTS(?en, "Liu Gang")) }""",
                    StandardCharsets.UTF_8);
            AtomicBoolean stop = new AtomicBoolean();
            List<String> problems = Collections.synchronizedList(new ArrayList<>());
            List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
            // each client asks for the page and the query in turn: once one answer has the new version, every later one must
            Thread pages = poller(List.of(URI.create(jar.url() + PERSON), URI.create(sparql)), stop, problems, seen);
            Thread queries = poller(List.of(URI.create(sparql), URI.create(jar.url() + PERSON)), stop, problems, seen);
            pages.start();
            queries.start();
            try {
                for (int v = 1; v <= EDITS; v++) {
                    Files.writeString(sheet, version(original, v), StandardCharsets.UTF_8);
                    int want = v;
                    waitFor(() -> versionOf(get(jar.url() + PERSON, "text/html")) == want, "version " + v + " on the page", jar);
                    if (v % 2 == 0 && v < EDITS) {
                        // a break: the message shows on every page, the last good data stays; the next edit fixes it
                        int line = (int) version(original, v).lines().takeWhile(l -> !l.equals("    unit: CNY")).count() + 1;
                        Files.writeString(sheet, version(original, v).replaceFirst("    unit: CNY\n", "    unit: yuans\n"), StandardCharsets.UTF_8);
                        String place = sheet + ":" + line + ":11: unknown unit \"yuans\"";
                        waitFor(() -> get(jar.url() + PERSON, "text/html").contains(place), "the message of the break on the page", jar);
                        String page = get(jar.url() + PERSON, "text/html");
                        assertEquals(v, versionOf(page), "the last good data is served while the sheet is broken");
                        assertTrue(get(jar.url() + "sparql?lang=zh", "text/html").contains(place), "the message is on every page, the editor's too");
                        assertTrue(jar.log().contains(place), jar::log);
                    }
                }
            } finally {
                stop.set(true);
                pages.join(30_000);
                queries.join(30_000);
            }
            assertEquals(List.of(), problems, "answers with a mix of versions, an older version after a newer, or not 200");
            assertTrue(seen.size() > 20, "the clients polled too little to show anything: " + seen.size());
            String page = get(jar.url() + PERSON, "text/html");
            assertTrue(!page.contains("live-failed"), "the fix took the message away");
            String nt = get(jar.url() + "download/aikg.nt", "application/n-triples");
            assertTrue(nt.contains("\"Liu Gang v" + EDITS + "\"@en") && !nt.contains("\"Liu Gang v" + (EDITS - 1) + "\"@en"),
                    "the download is of the data served now");
        }
    }

    /**
     * Polls {@code uris} in turn until stopped (a page as HTML, a query as CSV); each answer must be a 200 holding one
     * version, never older than the last this client saw.
     */
    private Thread poller(List<URI> uris, AtomicBoolean stop, List<String> problems, List<Integer> seen) {
        return new Thread(() -> {
            int last = -1;
            for (int i = 0; !stop.get(); i++) {
                URI uri = uris.get(i % uris.size());
                String accept = uri.getPath().endsWith("sparql") ? "text/csv" : "text/html";
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Accept", accept).timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        problems.add(uri + " answered " + r.statusCode() + ": " + r.body());
                        continue;
                    }
                    int v = versionOf(r.body());
                    if (v < 0) problems.add(uri + " answered a mix of versions: " + excerpt(r.body()));
                    else if (v < last) problems.add(uri + " answered version " + v + " after version " + last);
                    else seen.add(last = v);
                } catch (IOException e) {
                    problems.add(uri + ": " + e);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "poll " + uris.get(0));
    }

    /** The version all three facts have in a body; -1 when they differ or one is missing. */
    static int versionOf(String body) {
        int en = first(EN, body);
        int zh = first(ZH, body);
        int job = first(JOB, body);
        return en >= 0 && en == zh && en == job && all(EN, body, en) && all(ZH, body, en) && all(JOB, body, en) ? en : -1;
    }

    private static int first(Pattern p, String body) {
        Matcher m = p.matcher(body);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** Every mention of the fact names version {@code v}. */
    private static boolean all(Pattern p, String body, int v) {
        Matcher m = p.matcher(body);
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) != v) return false;
        }
        return true;
    }

    private static String excerpt(String body) {
        List<String> found = new ArrayList<>();
        for (Pattern p : List.of(EN, ZH, JOB)) {
            Matcher m = p.matcher(body);
            while (m.find()) found.add(m.group());
        }
        return found.toString();
    }

    /** The sheet with the person's two names and job title at version {@code v}. */
    private static String version(String sheet, int v) {
        String s = sheet.replace("      en: Liu Gang\n", "      en: Liu Gang v" + v + "\n")
                .replace("      zh: 刘刚\n", "      zh: 刘刚 v" + v + "\n")
                .replace("      en: chief economist\n", "      en: chief economist v" + v + "\n");
        if (s.equals(sheet)) fail("the article's sheet no longer names Liu Gang as this test expects");
        return s;
    }

    private String get(String uri, String accept) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(uri)).header("Accept", accept).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), () -> uri + ": " + r.body());
        return r.body();
    }

    private Path copyOfData() throws IOException {
        Path to = tmp.resolve("data");
        Path from = Path.of("data");
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(q);
                else Files.copy(p, q);
            }
        }
        return to;
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    /** Waits for {@code check} (saves are seen within a second or so; the bound only stops a hang). */
    private static void waitFor(Check check, String what, ServedJar jar) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            if (check.holds()) return;
            Thread.sleep(50);
        }
        fail("no " + what + " within 60 s; the server's log:\n" + jar.log());
    }

}

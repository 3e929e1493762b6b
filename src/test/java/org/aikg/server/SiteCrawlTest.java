package org.aikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aikg.store.Datasets;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every page a reader can reach from the home page, in English and in Chinese, as a browser asks
 * for it: each answers 200; every link to a place in a page ({@code #chars-1081-1215},
 * {@code #position}) finds an element with that id there; every page of the site's own is in the
 * layout, in its language, with a whole title and JSON-LD that parses; nothing is loaded from another
 * host. (The query page and the answers of the named queries are the query editor's, checked with it.)
 */
class SiteCrawlTest {
    static final int MAX_URLS = 3000;
    static final Pattern HREF = Pattern.compile("<a [^>]*href=\"([^\"]+)\"");
    static final Pattern ID = Pattern.compile(" id=\"([^\"]+)\"");
    static final Pattern RESOURCE = Pattern.compile("<(?:script|img|iframe)[^>]* src=\"([^\"]+)\"|<link [^>]*rel=\"(?:stylesheet|icon)\"[^>]* href=\"([^\"]+)\"");
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static AikgServer server;
    static String origin;

    /** What the crawl found: each URL's status and, for the site's HTML pages, the ids on it. */
    record Page(int status, String contentType, String body) {}

    static final Map<String, Page> pages = new LinkedHashMap<>();
    static final List<String[]> anchors = new ArrayList<>();

    @BeforeAll
    static void crawl() throws Exception {
        server = AikgServer.builder(org.aikg.TestData.published()).port(0).build().start();
        origin = "http://localhost:" + server.port();
        Deque<String> todo = new ArrayDeque<>(List.of("/", "/?lang=zh"));
        Set<String> seen = new HashSet<>(todo);
        while (!todo.isEmpty() && pages.size() < MAX_URLS) {
            String url = todo.poll();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(origin + url)).header("Accept", "text/html,application/xhtml+xml,"
                    + "application/xml;q=0.9,*/*;q=0.8").timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String type = r.headers().firstValue("Content-Type").orElse("");
            pages.put(url, new Page(r.statusCode(), type, r.body()));
            if (!type.startsWith("text/html")) continue;
            Matcher m = HREF.matcher(r.body());
            while (m.find()) {
                String href = m.group(1).replace("&amp;", "&");
                if (href.startsWith("http:") || href.startsWith("https:")) continue;
                String target = href.startsWith("#") ? url.replaceAll("#.*", "") + href : href;
                int hash = target.indexOf('#');
                if (hash >= 0) anchors.add(new String[] {url, target.substring(0, hash), target.substring(hash + 1)});
                String page = hash >= 0 ? target.substring(0, hash) : target;
                if (seen.add(page)) todo.add(page);
            }
        }
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** The pages aikg makes for people (the query editor's and the named queries' answers are checked with the editor). */
    static boolean ours(String url) {
        return !url.startsWith("/sparql") && !url.startsWith("/queries/");
    }

    @Test
    void everyLinkFromTheHomePageAnswers200() {
        System.out.println("the crawl reached " + pages.size() + " URLs, with " + anchors.size() + " links to places in pages");
        assertTrue(pages.size() > 300 && pages.size() < MAX_URLS, "pages reached: " + pages.size());
        List<String> failed = pages.entrySet().stream().filter(e -> e.getValue().status() != 200).map(e -> e.getKey() + " " + e.getValue().status())
                .toList();
        assertEquals(List.of(), failed);
    }

    @Test
    void everyLinkToAPlaceInAPageFindsIt() {
        assertTrue(anchors.size() > 100, "links to places in pages: " + anchors.size());
        List<String> broken = new ArrayList<>();
        for (String[] a : anchors) {
            Page target = pages.get(a[1]);
            if (target == null || !target.contentType().startsWith("text/html")) continue;
            Set<String> ids = new HashSet<>();
            Matcher m = ID.matcher(target.body());
            while (m.find()) ids.add(m.group(1));
            if (!ids.contains(a[2])) broken.add(a[0] + " -> " + a[1] + "#" + a[2]);
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void everyPageIsInTheLayoutInItsLanguageWithAWholeTitleAndJsonLd() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, Page> e : pages.entrySet()) {
            String url = e.getKey();
            String html = e.getValue().body();
            if (!e.getValue().contentType().startsWith("text/html") || !ours(url)) continue;
            checked++;
            boolean zh = url.contains("lang=zh");
            if (!html.contains("<html lang=\"" + (zh ? "zh-Hans" : "en") + "\">")) wrong.add(url + ": not in its language");
            if (!html.contains("<header class=\"site\">") || !html.contains("<main id=\"content\">")) wrong.add(url + ": not in the layout");
            String title = between(html, "<title>", "</title>");
            String h1 = html.replaceAll("(?s).*?<h1[^>]*>(.*?)</h1>.*", "$1");
            if (title.contains("…") || h1.contains("…")) wrong.add(url + ": a title cut short: " + title);
            String json = between(html, "<script type=\"application/ld+json\">", "</script>");
            if (json.isEmpty()) {
                wrong.add(url + ": no JSON-LD");
            } else {
                Graph g = GraphFactory.createGraphMem();
                RDFParser.source(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))).lang(Lang.JSONLD).parse(g);
                if (g.isEmpty()) wrong.add(url + ": empty JSON-LD");
            }
            Matcher m = RESOURCE.matcher(html);
            while (m.find()) {
                String src = m.group(1) != null ? m.group(1) : m.group(2);
                if (!src.startsWith("/")) wrong.add(url + ": loads " + src);
            }
        }
        assertTrue(checked > 200, "pages checked: " + checked);
        assertEquals(List.of(), wrong);
    }

    private static String between(String text, String start, String end) {
        int i = text.indexOf(start);
        if (i < 0) return "";
        int j = text.indexOf(end, i + start.length());
        return j < 0 ? "" : text.substring(i + start.length(), j);
    }
}

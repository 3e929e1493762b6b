package org.aikg.server.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.aikg.TestData;
import org.aikg.server.AikgServer;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** robots.txt and the sitemap, read as a crawler reads them: every page the sitemap lists answers 200. */
class CrawlTest {
    static AikgServer server;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = AikgServer.builder(TestData.published()).port(0).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).build(), HttpResponse.BodyHandlers.ofString());
    }

    static List<String> locs(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals("http://www.sitemaps.org/schemas/sitemap/0.9", d.getDocumentElement().getNamespaceURI());
        NodeList n = d.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.getLength(); i++) out.add(n.item(i).getTextContent());
        return out;
    }

    @Test
    void robotsTxtKeepsCrawlersOffTheQueryEndpointsAndNamesTheSitemap() throws Exception {
        HttpResponse<String> r = get("/robots.txt");
        assertEquals(200, r.statusCode());
        assertEquals("text/plain;charset=utf-8", r.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
        assertTrue(r.body().startsWith("User-agent: *\n"), r.body());
        for (String p : List.of("/sparql", "/ds", "/fragments", "/search")) assertTrue(r.body().contains("Disallow: " + p + "\n"), r.body());
        assertTrue(r.body().contains("Sitemap: http://localhost:" + server.port() + "/sitemap.xml\n"), r.body());
        assertFalse(r.body().contains("Disallow: /doc"), r.body());
    }

    /** The article's things (hand-picked from data/) are listed, no fragment IRI is, and every listed page answers 200. */
    @Test
    void theSitemapListsEveryThingsPageAndEachAnswers() throws Exception {
        HttpResponse<String> r = get("/sitemap.xml");
        assertEquals(200, r.statusCode());
        assertEquals("application/xml;charset=utf-8", r.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
        List<String> locs = locs(r.body());
        String site = "http://localhost:" + server.port();
        for (String p : List.of("/", "/dataset", "/doc/event/world-intelligence-expo-2024", "/doc/person/liu-gang-cingai",
                "/doc/article/taptechnews-2024-06-20-world-intelligence-expo", "/doc/concept/intelligent-chips")) {
            assertTrue(locs.contains(site + p), p + " in " + locs);
        }
        assertTrue(locs.stream().noneMatch(l -> l.contains("#")), locs::toString);
        assertEquals(locs.size(), locs.stream().distinct().count(), "a page listed twice");
        for (String l : locs) assertEquals(200, get(l.substring(site.length())).statusCode(), l);
    }

    @Test
    void anUnknownSitemapFileIsNotFound() throws Exception {
        assertEquals(404, get("/sitemap-2.xml").statusCode());
        assertEquals(404, get("/other.xml").statusCode());
    }

    /** 50,001 things and the 5 site pages: two files, the second with the last 6 pages; the sitemap is their index. */
    @Test
    void pastFiftyThousandPagesTheSitemapIsAnIndexOfFiles() throws Exception {
        DatasetGraph dsg = DatasetGraphFactory.create();
        for (int i = 0; i < 50_001; i++) {
            dsg.add(NodeFactory.createURI("https://example.org/g"), NodeFactory.createURI(String.format("https://example.org/kg/id/org/o%05d", i)),
                    NodeFactory.createURI("http://schema.org/name"), NodeFactory.createLiteralString("o" + i));
        }
        Sitemap s = Sitemap.of(dsg, "https://example.org/kg/", thing -> LocalDate.of(2024, 6, 20));
        assertEquals(2, s.files());
        assertEquals(List.of("https://kg.example/sitemap-1.xml", "https://kg.example/sitemap-2.xml"), locs(s.index("https://kg.example")));
        assertEquals(50_000, locs(s.file("https://kg.example", 1)).size());
        List<String> last = locs(s.file("https://kg.example", 2));
        assertEquals(6, last.size());
        assertEquals("https://kg.example/doc/org/o50000", last.get(5));
        assertTrue(s.file("https://kg.example", 2).contains("<lastmod>2024-06-20</lastmod>"));
    }
}

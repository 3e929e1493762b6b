package org.aikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.aikg.store.Datasets;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The published site as a first-time reader meets it: real headless Chromium (Debian's chromium
 * and chromium-driver) against an in-process server on a free port. It walks the journeys of
 * issue 8 in English and in Chinese (home, search "天津", Tianjin, the expo, the report, a statistic, its
 * sentence in the article, back), runs axe-core on every
 * type of page in both languages (failing on serious and critical findings), checks that nothing
 * is wider than a 390 px phone, and records the host of every request the browser makes (only the
 * server's own). Screenshots of each step go to {@code target/screenshots/}, axe-core's findings
 * to {@code target/axe/}.
 *
 * <p>Without Chromium every test is reported as skipped (not as no tests); under CI ({@code CI=true})
 * the class fails instead.
 * The paths of the browser and its driver can be given as {@code -Daikg.chromium=} and
 * {@code -Daikg.chromedriver=}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserIT {
    static final Path AXE = Chromium.AXE;
    static final boolean CI = "true".equals(System.getenv("CI"));

    // What the article and the data say (hand-checked against data/sources/), in each language.
    static final String EXPO = "2024 World Intelligence Expo";
    static final String EXPO_ZH = "2024世界智能产业博览会";
    static final String REPORT = "Report on the Development of a New Generation of China's Artificial Intelligence Technology Industry in 2024";
    static final String REPORT_ZH = "中国新一代人工智能科技产业发展报告2024";
    static final String CORE_SCALE = "Scale of the core artificial intelligence industry in China";
    static final String CORE_SCALE_ZH = "中国人工智能核心产业规模";
    static final String HEADLINE = "2024 World Intelligent Industry Expo Held in Tianjin";
    static final String SENTENCE = "In 2023, the core industrial scale of artificial intelligence in China reached 578.4 billion Chinese yuan with a growth rate of 13.9%.";
    static final String STATED = "578.4 billion Chinese yuan";
    static final String OBSERVATION_PATH = "/doc/observation/cn-ai-core-industry-scale-2023";
    static final String ARTICLE_PATH = "/doc/article/taptechnews-2024-06-20-world-intelligence-expo";

    /** One page of each type: a name for reports and screenshots, the server (0 the article's, 1 with synthetic statistics), the path. */
    record PageType(String name, int server, String path) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<PageType> PAGE_TYPES = List.of(
            new PageType("home", 0, "/"),
            new PageType("classes", 0, "/class"),
            new PageType("class", 0, "/class/Observation"),
            new PageType("event", 0, "/doc/event/world-intelligence-expo-2024"),
            new PageType("report", 0, "/doc/report/cn-ai-technology-industry-development-report-2024"),
            new PageType("statistic", 0, OBSERVATION_PATH),
            new PageType("claim", 0, "/doc/claim/liu-gang-ai-enters-general-ai-stage"),
            new PageType("person", 0, "/doc/person/liu-gang-cingai"),
            new PageType("organisation", 0, "/doc/org/cingai"),
            new PageType("place", 0, "/doc/place/tianjin"),
            new PageType("article", 0, ARTICLE_PATH),
            new PageType("passage", 0, "/doc/passage/taptechnews-2024-06-20-world-intelligence-expo-1346-1640"),
            new PageType("scheme", 0, "/doc/scheme/cn-ai-technology-system"),
            new PageType("concept", 0, "/doc/concept/large-models"),
            new PageType("variable", 0, "/doc/variable/cn-ai-core-industry-scale-growth"),
            new PageType("dataset", 0, "/dataset"),
            new PageType("ontology", 0, "/def"),
            new PageType("queries", 0, "/queries"),
            new PageType("downloads", 0, "/download/"),
            new PageType("not-found", 0, "/doc/event/no-such-event"),
            new PageType("statistics-table", 0, "/statistics?sort=value"),
            new PageType("search-facts", 0, "/search?q=578.4"),
            new PageType("search-nothing", 0, "/search?q=tianjn"),
            new PageType("changes", 0, "/changes"),
            new PageType("home-with-charts", 1, "/"),
            new PageType("statistic-with-charts", 1, "/doc/observation/" + SyntheticStatistics.A_2023));

    @TempDir
    static Path tmp;

    static final List<AikgServer> servers = new ArrayList<>();
    static final List<String> bases = new ArrayList<>();
    static WebDriver driver;
    static WebDriverWait wait;
    static Path screenshots;
    static Path axeReports;
    static Path downloads;
    static String axeSource;
    /** Why the browser cannot run here (null when it can): each test is then reported as skipped, never as no test at all. */
    static String missing;

    @BeforeAll
    static void startServersAndBrowser() throws IOException {
        String msg = Chromium.missing();
        if (msg != null) {
            if (CI) fail("CI must install chromium for the browser test: " + msg);
            missing = "browser test skipped: " + msg;
            return;
        }
        org.aikg.input.Graphs graphs = org.aikg.input.Graphs.of(List.of(Path.of("data")));
        DatasetGraph article = Datasets.read(graphs);
        DatasetGraph synthetic = Datasets.read(graphs);
        SyntheticStatistics.addTo(synthetic);
        for (DatasetGraph dsg : List.of(article, synthetic)) {
            AikgServer s = AikgServer.builder(org.aikg.store.Published.inMemory(dsg, graphs.description())).port(0).build().start();
            servers.add(s);
            bases.add("http://localhost:" + s.port());
        }

        screenshots = Files.createDirectories(Path.of("target", "screenshots").toAbsolutePath());
        axeReports = Files.createDirectories(Path.of("target", "axe").toAbsolutePath());
        axeSource = Files.isReadable(AXE) ? Files.readString(AXE, StandardCharsets.UTF_8) : null;

        downloads = Files.createDirectories(tmp.resolve("downloads"));
        driver = Chromium.start(tmp.resolve("chromium-profile"), Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    @AfterAll
    static void stopBrowserAndServers() {
        try {
            if (driver != null) driver.quit();
        } finally {
            servers.forEach(AikgServer::stop);
        }
    }

    @BeforeEach
    void needsTheBrowserAndForgetsEarlierRequests() {
        Assumptions.assumeTrue(missing == null, missing);
        Chromium.requests(driver);
    }

    @AfterEach
    void requestsWentOnlyToTheServer() {
        if (missing == null) requestsGoOnlyToTheServer();
    }

    // --- the journeys --------------------------------------------------------------------------

    @Test
    @Order(1)
    void journeyInEnglishFromHomeToTheSentenceOfAStatisticAndBack() throws IOException {
        open("/");
        waitForH1("AI Industry Knowledge Graph");
        step("en", 1, "home");

        search("天津");
        waitForH1("Search results: 天津");
        assertEquals("/search", path());
        step("en", 2, "search");

        // found by its Chinese name, listed by its English one with the name that matched
        click(By.cssSelector("ul.search-results"), "Tianjin — 天津");
        waitForH1("Tianjin");
        assertEquals("/doc/place/tianjin", path());
        assertEquals(List.of("Home", "City", "Tianjin"), breadcrumbs());
        step("en", 3, "tianjin");

        click(By.cssSelector("table.inverse"), EXPO);
        waitForH1(EXPO);
        assertEquals("/doc/event/world-intelligence-expo-2024", path());
        step("en", 4, "expo");

        click(propertyRow("work featured"), REPORT);
        waitForH1(REPORT);
        assertEquals("/doc/report/cn-ai-technology-industry-development-report-2024", path());
        // the report links its source's facts, as facts of the same source
        assertEquals("Other facts from the same source", driver.findElement(By.cssSelector("section.sources h2")).getText().strip());
        step("en", 5, "report");

        click(By.cssSelector("section.sources table.statistics"), CORE_SCALE);
        waitForH1(CORE_SCALE + " (2023)");
        assertEquals(OBSERVATION_PATH, path());
        assertEquals("578.4 billion CNY", driver.findElement(By.cssSelector("p.figure")).getText().strip());
        WebElement mark = driver.findElement(By.cssSelector("blockquote.evidence mark"));
        assertEquals(SENTENCE, mark.getText().strip());
        assertHighlighted(mark);
        WebElement stated = mark.findElement(By.cssSelector("strong.stated"));
        assertEquals(STATED, stated.getText().strip());
        assertTrue(Integer.parseInt(stated.getCssValue("font-weight")) >= 700, "the figure is emphasised: " + stated.getCssValue("font-weight"));
        String footer = driver.findElement(By.cssSelector("blockquote.evidence footer")).getText();
        assertTrue(footer.contains("Source: " + HEADLINE + " · TapTechNews, 20 June 2024, citing CCTV News · characters 1081–1215 of the article"),
                footer);
        step("en", 6, "statistic");

        driver.findElement(By.cssSelector("blockquote.evidence a.in-article")).click();
        waitForH1(HEADLINE);
        assertEquals(ARTICLE_PATH, path());
        assertSentenceIsTheTargetInView("chars-1081-1215");
        step("en", 7, "sentence-in-article");

        driver.navigate().back();
        waitForH1(CORE_SCALE + " (2023)");
        assertEquals(OBSERVATION_PATH, path());
        step("en", 8, "back");
    }

    @Test
    @Order(2)
    void journeyInChineseFromHomeToTheSentenceOfAStatisticAndBack() throws IOException {
        open("/");
        waitForH1("AI Industry Knowledge Graph");
        WebElement sw = driver.findElement(By.cssSelector("a#switch-lang"));
        assertEquals("中文", sw.getText().strip());
        sw.click();
        waitForH1("人工智能产业知识图谱");
        assertEquals("zh-Hans", driver.findElement(By.tagName("html")).getAttribute("lang"));
        step("zh", 1, "home");

        search("天津");
        waitForH1("搜索结果: 天津");
        assertEquals("/search", path());
        step("zh", 2, "search");

        click(By.cssSelector("ul.search-results"), "天津");
        waitForH1("天津");
        assertEquals(List.of("首页", "城市", "天津"), breadcrumbs());
        step("zh", 3, "tianjin");

        click(By.cssSelector("table.inverse"), EXPO_ZH);
        waitForH1(EXPO_ZH);
        step("zh", 4, "expo");

        click(By.cssSelector("table.properties"), REPORT_ZH);
        waitForH1(REPORT_ZH);
        assertEquals("同一来源中的其他事实", driver.findElement(By.cssSelector("section.sources h2")).getText().strip());
        step("zh", 5, "report");

        click(By.cssSelector("section.sources table.statistics"), CORE_SCALE_ZH);
        waitForH1(CORE_SCALE_ZH + "（2023年）");
        assertEquals(OBSERVATION_PATH, path());
        assertEquals("5784亿元", driver.findElement(By.cssSelector("p.figure")).getText().strip());
        assertEquals(SENTENCE, driver.findElement(By.cssSelector("blockquote.evidence mark")).getText().strip());
        String footer = driver.findElement(By.cssSelector("blockquote.evidence footer")).getText();
        assertTrue(footer.contains("来源：" + HEADLINE + " · TapTechNews，2024年6月20日，援引央视新闻 · 原文第1081–1215个字符"), footer);
        step("zh", 6, "statistic");

        driver.findElement(By.cssSelector("blockquote.evidence a.in-article")).click();
        waitForH1(HEADLINE);
        assertEquals("zh-Hans", driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertSentenceIsTheTargetInView("chars-1081-1215");
        step("zh", 7, "sentence-in-article");

        driver.navigate().back();
        waitForH1(CORE_SCALE_ZH + "（2023年）");
        step("zh", 8, "back");
    }

    // --- every page type, both languages ---------------------------------------------------------

    /**
     * A reader finds a statistic by its figure as each language writes it, then compares the figures in one table
     * sorted by value: by hand from the article, 13.9 %, 15 %, more than 4,000, 578.4 billion, 1.44 trillion.
     */
    @Test
    @Order(2)
    void journeyFromAFigureToTheTableOfAllFiguresSortedByValue() throws IOException {
        open("/");
        search("578.4");
        waitForH1("Search results: 578.4");
        step("facts", 1, "search-578.4");
        click(By.id("found-statistics"), CORE_SCALE);
        waitForH1(CORE_SCALE + " (2023)");
        assertEquals(OBSERVATION_PATH, path());
        open("/?lang=zh");
        search("5784亿");
        waitForH1("搜索结果: 5784亿");
        step("facts", 2, "search-5784yi");
        click(By.id("found-statistics"), CORE_SCALE_ZH);
        waitForH1(CORE_SCALE_ZH + "（2023年）");
        assertEquals(OBSERVATION_PATH, path());

        open("/statistics");
        waitForH1("Statistics table");
        click(By.cssSelector("table.statistics-table thead"), "Value");
        wait.until(d -> URI.create(d.getCurrentUrl()).getQuery() != null && URI.create(d.getCurrentUrl()).getQuery().contains("sort=value"));
        List<String> figures = driver.findElements(By.cssSelector("table.statistics-table td.figure")).stream().map(e -> e.getText().strip()).toList();
        assertEquals(List.of("13.9 %", "15 %", "more than 4,000", "578.4 billion CNY", "about 1.44 trillion CNY"), figures);
        step("facts", 3, "statistics-by-value");
        atWidth390(() -> {
            open("/statistics?sort=value");
            assertNoOverflowAt390();
            step("facts", 4, "statistics-390");
        });
    }

    static Stream<Arguments> pageTypesInBothLanguages() {
        return PAGE_TYPES.stream().flatMap(p -> Stream.of(Arguments.of(p, "en"), Arguments.of(p, "zh")));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("pageTypesInBothLanguages")
    @Order(3)
    void axeFindsNothingSeriousOrCritical(PageType page, String lang) throws IOException {
        open(page, lang);
        assertEquals(lang.equals("zh") ? "zh-Hans" : "en", driver.findElement(By.tagName("html")).getAttribute("lang"));
        axe(page.name() + "-" + lang);
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("pageTypesInBothLanguages")
    @Order(4)
    void nothingIsWiderThanA390PixelScreen(PageType page, String lang) throws IOException {
        atWidth390(() -> {
            open(page, lang);
            assertNoOverflowAt390();
            screenshot("390/" + page.name() + "-" + lang);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("darkPages")
    @Order(5)
    void axeFindsNothingSeriousOrCriticalInTheDarkScheme(PageType page) throws IOException {
        cdp("Emulation.setEmulatedMedia", Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        try {
            open(page, "en");
            String bg = (String) js("return getComputedStyle(document.body).backgroundColor;");
            assertEquals("rgb(20, 24, 28)", bg, "the dark scheme is in use");
            axe(page.name() + "-dark");
            screenshot("dark/" + page.name());
        } finally {
            cdp("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
    }

    static Stream<PageType> darkPages() {
        return PAGE_TYPES.stream().filter(p -> Set.of("home", "statistic", "article", "class", "downloads", "statistic-with-charts", "statistics-table",
                "search-facts").contains(p.name()));
    }

    // --- the query page: YASGUI and the plain form ------------------------------------------------

    /** The named query the examples offer as "statistics", as written in queries/. */
    static String statisticsQuery() throws IOException {
        return Files.readString(Path.of("queries/statistics.rq"), StandardCharsets.UTF_8);
    }

    static Stream<String> languages() {
        return Stream.of("en", "zh");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    @Order(6)
    void theShareLinkReopensTheSameQueryText(String lang) throws IOException {
        openEditor("/sparql?lang=" + lang);
        String query = "# 分享 + & # % ?\nSELECT ?s ?label WHERE {\n  ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label\n"
                + "  FILTER(CONTAINS(?label, \"a+b & c\"))\n} LIMIT 3";
        setEditor(query);
        driver.findElement(By.cssSelector("#yasgui .yasqe_share")).click();
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#yasgui .yasqe_sharePopup input")));
        String link = input.getAttribute("value");
        assertTrue(link.startsWith(bases.get(0) + "/sparql?lang=" + lang + "#"), link);
        screenshot("sparql/share-link-" + lang);
        driver.get("about:blank");
        driver.get(link);
        waitForEditor();
        assertEquals(query, editorValue(), "the shared query, as written");
        assertEquals(lang.equals("zh") ? "zh-Hans" : "en", driver.findElement(By.tagName("html")).getAttribute("lang"));
        // the link runs it, here
        wait.until(d -> !d.findElements(By.cssSelector("#yasgui .yasr table.dataTable")).isEmpty());
        assertEquals(bases.get(0) + "/sparql", js("return window.aikgYasgui.getTab().getEndpoint();"));
        screenshot("sparql/shared-query-" + lang);
    }

    @Test
    @Order(6)
    void aLinkNamingAnotherEndpointStillQueriesOnlyThisServer() throws IOException {
        String query = "SELECT ?s WHERE { ?s a <http://schema.org/City> } ORDER BY ?s";
        driver.get(bases.get(0) + "/sparql#query=" + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20") + "&endpoint="
                + URLEncoder.encode("http://example.org/sparql", StandardCharsets.UTF_8));
        waitForEditor();
        assertEquals(query, editorValue());
        wait.until(d -> !d.findElements(By.cssSelector("#yasgui .yasr table.dataTable tbody tr")).isEmpty());
        assertEquals(bases.get(0) + "/sparql", js("return window.aikgYasgui.getTab().getEndpoint();"));
        // and no request left for example.org: requestsWentOnlyToTheServer checks it after the test
    }

    @Test
    @Order(7)
    void theValueColumnSortsInNumericOrder() throws IOException {
        openEditor("/sparql");
        runExample("statistics", 5);
        // the article's figures, hand-checked in its text: 13.9 %, 15 %, 578.4 billion and about 1.44 trillion yuan
        List<BigDecimal> article = List.of(new BigDecimal("13.9"), new BigDecimal("15"), new BigDecimal("578.4E9"), new BigDecimal("1.44E12"));
        // the same order from the endpoint's SPARQL JSON answer, read by Jena and sorted as decimals
        List<List<String>> answer = ResultRows.json(postQuery(statisticsQuery(), "application/sparql-results+json"));
        int valueColumn = answer.get(0).indexOf("value");
        List<BigDecimal> fromAnswer = answer.subList(1, answer.size()).stream().map(r -> r.get(valueColumn)).filter(v -> !v.isEmpty())
                .map(BigDecimal::new).sorted().toList();
        assertEquals(article.size(), fromAnswer.size());
        for (int i = 0; i < article.size(); i++) assertEquals(0, article.get(i).compareTo(fromAnswer.get(i)), "figure " + i + ": " + fromAnswer);

        sortBy("value");
        assertEquals("ascending", header("value").getAttribute("aria-sort"));
        assertEquals(fromAnswer, shownNumbers("value"));
        screenshot("sparql/value-sorted-ascending");
        sortBy("value");
        assertEquals("descending", header("value").getAttribute("aria-sort"));
        List<BigDecimal> descending = new ArrayList<>(fromAnswer);
        Collections.reverse(descending);
        assertEquals(descending, shownNumbers("value"));
        screenshot("sparql/value-sorted-descending");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    @Order(8)
    void withoutJavaScriptTheExamplesFormRunsTheExampleChosenAndItsCsvIsTheSparqlAnswer(String lang) throws Exception {
        withoutJavaScript(() -> {
            open("/sparql?lang=" + lang);
            assertTrue(driver.findElement(By.cssSelector("#plain-query textarea")).isDisplayed(), "the plain form, without JavaScript");
            new Select(driver.findElement(By.id("example"))).selectByValue("statistics");
            driver.findElement(By.id("run-example")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("results")));
            assertEquals(statisticsQuery(), driver.findElement(By.id("query")).getAttribute("value"), "the example chosen ran");
            assertEquals(5, driver.findElements(By.cssSelector("#results tbody tr")).size());
            assertTrue(driver.getCurrentUrl().endsWith("&lang=" + lang), driver.getCurrentUrl());
            assertEquals(lang.equals("zh") ? "zh-Hans" : "en", driver.findElement(By.tagName("html")).getAttribute("lang"));
            screenshot("sparql/no-script-example-" + lang);

            try (var old = Files.list(downloads)) {
                for (Path f : old.toList()) Files.delete(f);
            }
            WebElement csv = driver.findElement(By.cssSelector("#downloads a[data-format='csv']"));
            csv.click();
            Path file = waitForDownload("results.csv");
            List<List<String>> expected = ResultRows.json(postQuery(statisticsQuery(), "application/sparql-results+json"));
            assertEquals(6, expected.size(), "the variables and the five statistics");
            assertEquals(expected, ResultRows.csv(Files.readString(file, StandardCharsets.UTF_8)));
        });
    }

    static Stream<Arguments> schemesAndLanguages() {
        return Stream.of("light", "dark").flatMap(scheme -> languages().map(lang -> Arguments.of(scheme, lang)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("schemesAndLanguages")
    @Order(9)
    void axeFindsNothingSeriousOrCriticalOnTheQueryPageWithResults(String scheme, String lang) throws Exception {
        cdp("Emulation.setEmulatedMedia", Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
        try {
            openEditor("/sparql?lang=" + lang);
            assertEquals(scheme.equals("dark") ? "rgb(20, 24, 28)" : "rgb(251, 252, 253)", js("return getComputedStyle(document.body).backgroundColor;"));
            runExample("statistics", 5);
            axe("sparql-results-" + scheme + "-" + lang);
            screenshot("sparql/results-" + scheme + "-" + lang);
            driver.findElement(By.cssSelector("#yasgui .yasr .select_response")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#yasgui .yasr_results .CodeMirror")));
            axe("sparql-response-" + scheme + "-" + lang);
            screenshot("sparql/response-" + scheme + "-" + lang);
            withoutJavaScript(() -> {
                open("/sparql?example=statistics&lang=" + lang);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("results")));
            });
            // the page stays as it was drawn without its scripts (axe-core, a script, needs them back)
            assertTrue(driver.findElement(By.cssSelector("#plain-query textarea")).isDisplayed(), "the plain form's page");
            axe("sparql-no-script-results-" + scheme + "-" + lang);
            screenshot("sparql/no-script-results-" + scheme + "-" + lang);
        } finally {
            cdp("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    @Order(10)
    void at390PixelsNoButtonCoversTheEditor(String lang) throws IOException {
        atWidth390(() -> {
            openEditor("/sparql?lang=" + lang);
            runExample("statistics", 5);
            WebElement code = driver.findElement(By.cssSelector("#yasgui .yasqe .CodeMirror-scroll"));
            Rectangle editor = code.getRect();
            List<WebElement> controls = driver.findElements(By.cssSelector("button, a[href], input, select, [role=button], [role=tab]"));
            List<WebElement> editorButtons = driver.findElements(By.cssSelector("#yasgui .yasqe_buttons button"));
            assertEquals(2, editorButtons.size(), "the editor's buttons: share and run");
            List<String> covering = new ArrayList<>();
            for (WebElement c : controls) {
                if (!c.isDisplayed() || Boolean.TRUE.equals(js("return arguments[0].closest('.CodeMirror-scroll') !== null;", c))) continue;
                Rectangle r = c.getRect();
                boolean overlaps = r.x < editor.x + editor.width && editor.x < r.x + r.width && r.y < editor.y + editor.height && editor.y < r.y + r.height;
                if (overlaps) covering.add(c.getTagName() + "." + c.getAttribute("class") + " " + r.x + "," + r.y + " " + r.width + "x" + r.height);
            }
            assertEquals(List.of(), covering, "controls over the editor's code (" + editor.x + "," + editor.y + " " + editor.width + "x" + editor.height + ")");
            // nothing wider than the screen, but what a box that scrolls or clips holds (the results' table scrolls sideways)
            Object out = js("""
                    var w = document.documentElement.clientWidth, out = [];
                    function held(e) {
                      for (var p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                        if (getComputedStyle(p).overflowX !== 'visible') return true;
                      }
                      return false;
                    }
                    document.querySelectorAll('body *').forEach(function (e) {
                      var r = e.getBoundingClientRect();
                      if (r.width > 0 && r.right > w + 0.5 && !held(e)) out.push(e.tagName.toLowerCase() + '.' + e.className + ' right=' + Math.round(r.right));
                    });
                    return [document.documentElement.scrollWidth, out.slice(0, 8).join('; ')];
                    """);
            assertEquals(390L, ((List<?>) out).get(0), "the page's width at 390 px: " + out);
            assertEquals("", ((List<?>) out).get(1), "what sticks out at 390 px");
            screenshot("390/sparql-editor-" + lang);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    @Order(11)
    void aVisibleHintTellsHowToLeaveTheEditorAndEscThenTabLeavesIt(String lang) throws IOException {
        openEditor("/sparql?lang=" + lang);
        WebElement hint = driver.findElement(By.id("editor-hint"));
        assertTrue(hint.isDisplayed(), "the hint is shown");
        assertEquals(lang.equals("zh") ? "在编辑器中按 Tab 键会缩进。要用键盘离开编辑器，请先按 Esc，再按 Tab。"
                : "In the editor, Tab indents. To leave the editor with the keyboard, press Esc, then Tab.", hint.getText().strip());
        WebElement input = driver.findElement(By.cssSelector("#yasgui .CodeMirror textarea"));
        assertEquals("editor-hint", input.getAttribute("aria-describedby"), "the editor's input points to the hint");
        driver.findElement(By.cssSelector("#yasgui .CodeMirror-code")).click();
        assertEquals(Boolean.TRUE, js("return document.activeElement === arguments[0];", input), "the editor has the keyboard");
        String before = editorValue();
        new Actions(driver).sendKeys(Keys.TAB).perform();
        assertEquals(Boolean.TRUE, js("return document.activeElement === arguments[0];", input), "Tab indents, in the editor");
        assertTrue(editorValue().length() > before.length(), "Tab indented");
        new Actions(driver).sendKeys(Keys.ESCAPE).sendKeys(Keys.TAB).perform();
        assertEquals(Boolean.FALSE, js("return document.activeElement === arguments[0];", input), "Esc, then Tab, left the editor");
        String after = editorValue();
        new Actions(driver).sendKeys("x").perform();
        assertEquals(after, editorValue(), "what is typed now does not go into the query");
        screenshot("sparql/left-the-editor-" + lang);
    }

    @Test
    @Order(12)
    void onAChinesePageYasguiSpeaksChinese() throws IOException {
        openEditor("/sparql?lang=zh");
        runExample("statistics", 5);
        // the Chinese of each, written here by hand; YASGUI's English, copied from its source (4.5.0), must be gone
        assertEquals("分享查询", driver.findElement(By.cssSelector("#yasgui .yasqe_share")).getAttribute("title"));
        assertEquals("运行查询", driver.findElement(By.cssSelector("#yasgui .yasqe_queryButton")).getAttribute("aria-label"));
        assertEquals("查询", driver.findElement(By.cssSelector("#yasgui .tabsList .tab.active a")).getText().strip().replace("✖", "").strip());
        assertEquals("表格", driver.findElement(By.cssSelector("#yasgui .yasr .select_table")).getAttribute("title"));
        assertEquals("响应", driver.findElement(By.cssSelector("#yasgui .yasr .select_response")).getAttribute("title"));
        assertTrue(driver.findElement(By.cssSelector("#yasgui .yasr_response_chip")).getText().matches("5 条结果，用时 [0-9.]+ 秒"),
                driver.findElement(By.cssSelector("#yasgui .yasr_response_chip")).getText());
        assertEquals("第 1 至 5 项，共 5 项", (String) js("return document.querySelector('#yasgui .dt-info').textContent.trim();"));
        assertEquals("筛选查询结果", driver.findElement(By.cssSelector("#yasgui .tableFilter")).getAttribute("placeholder"));
        assertEquals("每页行数", driver.findElement(By.cssSelector("#yasgui .tableSizer")).getAttribute("aria-label"));
        String furniture = (String) js("""
                var root = document.getElementById('yasgui'), out = [];
                var data = '.CodeMirror-code, table.dataTable tbody, table.dataTable thead .dt-column-title';
                var w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
                while (w.nextNode()) if (!w.currentNode.parentElement.closest(data)) out.push(w.currentNode.nodeValue);
                root.querySelectorAll('[title], [aria-label], [placeholder]').forEach(function (e) {
                  if (e.closest('table.dataTable tbody')) return;
                  ['title', 'aria-label', 'placeholder'].forEach(function (a) { if (e.getAttribute(a)) out.push(e.getAttribute(a)); });
                });
                return out.join('\\n');
                """);
        List<String> yasguisEnglish = List.of("Share query", "Run query", "Table", "Response", "Simple view", "Ellipse", "Filter query results",
                "Page size", "Showing", "entries", "results in", "Download", "Add tab", "Close tab", "Open settings", "Activate to sort", "Settings",
                "Request method", "Named Graphs", "pagination", "View documentation", "Show all");
        for (String english : yasguisEnglish) {
            assertFalse(furniture.contains(english), "\"" + english + "\" is still English on the Chinese page:\n" + furniture);
        }
        screenshot("sparql/yasgui-in-chinese");
        // the raw response's view: its buttons too
        driver.findElement(By.cssSelector("#yasgui .yasr .select_response")).click();
        WebElement overlay = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#yasgui .yasr_results .overlay_content")));
        assertEquals(List.of("显示全部", "下载结果"), overlay.findElements(By.tagName("button")).stream().map(b -> b.getText().strip()).toList());
        screenshot("sparql/yasgui-in-chinese-response");
        // a query that does not parse: the editor's note on the line, and the error's button
        setEditor("SELECT ?x WHERE {\n  ?x ?y\n}");
        WebElement icon = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#yasgui .parseErrorIcon")));
        new Actions(driver).moveToElement(icon).perform();
        WebElement tip = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#yasgui .yasqe_tooltip")));
        assertTrue(tip.getText().startsWith("此行无效。此处应为："), tip.getText());
        driver.findElement(By.cssSelector("#yasgui .yasqe_queryButton")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#yasgui .yasr .errorResult")));
        wait.until(d -> error.getText().contains("400"));
        assertTrue(error.getText().contains("在新的浏览器窗口中运行查询"), error.getText());
        assertFalse(error.getText().contains("Try query"), error.getText());
        screenshot("sparql/yasgui-in-chinese-error");
    }

    @Test
    @Order(13)
    void theEditorCompletesTheDatasClassesAndPropertiesFromThisServerOnly() throws IOException {
        openEditor("/sparql");
        // classes and properties of the data (hand-checked in data/: the statistics are schema:Observation, measuring a variable)
        assertEquals(List.of("schema:Observation"), complete("PREFIX schema: <http://schema.org/>\nSELECT * WHERE {\n  ?s a schema:Obs", "class"));
        assertEquals(List.of("schema:variableMeasured"),
                complete("PREFIX schema: <http://schema.org/>\nSELECT * WHERE {\n  ?s schema:variableM", "property"));
        // requestsWentOnlyToTheServer: nothing went to prefix.cc, LOV or any other host
    }

    @Test
    @Order(14)
    void theBrowserGetsYasguisScriptGzipCompressedUnderAnImmutableName() throws IOException {
        Chromium.network(driver);
        openEditor("/sparql");
        List<JsonObject> events = Chromium.network(driver);
        JsonObject script = events.stream().filter(e -> e.get("method").getAsString().value().equals("Network.responseReceived"))
                .map(e -> e.get("params").getAsObject().get("response").getAsObject())
                .filter(r -> r.get("url").getAsString().value().matches(".*/static/yasgui/yasgui\\.min\\.[0-9a-f]{16}\\.js"))
                .findFirst().orElseThrow(() -> new AssertionError("YASGUI's script was not loaded: " + Chromium.requests(events)));
        assertEquals(200, script.get("status").getAsNumber().value().intValue());
        JsonObject headers = script.get("headers").getAsObject();
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.keys().forEach(k -> h.put(k, headers.get(k).getAsString().value()));
        assertEquals("gzip", h.get("Content-Encoding"), "headers: " + h);
        assertTrue(h.get("Vary").contains("Accept-Encoding"), "headers: " + h);
        assertEquals("public, max-age=31536000, immutable", h.get("Cache-Control"));
        for (String url : Chromium.requests(events)) assertTrue(bases.contains(Chromium.origin(url)), "a request to another host: " + url);
    }

    static void openEditor(String path) {
        open(path);
        waitForEditor();
    }

    static void waitForEditor() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#yasgui .CodeMirror")));
        wait.until(d -> js("return window.aikgYasgui ? 'ready' : null;") != null);
    }

    static String editorValue() {
        return (String) js("return window.aikgYasgui.getTab().getYasqe().getValue();");
    }

    static void setEditor(String text) {
        js("window.aikgYasgui.getTab().getYasqe().setValue(arguments[0]);", text);
    }

    /** Chooses an example in the examples form and runs it, as a reader does, and waits for its rows. */
    static void runExample(String name, int rows) {
        new Select(driver.findElement(By.id("example"))).selectByValue(name);
        driver.findElement(By.id("run-example")).click();
        wait.until(d -> d.findElements(By.cssSelector("#yasgui .yasr table.dataTable tbody tr")).size() == rows);
    }

    static WebElement header(String column) {
        return driver.findElements(By.cssSelector("#yasgui .yasr table.dataTable thead th")).stream()
                .filter(th -> th.getText().strip().equals(column)).findFirst().orElseThrow(() -> new AssertionError("no column " + column));
    }

    static void sortBy(String column) {
        String before = header(column).getAttribute("aria-sort");
        header(column).click();
        wait.until(d -> !String.valueOf(header(column).getAttribute("aria-sort")).equals(String.valueOf(before)));
    }

    /** The numbers a column of YASGUI's table shows, top to bottom (a typed literal shows as "13.9"^^<…>; empty cells left out). */
    @SuppressWarnings("unchecked")
    static List<BigDecimal> shownNumbers(String column) {
        List<String> cells = (List<String>) js("""
                var col = arguments[0];
                var ths = Array.from(document.querySelectorAll('#yasgui .yasr table.dataTable thead th'));
                var i = ths.findIndex(function (t) { return t.textContent.trim() === col; });
                return Array.from(document.querySelectorAll('#yasgui .yasr table.dataTable tbody tr')).map(function (tr) { return tr.children[i].textContent; });
                """, column);
        List<BigDecimal> out = new ArrayList<>();
        for (String c : cells) {
            if (c.isBlank()) continue;
            Matcher m = Pattern.compile("^\"([^\"]+)\"").matcher(c.strip());
            assertTrue(m.find(), "a typed literal: " + c);
            out.add(new BigDecimal(m.group(1)));
        }
        return out;
    }

    /** The completions the editor offers for the text up to its end, by Ctrl+Space as a reader asks for them (a screenshot of them, named). */
    @SuppressWarnings("unchecked")
    static List<String> complete(String text, String screenshot) throws IOException {
        setEditor(text);
        js("var y = window.aikgYasgui.getTab().getYasqe(); y.focus(); y.setCursor(y.lastLine(), y.getLine(y.lastLine()).length);");
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys(Keys.SPACE).keyUp(Keys.CONTROL).perform();
        wait.until(d -> !d.findElements(By.cssSelector(".CodeMirror-hints li")).isEmpty());
        List<String> hints = driver.findElements(By.cssSelector(".CodeMirror-hints li")).stream().map(li -> li.getText().strip()).toList();
        screenshot("sparql/completion-" + screenshot);
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        return hints;
    }

    /** An answer of the article's server to a query POSTed directly, in the type asked for. */
    static byte[] postQuery(String query, String accept) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(bases.get(0) + "/sparql")).header("Accept", accept)
                    .header("Content-Type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofString(query)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode());
            return r.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Runs {@code check} with the page's scripts switched off (the plain form's world), then switches them on again. */
    static void withoutJavaScript(ThrowingCheck check) throws Exception {
        cdp("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        try {
            check.run();
        } finally {
            cdp("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        }
    }

    interface ThrowingCheck {
        void run() throws Exception;
    }

    static Path waitForDownload(String name) throws IOException {
        Path file = downloads.resolve(name);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isRegularFile(file) && Files.size(file) > 0) return file;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError(name + " was not downloaded to " + downloads);
    }

    // --- helpers the other browser checks can reuse ------------------------------------------------

    /** Searches from the box in the page's header, as a reader does: types and presses Enter. */
    static void search(String text) {
        WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("site-search")));
        box.clear();
        box.sendKeys(text, Keys.ENTER);
    }

    /** Opens a path of the article's server. */
    static void open(String path) {
        driver.get(bases.get(0) + path);
    }

    /** Opens a page type in a language ({@code ?lang=}). */
    static void open(PageType page, String lang) {
        driver.get(bases.get(page.server()) + page.path() + (page.path().contains("?") ? "&" : "?") + "lang=" + lang);
    }

    static String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    static void waitForH1(String text) {
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), text));
    }

    /** Clicks the link with exactly this text inside what {@code within} finds. */
    static void click(By within, String text) {
        click(wait.until(ExpectedConditions.presenceOfElementLocated(within)), text);
    }

    static void click(WebElement within, String text) {
        within.findElements(By.tagName("a")).stream()
                .filter(a -> a.getText().strip().equals(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no link \"" + text + "\" on " + driver.getCurrentUrl()))
                .click();
    }

    /** The row of the property table whose label is the given text. */
    static WebElement propertyRow(String label) {
        WebElement table = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.properties")));
        return table.findElements(By.tagName("tr")).stream()
                .filter(tr -> !tr.findElements(By.tagName("th")).isEmpty())
                .filter(tr -> tr.findElement(By.tagName("th")).getText().strip().equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no \"" + label + "\" row in the property table"));
    }

    static List<String> breadcrumbs() {
        return driver.findElements(By.cssSelector("nav.breadcrumbs li")).stream().map(li -> li.getText().strip()).toList();
    }

    static void assertHighlighted(WebElement mark) {
        String background = mark.getCssValue("background-color");
        assertFalse(background.isBlank() || background.equals("transparent") || background.equals("rgba(0, 0, 0, 0)"),
                "the quoted sentence is not highlighted: background-color " + background);
    }

    /** The article is open at a passage: the URL names it, it is the page's target, highlighted, on screen, and it is the sentence. */
    static void assertSentenceIsTheTargetInView(String id) {
        assertEquals(id, URI.create(driver.getCurrentUrl()).getFragment());
        WebElement mark = driver.findElement(By.id(id));
        assertEquals("mark", mark.getTagName());
        assertEquals(SENTENCE, mark.getText().strip());
        assertHighlighted(mark);
        assertEquals(id, js("var t = document.querySelector(':target'); return t ? t.id : null;"));
        Object inView = js("var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;", mark);
        assertEquals(Boolean.TRUE, inView, "the sentence is scrolled into view");
    }

    /** Saves a screenshot of a step of a journey: {@code target/screenshots/journey-en-3-tianjin.png}. */
    static void step(String lang, int n, String name) throws IOException {
        screenshot("journey-" + lang + "-" + n + "-" + name);
    }

    static void screenshot(String name) throws IOException {
        Path file = screenshots.resolve(name + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /**
     * Runs axe-core 4.14 (from the npm registry, {@code src/test/js}) on the open page, saves its
     * findings to {@code target/axe/{name}.json} and fails on any serious or critical one. Without
     * axe-core installed ({@code npm ci --prefix src/test/js}) the check is skipped, except on CI.
     */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> axe(String name) throws IOException {
        if (axeSource == null) {
            String msg = AXE + " is missing: run npm ci --prefix src/test/js";
            if (CI) fail(msg);
            Assumptions.abort("axe-core check skipped: " + msg);
        }
        js(axeSource);
        Object found = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => n.target.join(' ') + '  ' + n.html.substring(0, 160))})))),
                    e => done(JSON.stringify({error: String(e)})));
                """);
        String json = (String) found;
        Files.writeString(axeReports.resolve(name + ".json"), json, StandardCharsets.UTF_8);
        if (json.startsWith("{")) fail("axe-core failed on " + name + ": " + json);
        List<Map<String, Object>> violations = new ArrayList<>();
        for (var v : JSON.parseAny(json).getAsArray()) {
            JsonObject o = v.getAsObject();
            Map<String, Object> m = Map.of("id", o.get("id").getAsString().value(), "impact", o.get("impact").getAsString().value(), "help",
                    o.get("help").getAsString().value(), "nodes", o.get("nodes").getAsArray().stream().map(n -> n.getAsString().value()).toList());
            violations.add(m);
        }
        List<Map<String, Object>> bad = violations.stream().filter(v -> Set.of("serious", "critical").contains(v.get("impact"))).toList();
        assertTrue(bad.isEmpty(), "axe-core on " + name + " (" + driver.getCurrentUrl() + "): " + bad);
        return violations;
    }

    /** Runs {@code check} with the page laid out as on a phone 390 CSS pixels wide, then restores the window. */
    static void atWidth390(ThrowingRunnable check) throws IOException {
        cdp("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        try {
            check.run();
        } finally {
            cdp("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    interface ThrowingRunnable {
        void run() throws IOException;
    }

    /** Nothing on the open page is wider than the screen: the document does not scroll sideways, and no element sticks out. */
    static void assertNoOverflowAt390() {
        Object width = js("return window.innerWidth;");
        assertEquals(390L, width, "the page is laid out 390 px wide");
        Object result = js("""
                var w = document.documentElement.clientWidth, out = [];
                document.querySelectorAll('body *').forEach(function (e) {
                  var r = e.getBoundingClientRect();
                  if (r.width > 0 && r.right > w + 0.5 && !e.closest('.scroll')) out.push(e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' right=' + Math.round(r.right));
                });
                return [document.documentElement.scrollWidth, w, out.slice(0, 8).join('; ')];
                """);
        List<?> r = (List<?>) result;
        long scrollWidth = (Long) r.get(0);
        long clientWidth = (Long) r.get(1);
        assertTrue(scrollWidth <= clientWidth && ((String) r.get(2)).isEmpty(),
                driver.getCurrentUrl() + " is " + scrollWidth + " px wide on a " + clientWidth + " px screen: " + r.get(2));
    }

    /** Every request since the last check went to one of the test's own servers (none to a CDN, fonts or trackers). */
    static void requestsGoOnlyToTheServer() {
        Set<String> foreign = new TreeSet<>();
        List<String> urls = Chromium.requests(driver);
        for (String url : urls) {
            if (!bases.contains(Chromium.origin(url))) foreign.add(url);
        }
        assertTrue(foreign.isEmpty(), "requests to other hosts: " + foreign);
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    static void cdp(String command, Map<String, Object> params) {
        ((ChromeDriver) driver).executeCdpCommand(command, params);
    }
}

package org.aikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
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

        driver = Chromium.start(tmp.resolve("chromium-profile"), Map.of());
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

package org.aikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aikg.store.Datasets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The query page and search in headless Chromium, as a person uses them: YASGUI with an example
 * query run by Ctrl+Enter, its rows and the time it took, a CSV download, a syntax error and a timeout
 * shown in the page with the query kept; the search box suggesting Tianjin for "天津" and opening its
 * page; axe-core finds no serious or critical problem on either page in English or Chinese; both fit
 * 390 px; and no request goes to another host. Screenshots go to {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QueryAndSearchIT {
    static final Path AXE = Chromium.AXE;

    @TempDir
    static Path tmp;
    static AikgServer server;
    static String base;
    static WebDriver driver;
    static WebDriverWait wait;
    static Path screenshots;
    static Path downloads;

    @BeforeAll
    static void start() throws IOException {
        String msg = Chromium.missing() != null ? Chromium.missing() : Files.isReadable(AXE) ? null : AXE + " is missing: npm ci --prefix src/test/js";
        if (msg != null) {
            if ("true".equals(System.getenv("CI"))) fail("CI must install them: " + msg);
            Assumptions.assumeTrue(false, "browser test skipped: " + msg);
        }
        server = AikgServer.builder(org.aikg.TestData.published()).port(0).queryTimeout(Duration.ofSeconds(1)).build().start();
        base = "http://localhost:" + server.port() + "/";
        screenshots = Files.createDirectories(Path.of("target", "screenshots").toAbsolutePath());
        downloads = Files.createDirectories(tmp.resolve("downloads"));
        driver = Chromium.start(tmp.resolve("profile"), Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    @AfterAll
    static void stop() {
        try {
            if (driver != null) driver.quit();
        } finally {
            if (server != null) server.stop();
        }
    }

    @Test
    @Order(1)
    void runsAnExampleWithCtrlEnterAndShowsRowsTimeAndACsvDownload() throws Exception {
        driver.get(base + "sparql");
        WebElement editor = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#yasgui .CodeMirror")));
        assertTrue(driver.findElements(By.cssSelector("#plain-query textarea")).stream().noneMatch(WebElement::isDisplayed), "YASGUI took over the form");
        new Select(driver.findElement(By.id("example"))).selectByValue("statistics");
        wait.until(d -> editorValue().contains("?variableName"));
        editor.click();
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
        WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#yasgui .yasr table.dataTable")));
        wait.until(d -> table.findElements(By.cssSelector("tbody tr")).size() == 5);
        assertTrue(table.getText().contains("578400000000.0"), table.getText());
        String info = driver.findElement(By.cssSelector("#yasgui .yasr_response_chip")).getText();
        assertTrue(info.matches("(?s).*5 results in [0-9.]+ seconds?.*"), "the query time: " + info);
        screenshot("query-results");
        driver.findElement(By.cssSelector("#yasgui .yasr_downloadIcon")).click();
        Path csv = waitForFile(".csv");
        String text = Files.readString(csv);
        assertTrue(text.startsWith("\"observation\",\"variableName\"") && text.contains("578400000000.0"), text);
    }

    @Test
    @Order(2)
    void showsASyntaxErrorInThePageWithTheLineMarkedAndTheQueryKept() throws Exception {
        driver.get(base + "sparql");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#yasgui .CodeMirror")));
        String broken = "SELECT ?x WHERE {\n  ?x ?y\n}";
        setEditor(broken);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#yasgui .CodeMirror-gutter-wrapper .parseErrorIcon")));
        runQuery();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#yasgui .yasr .errorResult")));
        wait.until(d -> error.getText().contains("400"));
        assertTrue(error.getText().contains("does not parse") && error.getText().contains("line 3"), error.getText());
        assertEquals(broken, editorValue());
        screenshot("query-syntax-error");
    }

    @Test
    @Order(3)
    void showsATimeoutInThePageWithTheQueryKept() throws Exception {
        driver.get(base + "sparql");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#yasgui .CodeMirror")));
        String runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
        setEditor(runaway);
        runQuery();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#yasgui .yasr .errorResult")));
        wait.until(d -> error.getText().contains("503"));
        assertTrue(error.getText().contains("time limit"), error.getText());
        assertEquals(runaway, editorValue());
        screenshot("query-timeout");
    }

    @Test
    @Order(4)
    void searchBoxSuggestsTianjinForItsChineseNameAndOpensItsPage() throws Exception {
        driver.get(base + "?lang=zh");
        WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("site-search")));
        box.sendKeys("天津");
        wait.until(d -> !d.findElements(By.cssSelector("#site-search-hints option")).isEmpty());
        String suggestion = driver.findElement(By.cssSelector("#site-search-hints option")).getAttribute("value");
        assertTrue(suggestion.startsWith("天津"), suggestion);
        screenshot("search-suggestions");
        js("var i = document.getElementById('site-search'); i.value = arguments[0]; i.dispatchEvent(new Event('input'));", suggestion);
        wait.until(ExpectedConditions.urlContains("/doc/place/tianjin"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "天津"));
        driver.get(base + "search?q=" + java.net.URLEncoder.encode("人工智能", java.nio.charset.StandardCharsets.UTF_8));
        // the things named 人工智能 (each listed by its name, the name that matched after it); and, on an English page, the
        // facts that say it as "artificial intelligence" or "AI" (the synonyms the search knows), such as the core industry's scale
        List<WebElement> found = wait.until(ExpectedConditions.presenceOfAllElementsLocatedBy(
                By.cssSelector("section.search-group:not(.facts) ul.search-results a")));
        assertTrue(found.stream().allMatch(a -> a.getText().contains("人工智能")), "each thing found holds 人工智能");
        List<String> facts = driver.findElements(By.cssSelector("section.facts ul.search-results a")).stream().map(WebElement::getText).toList();
        assertTrue(facts.contains("Scale of the core artificial intelligence industry in China"), facts::toString);
        screenshot("search-results");
    }

    @Test
    @Order(5)
    void hasNoSeriousOrCriticalAccessibilityProblemInEitherLanguageAndFits390Pixels() throws Exception {
        for (String lang : List.of("en", "zh")) {
            driver.manage().window().setSize(new Dimension(1280, 1000));
            driver.get(base + "search?q=Tianjin&lang=" + lang);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ul.search-results")));
            List<String> searchProblems = axe();
            assertTrue(searchProblems.isEmpty(), "axe-core on /search?lang=" + lang + ":\n" + String.join("\n", searchProblems));
            driver.manage().window().setSize(new Dimension(1280, 1000));
            driver.get(base + "sparql?lang=" + lang);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#yasgui .CodeMirror")));
            List<String> problems = axe();
            assertTrue(problems.isEmpty(), "axe-core on /sparql?lang=" + lang + ":\n" + String.join("\n", problems));
            driver.manage().window().setSize(new Dimension(390, 844));
            driver.get(base + "sparql?lang=" + lang);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#yasgui .CodeMirror")));
            long width = ((Number) js("return document.documentElement.scrollWidth;")).longValue();
            Object wide = js("var out = []; document.querySelectorAll('body *').forEach(function (e) { var r = e.getBoundingClientRect();"
                    + " if (r.right > 391 && getComputedStyle(e).display !== 'none') out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.right)); });"
                    + " return out.slice(0, 8).join('; ');");
            assertTrue(width <= 390, "the page is " + width + " px wide at 390 px (" + lang + "): " + wide);
            screenshot("query-390-" + lang);
        }
        driver.manage().window().setSize(new Dimension(1280, 1000));
    }

    @Test
    @Order(6)
    void everyRequestOfThePageWentToThisServer() {
        Set<String> origins = new HashSet<>();
        for (String url : Chromium.requests(driver)) origins.add(Chromium.origin(url));
        assertEquals(Set.of(Chromium.origin(base)), origins, "hosts the pages asked");
    }

    // ---- helpers ----

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    static String editorValue() {
        Object v = js("return window.aikgYasgui ? window.aikgYasgui.getTab().getYasqe().getValue() : '';");
        return v == null ? "" : v.toString();
    }

    static void setEditor(String text) {
        js("window.aikgYasgui.getTab().getYasqe().setValue(arguments[0]);", text);
    }

    static void runQuery() {
        driver.findElement(By.cssSelector("#yasgui .yasqe_queryButton")).click();
    }

    /** The serious and critical findings of axe-core on the page, one line each. */
    @SuppressWarnings("unchecked")
    static List<String> axe() throws IOException {
        js(Files.readString(AXE));
        Object result = ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                        + "  done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                        + "    .map(function (v) { return v.impact + ' ' + v.id + ': ' + v.help + ' — ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); }));"
                        + "}, function (e) { done(['axe failed: ' + e]); });");
        return (List<String>) result;
    }

    static Path waitForFile(String suffix) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            try (var files = Files.list(downloads)) {
                var found = files.filter(f -> f.toString().endsWith(suffix)).findFirst();
                if (found.isPresent() && Files.size(found.get()) > 0) return found.get();
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no " + suffix + " file was downloaded to " + downloads);
    }

    static void screenshot(String name) throws IOException {
        Files.write(screenshots.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    static URI uri(String s) {
        return URI.create(s);
    }
}

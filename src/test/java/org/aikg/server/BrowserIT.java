package org.aikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.aikg.store.Datasets;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The published site as a reader sees it: real headless Chromium (Debian's chromium and
 * chromium-driver) against an in-process server on a free port. Screenshots of the main pages go
 * to {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserIT {
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final String CHROMIUM = "/usr/bin/chromium";

    static final String EXPO = "2024 World Intelligence Expo";
    static final String REPORT = "Report on the Development of a New Generation of China's Artificial Intelligence Technology Industry in 2024";
    static final String CORE_SCALE = "Scale of the core artificial intelligence industry in China";
    static final String OBSERVATION_PATH = "/doc/observation/cn-ai-core-industry-scale-2023";

    @TempDir
    static Path tmp;

    static AikgServer server;
    static String base;
    static WebDriver driver;
    static WebDriverWait wait;
    static Path screenshots;

    @BeforeAll
    static void startServerAndBrowser() throws IOException {
        boolean present = Files.isExecutable(Path.of(CHROMEDRIVER)) && Files.isExecutable(Path.of(CHROMIUM));
        if (!present) {
            String msg = CHROMEDRIVER + " or " + CHROMIUM + " is missing: install Debian's chromium and chromium-driver";
            if ("true".equals(System.getenv("CI"))) fail("CI must install chromium for the browser test: " + msg);
            Assumptions.assumeTrue(false, "browser test skipped: " + msg);
        }
        // Selenium Manager is never consulted when the driver executable is given, but keep it
        // quiet (and offline) in any case.
        System.setProperty("SE_AVOID_STATS", "true");

        server = AikgServer.builder(Datasets.open(org.aikg.input.Graphs.of(List.of(Path.of("data"))))).port(0).build().start();
        base = "http://localhost:" + server.port() + "/";

        screenshots = Path.of("target", "screenshots").toAbsolutePath();
        Files.createDirectories(screenshots);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,1600",
                "--user-data-dir=" + Files.createDirectories(tmp.resolve("chromium-profile")),
                // The pages choose their language from Accept-Language: make English the default
                // whatever the machine's locale.
                "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    @AfterAll
    static void stopBrowserAndServer() {
        try {
            if (driver != null) driver.quit();
        } finally {
            if (server != null) server.stop();
        }
    }

    @Test
    @Order(1)
    void followsLinksFromHomeToTheExpoAndTheReport() throws IOException {
        open("");
        WebElement expoLink = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("ul.entry-points")))
                .findElement(By.linkText(EXPO));
        screenshot("home");
        expoLink.click();
        waitForH1(EXPO);
        assertEquals("/doc/event/world-intelligence-expo-2024", URI.create(driver.getCurrentUrl()).getPath());

        WebElement reportLink = propertyRow("work featured").findElements(By.cssSelector("td a")).stream()
                .filter(a -> a.getText().strip().equals(REPORT))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no link to the report in the \"work featured\" row"));
        screenshot("expo");
        reportLink.click();
        waitForH1(REPORT);
        assertEquals("/doc/report/cn-ai-technology-industry-development-report-2024", URI.create(driver.getCurrentUrl()).getPath());
    }

    @Test
    @Order(2)
    void followsAStatisticFromHomeAndShowsTheSourceSentenceHighlighted() throws IOException {
        open("");
        WebElement statistic = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.statistics")))
                .findElement(By.linkText(CORE_SCALE));
        statistic.click();
        wait.until(ExpectedConditions.urlContains(OBSERVATION_PATH));
        waitForH1(CORE_SCALE + " (2023)");

        assertEquals("578.4 billion CNY", driver.findElement(By.cssSelector("p.figure")).getText().strip());
        WebElement mark = driver.findElement(By.cssSelector("blockquote.evidence mark"));
        assertTrue(mark.getText().startsWith("In 2023, the core industrial scale of artificial intelligence in China reached 578.4 billion Chinese yuan"),
                mark.getText());
        String background = mark.getCssValue("background-color");
        assertFalse(background.isBlank() || background.equals("transparent") || background.equals("rgba(0, 0, 0, 0)"),
                "the quoted sentence is not highlighted: background-color " + background);
        String footer = driver.findElement(By.cssSelector("blockquote.evidence footer")).getText();
        assertTrue(footer.contains("TapTechNews"), footer);
        assertTrue(footer.contains("2024-06-20"), footer);
        // The rest of the paragraph is there too, outside the mark.
        String paragraph = driver.findElement(By.cssSelector("blockquote.evidence p")).getText();
        assertNotEquals(mark.getText().strip(), paragraph.strip(), "the sentence is shown without its context");
        screenshot("observation-en");
    }

    @Test
    @Order(3)
    void switchesToChineseLabels() throws IOException {
        open(OBSERVATION_PATH.substring(1));
        waitForH1(CORE_SCALE + " (2023)");
        WebElement sw = driver.findElement(By.cssSelector("a#switch-lang"));
        assertEquals("中文", sw.getText().strip());
        sw.click();
        waitForH1("中国人工智能核心产业规模 (2023)");
        assertEquals("zh-Hans", driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("5784亿元", driver.findElement(By.cssSelector("p.figure")).getText().strip());
        List<String> labels = driver.findElements(By.cssSelector("table.properties th")).stream().map(th -> th.getText().strip()).toList();
        assertTrue(labels.contains("单位"), "property labels: " + labels);
        assertEquals("English", driver.findElement(By.cssSelector("a#switch-lang")).getText().strip());
        screenshot("observation-zh");

        open("?lang=zh");
        WebElement entryPoints = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ul.entry-points")));
        List<String> entries = entryPoints.findElements(By.tagName("a")).stream().map(a -> a.getText().strip()).toList();
        assertTrue(entries.contains("2024世界智能产业博览会"), "entry points: " + entries);
    }

    @Test
    @Order(4)
    void runsAnExampleQueryInTheEditorAndShowsItsRows() throws IOException {
        open("sparql");
        // The script replaces the textarea with a CodeMirror editor.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".CodeMirror")));
        Select examples = new Select(driver.findElement(By.cssSelector("select#example")));
        List<String> names = examples.getOptions().stream().map(o -> o.getAttribute("value")).toList();
        assertTrue(names.contains("statistics"), "example queries: " + names);

        examples.selectByValue("statistics");
        wait.until(d -> editorValue().contains("?variableName"));
        assertTrue(editorValue().contains("aikg:statedAs"), editorValue());
        String shown = driver.findElement(By.cssSelector(".CodeMirror")).getText();
        assertTrue(shown.contains("aikg:statedAs") || shown.contains("?statedAs"), "the editor shows: " + shown);

        driver.findElement(By.cssSelector("button#run")).click();
        WebElement results = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table#results")));
        List<WebElement> rows = results.findElements(By.cssSelector("tbody tr"));
        assertEquals(5, rows.size());
        assertTrue(rows.stream().anyMatch(r -> r.getText().contains("578400000000.0")), "no row with 578400000000.0");
        assertTrue(driver.findElement(By.cssSelector("#row-count")).getText().contains("5"), driver.findElement(By.cssSelector("#row-count")).getText());
        // The query that ran stays in the editor.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".CodeMirror")));
        wait.until(d -> editorValue().contains("aikg:statedAs"));
        screenshot("sparql-results");
    }

    // --- helpers -------------------------------------------------------------------------------

    static void open(String path) {
        driver.get(base + path);
    }

    static void waitForH1(String text) {
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), text));
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

    /** The text in the CodeMirror editor (the whole document, not only the lines on screen). */
    static String editorValue() {
        Object v = ((JavascriptExecutor) driver).executeScript(
                "var e = document.querySelector('.CodeMirror'); return e && e.CodeMirror ? e.CodeMirror.getValue() : '';");
        return v == null ? "" : v.toString();
    }

    static void screenshot(String name) throws IOException {
        Files.write(screenshots.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}

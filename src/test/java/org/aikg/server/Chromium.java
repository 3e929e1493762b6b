package org.aikg.server;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The headless Chromium the browser tests drive (Debian's chromium and chromium-driver): started as
 * the machine's closed network needs it, English by default, every request it makes in its
 * performance log.
 *
 * <pre>{@code
 * String missing = Chromium.missing();            // null when it can run
 * WebDriver driver = Chromium.start(profile, Map.of());
 * }</pre>
 */
final class Chromium {
    static final String CHROMEDRIVER = System.getProperty("aikg.chromedriver", "/usr/bin/chromedriver");
    static final String CHROMIUM = System.getProperty("aikg.chromium", "/usr/bin/chromium");
    static final Path AXE = Path.of("src/test/js/node_modules/axe-core/axe.min.js");

    private Chromium() {}

    /** Why the browser cannot run here, or null when it can. */
    static String missing() {
        if (!Files.isExecutable(Path.of(CHROMEDRIVER)) || !Files.isExecutable(Path.of(CHROMIUM))) {
            return CHROMEDRIVER + " or " + CHROMIUM + " is missing: install Debian's chromium and chromium-driver";
        }
        return null;
    }

    /** A new browser with its own profile folder; {@code prefs} add to the defaults (English, the log). */
    static WebDriver start(Path profile, Map<String, Object> prefs) throws IOException {
        // Selenium Manager is never consulted when the driver executable is given, but keep it quiet (and offline) in any case.
        System.setProperty("SE_AVOID_STATS", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,1600",
                "--user-data-dir=" + Files.createDirectories(profile),
                // the pages choose their language from Accept-Language: English whatever the machine's locale
                "--lang=en-US");
        Map<String, Object> all = new HashMap<>(Map.of("intl.accept_languages", "en-US,en"));
        all.putAll(prefs);
        options.setExperimentalOption("prefs", all);
        // every request the pages make shows in the performance log (Network.requestWillBeSent)
        options.setCapability("goog:loggingPrefs", Map.of(LogType.PERFORMANCE, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** The URLs the browser requested from the network since the last call (not its own chrome:// pages, nor data:). */
    static List<String> requests(WebDriver driver) {
        return requests(network(driver));
    }

    /** The URLs requested in these events of the log ({@link #network}). */
    static List<String> requests(List<JsonObject> events) {
        List<String> urls = new ArrayList<>();
        for (JsonObject message : events) {
            if (!message.get("method").getAsString().value().equals("Network.requestWillBeSent")) continue;
            String url = message.get("params").getAsObject().get("request").getAsObject().get("url").getAsString().value();
            if (url.startsWith("http:") || url.startsWith("https:") || url.startsWith("ws:") || url.startsWith("wss:")) urls.add(url);
        }
        return urls;
    }

    /** The events of the browser's performance log since the last call ({@code {"method": "Network.responseReceived", "params": …}}). */
    static List<JsonObject> network(WebDriver driver) {
        List<JsonObject> events = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) events.add(JSON.parse(e.getMessage()).get("message").getAsObject());
        return events;
    }

    /** The origin of a URL: {@code http://localhost:1234}. */
    static String origin(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getHost() + ":" + u.getPort();
    }
}

package org.aikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.nio.file.Path;
import org.aikg.TestCli;
import org.aikg.TestData;
import org.aikg.store.Tdb2Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first reader after a start is answered from what the server made while it started, and that work
 * never takes the cores from a client's request: the home page in each language is rendered and kept
 * with no request at all, and none of it is done while a request is being answered. What it saves is
 * measured in BENCHMARKS.md (the startup rows), not here: no clock is asserted, only the order (the
 * query held is one whose time limit ends it, and it cannot end before).
 */
@ExtendWith(NoStackTraceLogged.class)
class FirstReaderTest {
    /** The time limit of the second server: the time its one query is held. */
    static final Duration HELD = Duration.ofSeconds(4);
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theHomePageInEachLanguageIsKeptBeforeAnyoneAsksForIt() throws Exception {
        homePagesKept(AikgServer.builder(TestData.published(TestData.dataset())).port(0).build().start());
    }

    @Test
    void onATdb2StoreTooTheHomePageIsKeptBeforeAnyoneAsksForIt(@TempDir Path tmp) throws Exception {
        Path store = tmp.resolve("store");
        assertEquals(0, TestCli.run("load", "--tdb2", store.toString(), "data").code());
        homePagesKept(AikgServer.builder(Tdb2Store.open(store)).port(0).build().start());
    }

    private static void homePagesKept(AikgServer server) throws Exception {
        try {
            server.prepared().get(60, TimeUnit.SECONDS);
            assertTrue(server.homeKept("en"), "the English home page, kept");
            assertTrue(server.homeKept("zh"), "the Chinese home page, kept");
            HttpResponse<String> zh = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/"))
                    .header("Accept-Language", "zh-CN").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, zh.statusCode());
            assertTrue(zh.body().contains("<html lang=\"zh-Hans\">"), "the kept page is the Chinese one");
        } finally {
            server.stop();
        }
    }

    @Test
    void nothingOfItIsDoneWhileARequestIsBeingAnswered() throws Exception {
        // a query that backtracks for hours (BudgetTest's pattern): it is being answered until the time limit ends it
        AikgServer server = AikgServer.builder(TestData.published(TestData.dataset())).port(0).queryTimeout(HELD).build().start();
        try {
            CompletableFuture<HttpResponse<String>> held = http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
                    + "/sparql?query=" + URLEncoder.encode("SELECT * { BIND(" + BudgetTest.TEXT + " AS ?x) FILTER(REGEX(?x, " + BudgetTest.PATTERN
                    + ")) }", StandardCharsets.UTF_8))).header("Accept", "application/sparql-results+json").build(), HttpResponse.BodyHandlers.ofString());
            // longer than the server's first wait (AikgServer.QUIET_FIRST), shorter than the time limit, which the query cannot end before
            Thread.sleep(3 * AikgServer.QUIET_FIRST.toMillis());
            assertFalse(held.isDone(), "the query is still being answered");
            assertFalse(server.prepared().isDone(), "the server's own work waited for the request being answered");
            assertFalse(server.homeKept("en"), "no page was made while a request was being answered");
            assertEquals(503, held.get(60, TimeUnit.SECONDS).statusCode(), "the query, ended by the time limit");
            server.prepared().get(60, TimeUnit.SECONDS);
            assertTrue(server.homeKept("en"), "made once the request was answered");
        } finally {
            server.stop();
        }
    }
}

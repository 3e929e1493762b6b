package org.aikg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Start-up is deterministic: Jena is initialised once, on the main thread, before the thread that
 * warms Fuseki up touches it (the two once deadlocked in Jena's class initialisers, about one start in
 * 30, the server hanging at "loading data ..."). Fifty starts of the jar, each in its own JVM, two at a
 * time: every one prints its address and answers a query.
 */
class StartupIT {
    static final int STARTS = 50;

    @Test
    void fiftyStartsEachAnswer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<Future<Integer>> starts = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            starts.add(pool.submit(() -> {
                try (ServedJar jar = ServedJar.start("data")) {
                    return http.send(HttpRequest.newBuilder(URI.create(jar.url() + "sparql?query=ASK%7B%7D")).timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                }
            }));
        }
        int i = 0;
        for (Future<Integer> f : starts) {
            assertEquals(200, f.get(120, TimeUnit.SECONDS), "start " + i++);
        }
        pool.shutdown();
    }
}

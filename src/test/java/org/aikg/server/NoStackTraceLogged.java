package org.aikg.server;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test whose requests made the server log a warning or a stack trace: what a client sends is
 * answered with a one-line refusal at most, never logged as a fault. The server logs to standard error
 * (slf4j-simple), which is captured during each test and then passed on.
 *
 * <pre>{@code
 * @ExtendWith(NoStackTraceLogged.class)
 * class RefusalsTest { ... }
 * }</pre>
 */
final class NoStackTraceLogged implements BeforeEachCallback, AfterEachCallback {
    private PrintStream real;
    private ByteArrayOutputStream log;

    @Override
    public void beforeEach(ExtensionContext context) {
        real = System.err;
        log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setErr(real);
        String text = log.toString(StandardCharsets.UTF_8);
        real.print(text);
        assertFalse(text.contains("\tat ") || text.contains("Exception") || text.contains("Error:") || text.contains("WARN"),
                "a client's request logged a warning or a stack trace:\n" + text);
    }
}

package org.aikg.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The width of the terminal standard output goes to, or 0 when it goes elsewhere (a pipe, a file):
 * {@code COLUMNS} when the shell exports it, else what {@code stty size} says of {@code /dev/tty}.
 * Java has no call for it; {@code stty} is on every machine that has a terminal.
 */
final class Terminal {
    private Terminal() {}

    static int width() {
        if (System.console() == null) return 0;
        String columns = System.getenv("COLUMNS");
        if (columns != null && columns.matches("\\d{1,5}")) return Integer.parseInt(columns);
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty")).redirectErrorStream(true).start();
            String[] size = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().split("\\s+");
            if (!p.waitFor(2, TimeUnit.SECONDS) || size.length != 2 || !size[1].matches("\\d{1,5}")) return 0;
            return Integer.parseInt(size[1]);
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}

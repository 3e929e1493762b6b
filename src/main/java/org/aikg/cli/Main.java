package org.aikg.cli;

import java.util.Arrays;

/** The {@code aikg} command: {@code java -jar aikg.jar --help}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Logging.configure(Arrays.asList(args).contains("-v") || Arrays.asList(args).contains("--verbose"));
        int code = Cli.commandLine(System.out, System.err).execute(args);
        System.exit(code);
    }
}

package org.aikg;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.aikg.cli.Cli;

/** Runs the command line exactly as {@code main} builds it, capturing what it writes. */
public final class TestCli {
    private TestCli() {}

    /** The outcome of one run: exit code, standard output (bytes and text), standard error. */
    public record Run(int code, byte[] outBytes, String err) {
        public String out() {
            return new String(outBytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- out:\n" + out() + "\n--- err:\n" + err;
        }
    }

    public static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int code = Cli.commandLine(o, e).execute(args);
            o.flush();
            e.flush();
            return new Run(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
        }
    }
}

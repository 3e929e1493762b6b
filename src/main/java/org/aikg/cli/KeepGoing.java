package org.aikg.cli;

import picocli.CommandLine.Option;

/** The {@code --keep-going} of the commands that read many sheets (convert, load, publish), declared once. */
final class KeepGoing {
    @Option(names = "--keep-going", description = "Go on past a bad sheet: the good ones are written (loaded, published), the bad ones "
            + "listed at the end, exit 1. Without it the first bad sheet stops the run and nothing is written.")
    boolean on;
}

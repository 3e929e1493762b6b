package org.aikg.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top command: lists the others. */
@Command(name = "aikg", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Publishes facts from source documents as a knowledge graph: fact sheets -> RDF (convert), checked against the shapes (validate), queried (query).",
        footer = {"", "Exit codes: 0 done, 1 the data is bad, 2 the command line is bad, 3 another failure (I/O).",
                "Run 'aikg COMMAND --help' for a command's options."})
final class AikgCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "Log more, and show stack traces of failures.")
    boolean verbose;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

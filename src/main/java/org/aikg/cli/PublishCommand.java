package org.aikg.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.aikg.store.Publisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "publish", mixinStandardHelpOptions = true,
        header = "Put the graphs into a SPARQL 1.1 Graph Store (Fuseki, GraphDB, Virtuoso, ...).",
        description = "Converts the data and PUTs each source's named graph and the dataset's graph into the store with the SPARQL 1.1 "
                + "Graph Store Protocol (PUT ?graph=IRI): publishing again changes nothing. Connection failures and 5xx answers are "
                + "retried with growing pauses. Credentials come from --credentials FILE (\"user:password\" on its first line) or from "
                + "AIKG_PUBLISH_USER and AIKG_PUBLISH_PASSWORD, never from the command line.",
        footer = {"", "Examples:", "  aikg publish --endpoint http://localhost:3030/ds data",
                "  AIKG_PUBLISH_USER=admin AIKG_PUBLISH_PASSWORD=... aikg publish --endpoint https://kg.example.org/ds"})
final class PublishCommand implements Runnable {
    private final Cli.Io io;

    @Option(names = "--endpoint", required = true, paramLabel = "URL",
            description = "The store's dataset URL (for Fuseki, http://host:3030/NAME). Also the Graph Store URL unless --graph-store is given.")
    URI endpoint;

    @Option(names = "--graph-store", paramLabel = "URL", description = "A separate Graph Store Protocol URL (e.g. http://host:3030/NAME/data).")
    URI graphStore;

    @Option(names = "--credentials", paramLabel = "FILE", description = "A file with \"user:password\" on its first line.")
    Path credentials;

    @Option(names = "--retries", defaultValue = "8", paramLabel = "N", description = "Tries per graph (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--keep-going", description = "Publish the good sheets and list the bad ones (exit 1) instead of stopping at the first.")
    boolean keepGoing;

    @Parameters(paramLabel = "DATA", arity = "0..*", description = "Data folders or fact sheets, or one RDF file. Default: data")
    List<Path> data = List.of(Path.of("data"));

    PublishCommand(Cli.Io io) {
        this.io = io;
    }

    @Override
    public void run() {
        Optional<Publisher.Credentials> creds = credentials != null ? Optional.of(Publisher.readCredentials(credentials))
                : Publisher.credentialsFromEnvironment(System.getenv());
        URI target = graphStore != null ? graphStore : endpoint;
        Publisher publisher = Publisher.to(target).credentials(creds).retries(retries, Duration.ofMillis(500));
        Publisher.Stats s;
        try (Progress progress = new Progress("publish")) {
            s = publisher.publish(data, progress, keepGoing);
        }
        io.err().printf("published %d graph%s, %d triples, to %s in %.1f s (%d retr%s)%n", s.graphs(), s.graphs() == 1 ? "" : "s", s.triples(),
                target, s.millis() / 1000.0, s.retries(), s.retries() == 1 ? "y" : "ies");
        Summary.failures(io, s.failures());
    }
}

package org.aikg.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.aikg.input.Graphs;
import org.aikg.store.Publisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "publish", mixinStandardHelpOptions = true,
        header = "Put the graphs into a SPARQL 1.1 Graph Store (Fuseki, GraphDB, Virtuoso, ...).",
        description = {"Converts the data and PUTs each source's named graph and the dataset's graph into the store with the SPARQL 1.1 "
                + "Graph Store Protocol (PUT ?graph=IRI): publishing again changes nothing. Connection failures, 5xx answers and tries "
                + "that run out of time are retried with growing pauses (0.5 s, doubling, at most 8 s), each failed try reported on a "
                + "line that says what failed and when the next try is. Credentials come from --credentials FILE (\"user:password\" "
                + "on its first line) or from AIKG_PUBLISH_USER and AIKG_PUBLISH_PASSWORD, never from the command line or the URL.",
                "",
                "Time is bounded: each try has --timeout for the whole exchange (connecting, sending the graph, reading the whole "
                + "answer), and the whole publish stops after --max-time. With the defaults a store that never answers is given up "
                + "after 8 tries, about 8.5 minutes for a graph, and no publish runs longer than 30 minutes."},
        footer = {"", "Examples:", "  aikg publish --endpoint http://localhost:3030/ds data",
                "  AIKG_PUBLISH_USER=admin AIKG_PUBLISH_PASSWORD=... aikg publish --endpoint https://kg.example.org/ds --timeout 2m"})
final class PublishCommand implements Runnable {
    private final Cli.Io io;

    @Option(names = "--endpoint", required = true, paramLabel = "URL",
            description = "The store's dataset URL (for Fuseki, http://host:3030/NAME). Also the Graph Store URL unless --graph-store is given.")
    String endpoint;

    @Option(names = "--graph-store", paramLabel = "URL", description = "A separate Graph Store Protocol URL (e.g. http://host:3030/NAME/data).")
    String graphStore;

    @Option(names = "--credentials", paramLabel = "FILE", description = "A file with \"user:password\" on its first line.")
    Path credentials;

    @Option(names = "--retries", defaultValue = "8", paramLabel = "N", description = "Tries per graph (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--timeout", defaultValue = "60s", paramLabel = "DURATION",
            description = "Time for one try, from connecting to the last byte of the answer (default: ${DEFAULT-VALUE}; e.g. 500ms, 30s, 2m).")
    String timeout;

    @Option(names = "--max-time", defaultValue = "30m", paramLabel = "DURATION",
            description = "Time for the whole publish, conversion and pauses included (default: ${DEFAULT-VALUE}; at most 24h).")
    String maxTime;

    @Mixin
    KeepGoing keepGoing;

    @Parameters(paramLabel = "DATA", arity = "0..*", description = "Data folders or fact sheets, or one RDF file. Default: data")
    List<Path> data = List.of(Path.of("data"));

    PublishCommand(Cli.Io io) {
        this.io = io;
    }

    @Override
    public void run() {
        String target = graphStore != null ? graphStore : endpoint;
        Publisher publisher = Publisher.to(endpoint);  // refuses credentials in the URL even when --graph-store is the one used
        if (graphStore != null) publisher = Publisher.to(graphStore);
        publisher = publisher.retries(retries, Duration.ofMillis(500))
                .timeout(Durations.parse("--timeout", timeout)).maxTime(Durations.parse("--max-time", maxTime))
                .onFailedTry(line -> {
                    io.err().println("aikg: " + line);
                    io.err().flush();
                });
        Optional<Publisher.Credentials> creds = credentials != null ? Optional.of(Publisher.readCredentials(credentials))
                : Publisher.credentialsFromEnvironment(System.getenv());
        publisher = publisher.credentials(creds);
        Publisher.Stats s;
        try (Progress progress = new Progress("publish")) {
            s = publisher.publish(Graphs.of(data).keepGoing(keepGoing.on).progress(progress));
        }
        io.err().printf("published %d graph%s, %d triples, to %s in %.1f s (%d retr%s)%n", s.graphs(), s.graphs() == 1 ? "" : "s", s.triples(),
                target, s.millis() / 1000.0, s.retries(), s.retries() == 1 ? "y" : "ies");
        Summary.failures(io, s.failures());
    }
}

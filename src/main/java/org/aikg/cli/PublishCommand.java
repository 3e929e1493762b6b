package org.aikg.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.aikg.AikgException;
import org.aikg.UsageException;
import org.aikg.input.Graphs;
import org.aikg.release.Releases;
import org.aikg.release.Version;
import org.aikg.store.Publisher;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "publish", mixinStandardHelpOptions = true,
        header = "Put the graphs into a SPARQL 1.1 Graph Store (Fuseki, GraphDB, Virtuoso, ...).",
        description = {"Converts the data and PUTs each source's named graph and the dataset's graph into the store with the SPARQL 1.1 "
                + "Graph Store Protocol (PUT ?graph=IRI). Connection failures, 5xx answers and tries "
                + "that run out of time are retried with growing pauses (0.5 s, doubling, at most 8 s), each failed try reported on a "
                + "line that says what failed and when the next try is. Credentials come from --credentials FILE (\"user:password\" "
                + "on its first line) or from AIKG_PUBLISH_USER and AIKG_PUBLISH_PASSWORD, never from the command line or the URL.",
                "",
                "Only the change is sent. For each store, publish keeps what it last sent (each graph's IRI and a SHA-256 of its "
                + "triples) in a file in the --state folder, named by a hash of the store's URL, written once the graphs were sent. "
                + "The next publish PUTs only the new and changed graphs, DELETEs (?graph=IRI) the graphs it sent before that are no "
                + "longer in the data (none when --keep-going left sources out), and sends nothing when nothing changed. Before it "
                + "replaces or deletes a graph it sent before, it reads the store's copy back (GET) and stops, exit 1, naming the "
                + "graph, if someone else changed or removed it since; --force overwrites. Without the file (a new --state folder), "
                + "every graph is sent and none deleted.",
                "",
                "Time is bounded: each try has --timeout for the whole exchange (connecting, sending the graph, reading the whole "
                + "answer), and the whole publish stops after --max-time. With the defaults a store that never answers is given up "
                + "after 8 tries, about 8.5 minutes for a graph, and no publish runs longer than 30 minutes."},
        footer = {"", "Examples:", "  aikg publish --endpoint http://localhost:3030/ds data",
                "  aikg publish --endpoint http://localhost:3030/ds --dry-run data",
                "  aikg publish --endpoint http://localhost:3030/ds --patch releases",
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

    @Option(names = "--state", defaultValue = ".aikg-publish", paramLabel = "DIR",
            description = "Where to keep what was last sent to each store, one file a store (default: ${DEFAULT-VALUE} in the current folder).")
    Path state;

    @Option(names = "--dry-run", description = "Print what would be sent (PUT new or changed, DELETE removed, how many unchanged) and send nothing.")
    boolean dryRun;

    @Option(names = "--full", description = "Send every graph, changed or not (and delete the removed ones), and write the record afresh.")
    boolean full;

    @Option(names = "--force", description = "Do not read the store's copies back first: replace or delete graphs someone else changed.")
    boolean force;

    @Option(names = "--patch", paramLabel = "RELEASES", description = "Send the last release in RELEASES (the folder of 'aikg release -o "
            + "RELEASES') as its RDF Patch, in one request to the store's patch service, applied there in one transaction. The record "
            + "(--state) must say the store holds the release before it, as a publish of that release's data leaves it; DATA is not read.")
    Path patch;

    @Option(names = "--patch-service", paramLabel = "URL", description = "The store's RDF Patch service (default: ENDPOINT/patch, Fuseki's "
            + "fuseki:patch operation).")
    String patchService;

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
        publisher = publisher.credentials(creds).state(state).full(full).force(force);
        if (patch != null) {
            publishPatch(publisher, target);
            return;
        }
        if (dryRun) {
            Publisher.Plan plan;
            try (Progress progress = new Progress("publish")) {
                plan = publisher.plan(Graphs.of(data).keepGoing(keepGoing.on).progress(progress));
            }
            plan.changes().forEach(io.out()::println);
            io.out().println(plan.unchanged() + " unchanged");
            long puts = plan.changes().stream().filter(c -> c.kind().method().equals("PUT")).count();
            long deletes = plan.changes().size() - puts;
            io.err().printf("dry run: %d PUT%s and %d DELETE%s for %s, %d graph%s unchanged%s; nothing sent%n", puts, puts == 1 ? "" : "s", deletes,
                    deletes == 1 ? "" : "s", target, plan.unchanged(), plan.unchanged() == 1 ? "" : "s", kept(plan.kept()));
            Summary.failures(io, plan.failures());
            return;
        }
        Publisher.Stats s;
        try (Progress progress = new Progress("publish")) {
            s = publisher.publish(Graphs.of(data).keepGoing(keepGoing.on).progress(progress));
        }
        if (s.graphs() + s.deleted() == 0) {
            io.err().printf("nothing to publish: the %d graph%s %s as last sent to %s (%.1f s)%s%n", s.unchanged(), s.unchanged() == 1 ? "" : "s",
                    s.unchanged() == 1 ? "is" : "are", target, s.millis() / 1000.0, kept(s.kept()));
        } else {
            io.err().printf("published %d graph%s, %d triples, to %s in %.1f s (%d retr%s); %d deleted, %d unchanged%s%n", s.graphs(),
                    s.graphs() == 1 ? "" : "s", s.triples(), target, s.millis() / 1000.0, s.retries(), s.retries() == 1 ? "y" : "ies", s.deleted(),
                    s.unchanged(), kept(s.kept()));
        }
        Summary.failures(io, s.failures());
    }

    /** Sends the last release of {@link #patch} as its RDF Patch. */
    private void publishPatch(Publisher publisher, String target) {
        if (dryRun || full) throw new UsageException("--patch sends one release's patch: it does not go with " + (dryRun ? "--dry-run" : "--full"));
        Releases releases = Releases.at(patch);
        List<Version> all = releases.all();
        if (all.isEmpty()) throw new UsageException("--patch: no release in " + patch + " (make one with aikg release VERSION -o " + patch + ")");
        Version last = all.get(all.size() - 1);
        DatasetGraph from = all.size() == 1 ? DatasetGraphFactory.create() : releases.read(all.get(all.size() - 2));
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(releases.folder(last).resolve(Releases.PATCH));
        } catch (IOException e) {
            throw new AikgException("cannot read the patch of release " + last.name() + ": " + e.getMessage(), e);
        }
        URI service;
        try {
            service = new URI(patchService != null ? patchService : endpoint.replaceAll("/+$", "") + "/patch");
        } catch (URISyntaxException e) {
            throw new UsageException("--patch-service: bad URL \"" + patchService + "\": " + e.getReason());
        }
        Publisher.Stats s = publisher.publishPatch(from, releases.read(last), bytes, last.name(), service);
        if (s.graphs() + s.deleted() == 0) {
            io.err().printf("nothing to publish: the record says %s holds release %s already%n", target, last.name());
            return;
        }
        io.err().printf("published release %s as its patch (%,d bytes, one request to %s) in %.1f s: %d graph%s changed, %d deleted, %d unchanged%n",
                last.name(), bytes.length, service, s.millis() / 1000.0, s.graphs(), s.graphs() == 1 ? "" : "s", s.deleted(), s.unchanged());
    }

    /** The graphs of the record no longer in the data that were not deleted, because sources were left out and they may be theirs. */
    private static String kept(int kept) {
        return kept == 0 ? "" : "; " + kept + " graph" + (kept == 1 ? "" : "s") + " no longer in the data kept, as sources were left out";
    }
}

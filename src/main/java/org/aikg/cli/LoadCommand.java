package org.aikg.cli;

import java.nio.file.Path;
import java.util.List;
import org.aikg.input.Graphs;
import org.aikg.store.Tdb2Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "load", mixinStandardHelpOptions = true,
        header = "Load the data into a TDB2 store, for 'aikg serve --tdb2'.",
        description = "Converts fact sheets (or reads one RDF file, such as an N-Quads dump) and loads each source's named graph "
                + "into a TDB2 store, replacing the graph if it is there. The whole load is one transaction: loading again gives the "
                + "same store, and a load that fails leaves the store as it was.",
        footer = {"", "Examples:", "  aikg load --tdb2 store data", "  aikg serve --tdb2 store"})
final class LoadCommand implements Runnable {
    private final Cli.Io io;

    @Option(names = "--tdb2", required = true, paramLabel = "DIR", description = "The TDB2 store folder (created if missing).")
    Path store;

    @Parameters(paramLabel = "DATA", arity = "0..*", description = "Data folders or fact sheets, or one RDF file. Default: data")
    List<Path> data = List.of(Path.of("data"));

    @Mixin
    KeepGoing keepGoing;

    LoadCommand(Cli.Io io) {
        this.io = io;
    }

    @Override
    public void run() {
        Tdb2Store.Stats s;
        try (Progress progress = new Progress("load")) {
            s = Tdb2Store.load(store, Graphs.of(data).keepGoing(keepGoing.on).progress(progress));
        }
        for (String note : s.notes()) io.err().println("aikg: note: " + note);
        io.err().printf("loaded %d graph%s, %d quads, into %s in %.1f s (%d written, %d unchanged)%n", s.graphs(), s.graphs() == 1 ? "" : "s",
                s.quads(), store, s.millis() / 1000.0, s.graphs() - s.unchanged(), s.unchanged());
        Summary.failures(io, s.failures());
    }
}

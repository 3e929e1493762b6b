package org.aikg.cli;

import java.nio.file.Path;
import java.util.List;
import org.aikg.UsageException;
import org.aikg.input.Graphs;
import org.aikg.query.NamedQueries;
import org.aikg.query.NamedQuery;
import org.aikg.query.QueryRunner;
import org.aikg.store.Datasets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "query", mixinStandardHelpOptions = true,
        header = "Run a named query or a .rq file over the data.",
        description = "Runs a named query (from queries/, bundled) or a .rq file over the data, converted in memory, or over an RDF file. 'aikg query --list' shows the named queries.",
        footer = {"", "Examples:", "  aikg query statistics", "  aikg query my.rq data --format csv"})
final class QueryCommand implements Runnable {
    private final Cli.Io io;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME|FILE", description = "A named query or a .rq file.")
    String query;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "DATA", description = "Data folders, fact sheets or one RDF file. Default: data")
    List<Path> data = List.of(Path.of("data"));

    @Option(names = {"-f", "--format"}, defaultValue = "table", paramLabel = "FORMAT",
            description = "table, csv, tsv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--width", paramLabel = "N", description = "The widest a table may be, in columns (default: the terminal's width "
            + "on a terminal, else no limit; 0: no limit). Wider columns are cut with '…'.")
    Integer width;

    @Option(names = {"-l", "--list"}, description = "List the named queries with their titles.")
    boolean list;

    QueryCommand(Cli.Io io) {
        this.io = io;
    }

    @Override
    public void run() {
        NamedQueries queries = NamedQueries.bundled();
        if (list || query == null) {
            for (NamedQuery q : queries.all()) io.out().printf("%-28s %s%n", q.name(), q.title());
            return;
        }
        NamedQuery q = queries.resolve(query);
        QueryRunner.Format f = QueryRunner.Format.named(format);
        if (width != null && (width < 0 || width > 100_000)) throw new UsageException("--width must be 0 to 100000, not " + width);
        Graphs graphs = Graphs.of(data);
        QueryRunner.run(Datasets.read(graphs), q.query(query), f, io.out(), graphs.prefixes(), width != null ? width : Terminal.width());
        io.out().flush();
    }
}

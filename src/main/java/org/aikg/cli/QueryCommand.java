package org.aikg.cli;

import java.nio.file.Path;
import java.util.List;
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
        QueryRunner.run(Datasets.read(org.aikg.input.Graphs.of(data)), q.query(query), f, io.out());
        io.out().flush();
    }
}

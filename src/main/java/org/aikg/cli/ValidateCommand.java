package org.aikg.cli;

import java.nio.file.Path;
import java.util.List;
import org.aikg.DataException;
import org.aikg.input.Graphs;
import org.aikg.store.Datasets;
import org.aikg.validate.Validator;
import org.apache.jena.sparql.core.DatasetGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        header = "Check the data against the SHACL shapes; exit 1 if it does not conform.",
        description = "Checks fact sheets (converted in memory) or an RDF file against aikg's SHACL shapes and reports each problem on a line. Exits 1 when the graph does not conform.",
        footer = {"", "Examples:", "  aikg validate data", "  aikg validate out.ttl"})
final class ValidateCommand implements Runnable {
    private final Cli.Io io;

    @Parameters(paramLabel = "DATA|FILE", arity = "0..*",
            description = "Data folders or fact sheets, or one RDF file (Turtle, N-Triples, JSON-LD, RDF/XML, TriG or N-Quads, known by its extension). Default: data")
    List<Path> inputs = List.of(Path.of("data"));

    ValidateCommand(Cli.Io io) {
        this.io = io;
    }

    @Override
    public void run() {
        long start = System.nanoTime();
        DatasetGraph dsg;
        Graphs graphs;
        try (Progress progress = new Progress("validate")) {
            graphs = Graphs.of(inputs).unchecked().progress(progress);
            dsg = Datasets.read(graphs);
        }
        var prefixes = graphs.prefixes();
        Validator.Result r = Validator.bundled().validate(dsg.getDefaultGraph(), prefixes);
        r.lines().forEach(io.out()::println);
        long size = dsg.getDefaultGraph().size();
        if (!r.conforms()) {
            throw new DataException("the graph does not conform to the shapes: " + r.lines().size() + " problem"
                    + (r.lines().size() == 1 ? "" : "s") + " in " + size + " triples");
        }
        io.out().printf("conforms: %d triples checked against the shapes in %.1f s%n", size, (System.nanoTime() - start) / 1e9);
    }
}

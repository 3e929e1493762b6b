package org.aikg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aikg.AikgException;
import org.aikg.format.Format;
import org.aikg.format.Formats;
import org.aikg.input.Graphs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "convert", mixinStandardHelpOptions = true,
        header = "Convert fact sheets to RDF (Turtle, N-Triples, JSON-LD, RDF/XML, TriG, N-Quads).",
        description = "Converts fact sheets to RDF: one named graph per source, each fact linked to the passage of text it came from. Turtle, N-Triples, JSON-LD and RDF/XML hold the union of the graphs; TriG and N-Quads keep them apart. The output is sorted: the same input gives the same bytes. Nothing is written unless the whole conversion succeeds. Each sheet's graph is kept in .FILE.aikg-cache beside the output, so that converting again after an edit reads only the sheets that changed.",
        footer = {"", "Examples:", "  aikg convert data -o out.ttl", "  aikg convert data -o - --format nq | gzip > out.nq.gz"})
final class ConvertCommand implements Runnable {
    private final Cli.Io io;

    @Parameters(paramLabel = "DATA", arity = "0..*", description = "Data folders (with dataset.yaml) or fact sheets. Default: data")
    List<Path> data = List.of(Path.of("data"));

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
            description = "Output file, or - for standard output. A regular file (replaced whole, keeping its permissions) or a new path; "
                    + "symbolic links, folders, devices and FIFOs are refused.")
    String output;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "ttl, nt, jsonld, rdf, trig or nq. Default: from the output's extension (ttl for -).")
    String format;

    @Mixin
    KeepGoing keepGoing;

    ConvertCommand(Cli.Io io) {
        this.io = io;
    }

    @Override
    public void run() {
        try {
            convert();
        } catch (IOException e) {
            throw new AikgException("cannot write to standard output: " + e.getMessage(), e);
        }
    }

    /** The cache of an output: {@code .NAME.aikg-cache} beside it. */
    static Path cacheOf(Path out) {
        Path abs = out.toAbsolutePath();
        return abs.getParent().resolve("." + abs.getFileName() + ".aikg-cache");
    }

    private void convert() throws IOException {
        boolean stdout = output.equals("-");
        Format f = format != null ? Formats.named(format) : stdout ? Formats.TURTLE : Formats.fileFormat(Path.of(output));
        Graphs.Stats s;
        try (Progress progress = new Progress("convert")) {
            Graphs converter = Graphs.of(data).keepGoing(keepGoing.on).progress(progress);
            if (stdout) {
                // through a temporary file, so that a failing run writes nothing to standard output either
                Path tmp = Files.createTempFile("aikg-convert-", "." + f.suffix());
                tmp.toFile().deleteOnExit();  // also when the run is stopped with Ctrl-C or SIGTERM
                try {
                    s = converter.write(tmp, f);
                    Files.copy(tmp, io.out());
                    io.out().flush();
                } finally {
                    Files.deleteIfExists(tmp);
                }
            } else {
                Path out = Path.of(output);
                // each sheet's graph is kept beside the output, so that converting again after an edit reads only what changed
                s = converter.cache(cacheOf(out)).write(out, f);
            }
        }
        for (String note : s.notes()) io.err().println("aikg: note: " + note);
        io.err().printf("converted %d source%s, %d triples, to %s in %.1f s%s%n", s.sources(), s.sources() == 1 ? "" : "s",
                s.triples(), stdout ? "standard output" : output, s.millis() / 1000.0,
                s.cached() > 0 ? " (" + s.cached() + " unchanged sheet" + (s.cached() == 1 ? "" : "s") + " from the cache)" : "");
        Summary.failures(io, s.failures());
    }
}

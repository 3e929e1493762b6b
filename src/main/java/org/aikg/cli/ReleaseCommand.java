package org.aikg.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.aikg.DataException;
import org.aikg.UsageException;
import org.aikg.input.Graphs;
import org.aikg.release.Releases;
import org.aikg.release.Version;
import org.aikg.store.Datasets;
import org.aikg.validate.Validator;
import org.apache.jena.sparql.core.DatasetGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "release", mixinStandardHelpOptions = true,
        header = "Make an immutable release of the data: its dumps, an RDF Patch from the last release, and its description.",
        description = {"Converts and validates the data, then writes release VERSION into DIR/VERSION: the graph in every format aikg writes, "
                + "changes.rdfp (an RDF Patch from the previous release, which applied to it gives this one) and, in the dataset's graph, "
                + "the release's description (dcat:isVersionOf, pav:version, dct:issued, dcat:previousVersion, and adms:versionNotes saying how "
                + "many statistics, claims and things were added, changed and removed). DIR/releases.tsv lists the releases, oldest first.",
                "A release that exists is never written again; data that does not conform to the shapes is not released."},
        footer = {"", "Examples:", "  aikg release 2024.07 data -o releases", "  aikg release v2 data -o releases --date 2024-08-01"})
final class ReleaseCommand implements Runnable {
    private final Cli.Io io;

    @Parameters(index = "0", paramLabel = "VERSION", description = "The release's name: letters, digits, '.', '-', '_' (such as 2024.07).")
    String version;

    @Parameters(index = "1..*", paramLabel = "DATA", description = "Data folders or fact sheets, or one RDF file. Default: data")
    List<Path> data = List.of(Path.of("data"));

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "The folder of the releases (created if missing).")
    Path output;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The release's day (default: today).")
    String date;

    ReleaseCommand(Cli.Io io) {
        this.io = io;
    }

    @Override
    public void run() {
        Version v = Version.named(version, day());
        Releases releases = Releases.at(output);
        Graphs graphs;
        DatasetGraph dsg;
        try (Progress progress = new Progress("release")) {
            graphs = Graphs.of(data).progress(progress);
            dsg = Datasets.read(graphs);
        }
        Validator.Result r = Validator.bundled().validate(dsg.getDefaultGraph(), graphs.prefixes());
        if (!r.conforms()) {
            r.lines().forEach(io.err()::println);
            throw new DataException("not released: the graph does not conform to the shapes (" + r.lines().size() + " problem"
                    + (r.lines().size() == 1 ? "" : "s") + ")");
        }
        Releases.Made made = releases.make(v, dsg, graphs.description().base(), graphs.prefixes());
        io.err().println("released " + v.name() + " (" + v.date() + ") to " + made.folder() + ": "
                + made.previous().map(p -> "from " + p.name()).orElse("the first release") + ", " + made.facts().notes() + "; the patch removes "
                + made.patch().removed().size() + " and adds " + made.patch().added().size() + " quads");
    }

    private LocalDate day() {
        if (date == null) return LocalDate.now();
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new UsageException("--date must be YYYY-MM-DD, not \"" + date + "\"");
        }
    }
}

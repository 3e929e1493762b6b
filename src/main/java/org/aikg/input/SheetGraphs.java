package org.aikg.input;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aikg.convert.Converter;
import org.aikg.convert.Iris;
import org.aikg.format.Format;
import org.aikg.source.DatasetInfo;
import org.aikg.source.SourceSet;
import org.apache.jena.graph.Node;

/**
 * Fact sheets as graphs: each source converted to its graph (through a cache, when one is given),
 * and the dataset's graph, described by {@code dataset.yaml}.
 */
record SheetGraphs(List<Path> inputs, SourceSet sheets, boolean keepGoing, Graphs.Progress progressTo, Path cacheFolder) implements Graphs {
    SheetGraphs {
        inputs = List.copyOf(inputs);
    }

    SheetGraphs(List<Path> inputs, SourceSet sheets) {
        this(inputs, sheets, false, Progress.NONE, null);
    }

    @Override
    public Graphs keepGoing(boolean keepGoing) {
        return new SheetGraphs(inputs, sheets, keepGoing, progressTo, cacheFolder);
    }

    @Override
    public Graphs progress(Progress progress) {
        return new SheetGraphs(inputs, sheets, keepGoing, progress, cacheFolder);
    }

    @Override
    public Graphs cache(Path folder) {
        return new SheetGraphs(inputs, sheets, keepGoing, progressTo, folder);
    }

    @Override
    public Graphs unchecked() {
        return this;
    }

    @Override
    public boolean isRdfFile() {
        return false;
    }

    @Override
    public Description description() {
        DatasetInfo d = sheets.dataset();
        Map<String, String> title = new TreeMap<>();
        d.title().forEach(t -> title.putIfAbsent(t.lang(), t.value()));
        return new Description(d.base(), title, d.license());
    }

    @Override
    public Map<String, String> prefixes() {
        return new Iris(sheets.dataset().base()).prefixes();
    }

    @Override
    public Stats forEachGraph(Sink sink) {
        return stats(converter().forEachPart((name, key, size, triples) -> sink.graph(new Part(name, key, true, size, triples))));
    }

    @Override
    public Stats forEachWholeGraph(Sink sink) {
        return forEachGraph(sink);
    }

    @Override
    public Stats write(Path out, Format format) {
        return stats(converter().write(out, format));
    }

    @Override
    public boolean isFileGraph(Node graph) {
        return false;
    }

    private Converter converter() {
        Converter c = Converter.of(sheets).keepGoing(keepGoing).progress(progressTo::done);
        return cacheFolder != null ? c.cache(cacheFolder) : c;
    }

    private static Stats stats(Converter.Stats s) {
        return new Stats(s.sources(), s.triples(), s.millis(), s.failures(), s.cached(), s.notes());
    }
}

package org.aikg.source;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import org.aikg.source.FactSheet.Text;

/**
 * The dataset descriptor ({@code dataset.yaml}): what the published graph is, under which
 * canonical base IRI, on which licence, by whom.
 *
 * <pre>{@code
 * DatasetInfo info = Sources.scan(List.of(Path.of("data"))).dataset();
 * String base = info.base();   // "https://w3id.org/ai-industry-kg/"
 * }</pre>
 */
public record DatasetInfo(Path file, String id, String base, List<Text> title, List<Text> description,
        String license, String publisherId, List<Text> publisherName) {

    public DatasetInfo {
        requireNonNull(file, "file");
        requireNonNull(id, "id");
        requireNonNull(base, "base");
        String problem = BaseIri.problem(base);
        if (problem != null) throw new IllegalArgumentException("bad base IRI " + Chars.show(base) + ": " + problem);
        title = List.copyOf(title);
        description = List.copyOf(description);
        requireNonNull(license, "license");
        if (IriCheck.problem(license, IriCheck.WEB) != null) throw new IllegalArgumentException("the licence must be an absolute http(s) IRI: " + Chars.show(license));
        requireNonNull(publisherId, "publisherId");
        publisherName = List.copyOf(publisherName);
    }
}

package org.aikg.input;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.TreeMap;
import org.aikg.source.BaseIri;
import org.aikg.source.Chars;

/**
 * What the published dataset is: its canonical base IRI (in {@link BaseIri}'s one form), its titles by
 * language tag and its licence. It comes with the input ({@code dataset.yaml}, or the dataset's own
 * description inside an RDF file aikg wrote) and is handed to whatever publishes it, so that no
 * one downstream guesses the base.
 *
 * <pre>{@code
 * Description d = Graphs.of(List.of(Path.of("data"))).description();
 * d.base();   // "https://w3id.org/ai-industry-kg/"
 * }</pre>
 */
public record Description(String base, Map<String, String> title, String license) {
    public Description {
        requireNonNull(base, "base");
        String problem = BaseIri.problem(base);
        if (problem != null) throw new IllegalArgumentException("bad base IRI " + Chars.show(base) + ": " + problem);
        title = Map.copyOf(new TreeMap<>(title));
        requireNonNull(license, "license");
    }
}

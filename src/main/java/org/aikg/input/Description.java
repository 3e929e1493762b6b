package org.aikg.input;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the published dataset is: its canonical base IRI (ending in {@code /}), its titles by
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
        if (!base.endsWith("/") || !(base.startsWith("http://") || base.startsWith("https://"))) {
            throw new IllegalArgumentException("the base must be an http(s) IRI ending with '/', not \"" + base + "\"");
        }
        title = Map.copyOf(new TreeMap<>(title));
        requireNonNull(license, "license");
    }
}

package org.aikg.server.page;

import static org.aikg.vocab.Vocab.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.aikg.server.page.Views.Cite;
import org.aikg.server.site.Site;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Node;

/**
 * A citation of a thing of the dataset, in three forms a reader pastes somewhere: plain text, BibTeX and CSL-JSON
 * (what Zotero and pandoc read). It names the fact (its title on the page), the dataset and its publisher, the
 * permalink (the thing's IRI), the day of the version cited, and the source the fact was read from (the article, its
 * publisher and date): a reader cites the fact and, with it, where it came from.
 */
final class Citations {
    private final Site site;

    Citations(Site site) {
        this.site = site;
    }

    /** The citation of {@code thing}, titled {@code title}, in {@code lang}. */
    Cite of(Node thing, String title, String lang) {
        Reads reads = new Reads(site.data);
        String dataset = site.labels().label(site.datasetNode, lang);
        Node publisherNode = reads.one(site.datasetNode, DCT_publisher);
        String publisher = publisherNode == null ? null : site.labels().label(publisherNode, lang);
        LocalDate day = site.lastChanged(thing);
        Node article = article(reads, thing);
        String source = null;
        String sourcePublisher = null;
        String sourceDate = null;
        if (article != null) {
            source = site.labels().label(article, lang);
            Node p = reads.one(article, SCHEMA_publisher);
            sourcePublisher = p == null ? null : site.labels().label(p, lang);
            Node d = reads.one(article, SCHEMA_datePublished);
            sourceDate = d == null ? null : d.getLiteralLexicalForm();
        }
        String iri = thing.getURI();
        // a title that ends a sentence (a claim) keeps its own full stop
        StringBuilder plain = new StringBuilder(title).append(title.matches(".*[.!?。！？]$") ? " " : ". ").append(dataset);
        if (publisher != null) plain.append(", ").append(publisher);
        plain.append(", ").append(day).append(". ").append(iri);
        if (source != null) {
            plain.append(". Source: ").append(source);
            if (sourcePublisher != null) plain.append(", ").append(sourcePublisher);
            if (sourceDate != null) plain.append(", ").append(sourceDate);
        }
        plain.append('.');

        List<String> fields = new ArrayList<>();
        fields.add("  title = {" + bib(title) + "}");
        fields.add("  howpublished = {" + bib(dataset) + "}");
        if (publisher != null) fields.add("  publisher = {" + bib(publisher) + "}");
        fields.add("  year = {" + day.getYear() + "}");
        fields.add("  date = {" + day + "}");
        fields.add("  url = {" + iri + "}");
        if (source != null) {
            fields.add("  note = {Source: " + bib(source) + (sourcePublisher != null ? ", " + bib(sourcePublisher) : "")
                    + (sourceDate != null ? ", " + sourceDate : "") + "}");
        }
        String key = "aikg:" + iri.substring(iri.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9_.:-]", "-");
        String bibtex = "@misc{" + key + ",\n" + String.join(",\n", fields) + "\n}";

        JsonObject csl = new JsonObject();
        csl.put("id", iri);
        csl.put("type", "dataset");
        csl.put("title", title);
        csl.put("container-title", dataset);
        if (publisher != null) csl.put("publisher", publisher);
        csl.put("URL", iri);
        csl.put("issued", dateParts(day));
        if (source != null) {
            csl.put("note", "Source: " + source + (sourcePublisher != null ? ", " + sourcePublisher : "") + (sourceDate != null ? ", " + sourceDate : ""));
        }
        JsonArray items = new JsonArray();
        items.add(csl);
        return new Cite(iri, plain.toString(), bibtex, JSON.toString(items).strip());
    }

    /** The article a thing was read from: itself, or the source of the first passage it was derived from. */
    private static Node article(Reads reads, Node thing) {
        if (reads.has(thing, RDF_type, SCHEMA_NewsArticle)) return thing;
        Node passage = reads.one(thing, PROV_wasDerivedFrom);
        return passage == null ? null : reads.one(passage, OA_hasSource);
    }

    private static JsonObject dateParts(LocalDate d) {
        JsonArray parts = new JsonArray();
        parts.add(d.getYear());
        parts.add(d.getMonthValue());
        parts.add(d.getDayOfMonth());
        JsonArray outer = new JsonArray();
        outer.add(parts);
        JsonObject o = new JsonObject();
        o.put("date-parts", outer);
        return o;
    }

    /** Text for a BibTeX field: its special characters escaped. */
    static String bib(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\textbackslash{}");
                case '{', '}', '%', '&', '$', '#', '_' -> b.append('\\').append(c);
                case '~' -> b.append("\\textasciitilde{}");
                case '^' -> b.append("\\textasciicircum{}");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

}

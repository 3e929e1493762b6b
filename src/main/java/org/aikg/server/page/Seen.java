package org.aikg.server.page;

import java.util.List;
import java.util.Map;
import org.aikg.server.page.Views.Link;
import org.aikg.server.page.Views.Said;
import org.aikg.server.page.Views.Stat;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * What the page of a thing shows of the data, read in one pass for one reader ({@code lang}, and
 * whether the reader chose it): the parts of the page make their part of the view from this alone,
 * so that no part reads the graph again or looks a label up a second time.
 *
 * @param own the triples of the thing and of its fragments, as the page's graph describes them
 * @param read the triples of the other things the page reads in the published graph (the thing there,
 *     its passages, their articles)
 * @param links a link to every node the page names, in the reader's language
 * @param labels the label of every node the page names or orders by, in the reader's language
 * @param pages the local page of the things whose page the view points into
 * @param figures the figure of every statistic the page names (a key for each, the value null when it has no figure)
 * @param dates every date the page shows, written for the reader
 * @param offsets where each passage the page shows is in its document's text
 * @param classes a link to the page of each class the page counts, with its count
 * @param incoming the things that refer to the thing, by property, in the order of their labels
 * @param passages the passages of the thing (an article), in the order of its text
 * @param derived the facts drawn from each of those passages, in the order of their labels
 * @param headline the article's headline, or null
 * @param sources the thing's sources with the facts each lists
 * @param stats the statistics listed with the sources, each as a line
 * @param claims the claims listed with the sources, each as a line
 * @param jsonLd the schema.org view of the thing
 * @param titleLanguage the language of the thing's label where it is not the reader's, or null
 */
record Seen(Node thing, String lang, boolean explicit, Map<Node, List<Triple>> own, Map<Node, List<Triple>> read, Map<Node, Link> links,
        Map<Node, String> labels, Map<Node, String> pages, Map<Node, String> figures, Map<Node, String> dates, Map<Node, long[]> offsets,
        Map<Node, Link> classes, Map<Node, List<Node>> incoming, List<Node> passages, Map<Node, List<Node>> derived, String headline,
        List<SourceHubs.Listing> sources, Map<Node, Stat> stats, Map<Node, Said> claims, String jsonLd, String titleLanguage) {}

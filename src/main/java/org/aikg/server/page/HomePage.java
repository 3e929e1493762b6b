package org.aikg.server.page;

import static org.aikg.vocab.Vocab.*;

import java.util.ArrayList;
import java.util.List;
import org.aikg.format.Formats;
import org.aikg.server.download.Downloads;
import org.aikg.server.page.Views.*;
import org.aikg.server.site.Labels;
import org.aikg.server.site.Numbers;
import org.aikg.server.site.Site;
import org.aikg.server.site.Ui;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** The home page at {@code /}: what the dataset is, how big, and where to go (entry points, statistics and charts, claims, sources, files, queries). */
final class HomePage {
    private static final int LIMIT = 12;

    private final Site site;
    private final Classes classes;
    private final Links links;
    private final Facts facts;
    private final Charts charts;
    private final ClassPages classPages;
    private final JsonLd jsonLd;

    HomePage(Site site, Classes classes, Links links, Facts facts, Charts charts, ClassPages classPages, JsonLd jsonLd) {
        this.site = site;
        this.classes = classes;
        this.links = links;
        this.facts = facts;
        this.charts = charts;
        this.classPages = classPages;
        this.jsonLd = jsonLd;
    }

    Home page(String lang, boolean explicit, List<Downloads.File> files) {
        Node ds = site.datasetNode;
        Node titleNode = Labels.pick(site.data.find(ds, DCT_title, Node.ANY).toList(), lang);
        Node descNode = Labels.pick(site.data.find(ds, DCT_description, Node.ANY).toList(), lang);
        String title = titleNode != null ? titleNode.getLiteralLexicalForm() : Ui.of(lang).siteTitle();
        String description = descNode != null ? descNode.getLiteralLexicalForm() : "";
        List<Link> entries = new ArrayList<>();
        for (String type : List.of("ExhibitionEvent", "Event", "Report", "ResearchOrganization", "Person")) {
            sorted(NodeFactory.createURI(SCHEMA + type), lang).stream().limit(LIMIT).forEach(n -> entries.add(links.link(n, lang, explicit)));
        }
        for (Node s : sorted(SKOS_ConceptScheme, lang).stream().limit(LIMIT).toList()) entries.add(links.link(s, lang, explicit));
        List<Stat> stats = sorted(SCHEMA_Observation, lang).stream().limit(LIMIT * 3).map(o -> facts.stat(o, lang, explicit)).toList();
        List<Said> claims = sorted(SCHEMA_Claim, lang).stream().limit(LIMIT).map(c -> facts.claim(c, lang, explicit)).toList();
        List<Link> articles = site.sources().stream().limit(LIMIT * 3).map(a -> links.link(a, lang, explicit)).toList();
        List<Link> queries = site.queries().all().stream().map(q -> new Link(q.title(lang), Links.href("/queries/" + q.name(), lang, explicit), null)).toList();
        List<Alt> alts = List.of(new Alt("VoID (Turtle)", "/dataset", Formats.TURTLE.mediaType()));
        Head head = Head.of(title, description, lang, site.base, alts, jsonLd.dataset(files), "/");
        return new Home(head, description, Numbers.count(site.triples(), lang), Numbers.count(site.entities(), lang), site.sources().size(), entries,
                classPages.counts(lang, explicit), stats, charts.all(lang, explicit), claims, articles, DownloadsPage.table(lang, files), queries);
    }

    /** The things of a type in label order. */
    private List<Node> sorted(Node type, String lang) {
        return site.labels().sorted(classes.of(type), lang);
    }
}

package org.aikg.server.page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aikg.release.History;
import org.aikg.server.page.Views.ChangeLine;
import org.aikg.server.page.Views.HistoryEntry;
import org.aikg.server.page.Views.Link;
import org.aikg.server.page.Views.ReleaseView;
import org.aikg.server.page.Views.ThingChange;
import org.aikg.server.page.Views.Value;
import org.aikg.server.site.Numbers;
import org.aikg.server.site.Site;
import org.aikg.server.site.Words;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * What the releases changed, in words with links: each release's things added, changed and removed
 * ({@code /changes}), and a thing's own history on its page ("2024.07 · 2024-07-01: value 578.4 → 580").
 * Read from the releases' {@link History}.
 */
final class Histories {
    /** The most things of each kind a release lists on {@code /changes}; its patch holds the rest. */
    static final int LISTED = 100;
    /** The most characters of a text shown before and after a change. */
    static final int SHOWN = 160;

    private final Site site;
    private final Links links;

    Histories(Site site, Links links) {
        this.site = site;
        this.links = links;
    }

    /** The releases that changed {@code thing} or its parts, newest first. */
    List<HistoryEntry> of(Node thing, String lang, boolean explicit) {
        List<HistoryEntry> out = new ArrayList<>();
        for (History.Entry e : site.history().of(thing)) {
            Node s = e.change().subject();
            String part = s.equals(thing) || !s.isURI() ? null : "#" + s.getURI().substring(s.getURI().indexOf('#') + 1);
            out.add(new HistoryEntry(e.version().name(), e.version().date().toString(), changesHref(e.version().name(), lang, explicit), part,
                    lines(e.change(), lang, explicit)));
        }
        return out;
    }

    /** The releases, newest first, for {@code /changes}. */
    List<ReleaseView> releases(String lang, boolean explicit) {
        Words w = Words.of(lang);
        List<ReleaseView> out = new ArrayList<>();
        for (History.Release r : site.history().releases()) {
            // a thing and its parts ({@code thing#…}) are one entry
            Map<Node, List<History.Change>> byThing = new LinkedHashMap<>();
            r.changes().forEach((s, c) -> byThing.computeIfAbsent(owner(s), k -> new ArrayList<>()).add(c));
            List<ThingChange> added = new ArrayList<>();
            List<ThingChange> changed = new ArrayList<>();
            List<ThingChange> removed = new ArrayList<>();
            long more = 0;
            for (Map.Entry<Node, List<History.Change>> e : byThing.entrySet()) {
                History.Change own = e.getValue().stream().filter(c -> c.subject().equals(e.getKey())).findFirst().orElse(null);
                List<ThingChange> list = own != null && own.isNew() ? added : own != null && own.isGone() ? removed : changed;
                if (list.size() >= LISTED) {
                    more++;
                    continue;
                }
                List<ChangeLine> lines = new ArrayList<>();
                if (list == changed) for (History.Change c : e.getValue()) lines.addAll(lines(c, lang, explicit));
                list.add(new ThingChange(links.link(e.getKey(), lang, explicit), lines));
            }
            String v = r.version().name();
            out.add(new ReleaseView(v, r.version().date().toString(), r.notes().getOrDefault(lang, r.notes().get("en")), r.first(), "/download/" + v + "/",
                    "/download/" + v + "/changes.rdfp", r.patchBytes() >= 0 ? Numbers.bytes(r.patchBytes(), lang) : null, added, changed, removed,
                    more > 0 ? w.andMore(more) : null));
        }
        return out;
    }

    /** Each version with its notes, for the dataset's page. */
    List<HistoryEntry> versions(String lang, boolean explicit) {
        List<HistoryEntry> out = new ArrayList<>();
        for (History.Release r : site.history().releases()) {
            String notes = r.notes().getOrDefault(lang, r.notes().get("en"));
            List<ChangeLine> lines = notes == null ? List.of() : List.of(new ChangeLine(new Link(Words.of(lang).releaseFiles(),
                    "/download/" + r.version().name() + "/", null), List.of(), List.of(new Value(notes, null, null, null))));
            out.add(new HistoryEntry(r.version().name(), r.version().date().toString(), changesHref(r.version().name(), lang, explicit), null, lines));
        }
        return out;
    }

    /** Each property of a change: its values before and after. */
    private List<ChangeLine> lines(History.Change c, String lang, boolean explicit) {
        Map<Node, List<Value>> before = new LinkedHashMap<>();
        Map<Node, List<Value>> after = new LinkedHashMap<>();
        for (History.Statement s : c.removed()) before.computeIfAbsent(s.predicate(), k -> new ArrayList<>()).add(value(s.object(), lang, explicit));
        for (History.Statement s : c.added()) after.computeIfAbsent(s.predicate(), k -> new ArrayList<>()).add(value(s.object(), lang, explicit));
        Map<Node, Boolean> predicates = new LinkedHashMap<>();
        before.keySet().forEach(p -> predicates.put(p, true));
        after.keySet().forEach(p -> predicates.put(p, true));
        List<ChangeLine> out = new ArrayList<>();
        for (Node p : predicates.keySet()) {
            out.add(new ChangeLine(links.link(p, lang, explicit), before.getOrDefault(p, List.of()), after.getOrDefault(p, List.of())));
        }
        return out;
    }

    private Value value(Node o, String lang, boolean explicit) {
        if (o.isLiteral()) {
            String l = o.getLiteralLanguage();
            String text = o.getLiteralLexicalForm();
            // a long text (an article's body) is shown by its start: the page of the thing and the patch have it whole
            if (text.length() > SHOWN) text = text.substring(0, Character.isHighSurrogate(text.charAt(SHOWN - 1)) ? SHOWN - 1 : SHOWN) + "…";
            return new Value(text, null, l.isEmpty() ? null : l, null);
        }
        Link k = links.link(o, lang, explicit);
        return new Value(k.text(), k.href(), null, null);
    }

    private static String changesHref(String version, String lang, boolean explicit) {
        return Links.href("/changes", lang, explicit) + "#v-" + version;
    }

    /** The thing a subject belongs to: itself, or the thing of a part {@code thing#…}. */
    private static Node owner(Node s) {
        if (!s.isURI() || s.getURI().indexOf('#') < 0) return s;
        return NodeFactory.createURI(s.getURI().substring(0, s.getURI().indexOf('#')));
    }
}

package org.aikg.server.page;

import org.aikg.server.page.Views.Link;
import org.aikg.server.site.Labels;
import org.aikg.server.site.Site;
import org.aikg.server.site.Ui;
import org.aikg.vocab.AIKG;
import org.apache.jena.graph.Node;

/**
 * Links between the pages: a node's local page (its {@code /doc/} page, its term in {@code /def}, its
 * class's page) named by its label in the reader's language, and local paths that keep an explicit
 * choice of language.
 */
public final class Links {
    private final Site site;
    private final Classes classes;

    Links(Site site, Classes classes) {
        this.site = site;
        this.classes = classes;
    }

    /** A local link, keeping an explicit language choice. */
    public static String href(String path, String lang, boolean explicitLang) {
        if (path == null) return null;
        if (!explicitLang) return path;
        int hash = path.indexOf('#');
        String frag = hash >= 0 ? path.substring(hash) : "";
        String p = hash >= 0 ? path.substring(0, hash) : path;
        return p + (p.contains("?") ? "&" : "?") + "lang=" + lang + frag;
    }

    /** The home page, as the first step of every trail. */
    static Link homeCrumb(String lang) {
        return new Link(Ui.of(lang).home(), lang.equals("zh") ? "/?lang=zh" : "/", null);
    }

    /** A link to a node: its local page, its term in /def, its class page, or else its IRI. */
    public Link link(Node n, String lang, boolean explicit) {
        String local = site.pageOf(n);
        String href;
        if (local != null) href = href(local, lang, explicit);
        else if (n.isURI() && site.vocab().contains(n, Node.ANY, Node.ANY) && n.getURI().startsWith(AIKG.NS)) href = "/def#" + n.getURI().substring(AIKG.NS.length());
        else if (n.isURI() && classes.pageOf(n) != null) href = href(classes.pageOf(n), lang, explicit);
        else href = n.isURI() ? n.getURI() : null;
        String text = site.labels().label(n, lang);
        // a page of the site that the data names but does not label (the endpoint, a file): its path
        if (local != null && !local.startsWith("/doc/") && !local.equals("/") && text.equals(Labels.localName(n))) text = local;
        return new Link(text, href, n.isURI() ? n.getURI() : null);
    }
}

package org.aikg.server.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.aikg.format.Format;
import org.aikg.format.Formats;
import org.aikg.server.download.Downloads;
import org.aikg.server.http.HttpError;
import org.aikg.server.http.Offers;
import org.aikg.server.http.Params;
import org.aikg.server.http.Resource;
import org.aikg.server.http.Responses;
import org.aikg.server.site.Reader;
import org.aikg.server.site.Site;
import org.aikg.server.site.Templates;
import org.aikg.vocab.AIKG;

/**
 * {@code /dataset} and {@code /.well-known/void}: the VoID and DCAT description with the counts of
 * this load, the downloads and the endpoint; {@code /def}: the ontology, as a page or as Turtle.
 */
final class MetadataServlet extends Resource {
    private static final long serialVersionUID = 1L;

    private final transient Site site;
    private final transient DatasetPage dataset;
    private final transient OntologyPage ontology;
    private final transient Templates templates;
    private final transient Downloads downloads;
    private final transient Map<String, byte[]> cache = new ConcurrentHashMap<>();

    MetadataServlet(Site site, DatasetPage dataset, OntologyPage ontology, Templates templates, Downloads downloads) {
        this.site = site;
        this.dataset = dataset;
        this.ontology = ontology;
        this.templates = templates;
        this.downloads = downloads;
    }

    @Override
    protected void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI();
        boolean def = path.startsWith("/def");
        int dot = path.lastIndexOf('.');
        String suffix = dot > 1 && !path.startsWith("/.well-known") ? path.substring(dot + 1) : null;
        String param = Params.one(req, "format");
        Format format;
        if (suffix != null) format = Offers.PAGE.named(suffix).orElseThrow(() -> HttpError.notFound("no such format: " + suffix));
        else if (param != null) format = Offers.PAGE.named(param).orElseThrow(() -> HttpError.badRequest("unknown format \"" + param
                + "\" (expected one of " + String.join(", ", Offers.PAGE.suffixes()) + ")"));
        else format = Offers.PAGE.choose(req.getHeader("Accept")).orElseThrow(() -> HttpError.notAcceptable(req.getHeader("Accept"), Offers.PAGE));
        resp.setHeader("Vary", "Accept, Accept-Language");
        Reader r = Reader.of(req);
        List<Downloads.File> files = def ? List.of() : downloads.current();
        Function<String, byte[]> make;
        String key;
        if (format == Formats.HTML) {
            key = (def ? "def|" : "void|") + r.lang() + "|" + r.explicit();
            make = k -> def ? templates.render("ontology", ontology.page(r.lang(), r.explicit()))
                    : templates.render("resource", dataset.page(r.lang(), r.explicit(), files));
            if (def) resp.setHeader("Link", "<" + AIKG.ONTOLOGY + ">; rel=\"canonical\", </def.ttl>; rel=\"alternate\"; type=\""
                    + Formats.TURTLE.mediaType() + "\"");
        } else {
            key = (def ? "def|" : "void|") + format.suffix();
            make = k -> format.write(def ? site.ontology() : dataset.graph(files));
        }
        // kept for the files written so far: made again (once) when more are written, to show their sizes
        byte[] body = cache.computeIfAbsent(def ? key : key + "|" + downloads.writtenCount(), make);
        Responses.send(req, resp, format.contentType(), body);
    }
}

package org.aikg.server.download;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.aikg.format.Format;
import org.aikg.format.Formats;
import org.aikg.release.History;
import org.aikg.release.Releases;
import org.aikg.server.budget.Budget;
import org.aikg.server.http.HttpError;
import org.aikg.server.http.Offers;
import org.aikg.server.http.Resource;
import org.aikg.server.http.Responses;
import org.aikg.server.site.Site;

/**
 * {@code /download/}: the whole dataset in each format, made once per load; {@code /download/}
 * itself lists them, as a page in the site's layout for a browser and as plain text otherwise. Answers carry {@code Content-Disposition}, {@code ETag},
 * {@code Last-Modified} and {@code Content-Length}; {@code HEAD} and {@code If-None-Match} work.
 */
public final class DownloadServlet extends Resource {
    private static final long serialVersionUID = 1L;
    /** The list of the files for a person, in the site's layout: made by the pages, so that the downloads need not know them. */
    public interface ListPage {
        byte[] render(HttpServletRequest req, List<Downloads.File> files);
    }

    private final transient Site site;
    private final transient Downloads downloads;
    private final transient ListPage listPage;

    public DownloadServlet(Site site, Downloads downloads, ListPage listPage) {
        this.site = site;
        this.downloads = downloads;
        this.listPage = listPage;
    }

    @Override
    protected void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI();
        if (path.equals("/download") || path.equals("/download/")) {
            Format format = Offers.MESSAGE.choose(req.getHeader("Accept")).orElseThrow(() -> HttpError.notAcceptable(req.getHeader("Accept"),
                    Offers.MESSAGE));
            resp.setHeader("Vary", "Accept, Accept-Language");
            if (format == Formats.HTML) {
                Responses.send(req, resp, Formats.HTML.contentType(), listPage.render(req, downloads.files(Budget.of(req))));
                return;
            }
            StringBuilder b = new StringBuilder("The whole dataset, in each format (each also as .gz):\n\n");
            for (Downloads.File f : downloads.files(Budget.of(req))) {
                String size = f.written() ? String.format("%,d bytes", f.bytes()) : "being written";
                b.append(String.format("/download/%-14s %-24s %s%n", f.name(), f.mediaType(), size));
            }
            b.append("\nThe main download is /download/aikg.ttl. TriG and N-Quads keep each source's graph apart.\n");
            Responses.send(req, resp, Formats.RESULTS_TEXT.contentType(), b.toString().getBytes(StandardCharsets.UTF_8));
            return;
        }
        String name = path.substring("/download/".length());
        if (name.indexOf('/') > 0) {
            release(req, resp, name.substring(0, name.indexOf('/')), name.substring(name.indexOf('/') + 1));
            return;
        }
        Downloads.File f = name.matches("[a-z0-9.]+") ? downloads.find(name, Budget.of(req)) : null;
        if (f == null) throw HttpError.notFound("no download named \"" + name + "\"; see /download/");
        Responses.readHeaders(resp);
        resp.setHeader("Cache-Control", "public, max-age=3600");
        resp.setHeader("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(site.loaded.atOffset(ZoneOffset.UTC)));
        if (Responses.notModified(req, resp, f.etag())) return;
        resp.setHeader("ETag", f.etag());
        resp.setContentType(f.contentType());
        resp.setHeader("Content-Disposition", "attachment; filename=\"" + f.name() + "\"");
        resp.setContentLengthLong(f.bytes());
        if (req.getMethod().equals("HEAD")) return;
        Responses.sendFile(req, resp, f.path(), () -> {});
    }

    /**
     * {@code /download/VERSION/FILE}: a file of a release, never changed once made: cached for a year as
     * immutable, its ETag its version and name. {@code /download/VERSION/} lists them.
     */
    private void release(HttpServletRequest req, HttpServletResponse resp, String version, String name) throws IOException {
        History history = site.history();
        History.Release r = history.release(version);
        if (r == null) throw HttpError.notFound("no release named \"" + version + "\"; see /changes");
        List<String> files = new ArrayList<>();
        for (Format f : Formats.FILES) files.add("aikg." + f.suffix());
        files.add(Releases.PATCH);
        if (name.isEmpty()) {
            StringBuilder b = new StringBuilder("Release " + version + " of " + r.version().date() + ": the whole dataset in each format, and the RDF "
                    + "Patch from the release before it.\n\n");
            for (String f : files) b.append("/download/").append(version).append('/').append(f).append('\n');
            Responses.send(req, resp, Formats.RESULTS_TEXT.contentType(), b.toString().getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (!files.contains(name)) throw HttpError.notFound("release " + version + " has no file \"" + name + "\" (it has " + String.join(", ", files) + ")");
        Path file = history.folder(r).resolve(name);
        if (!Files.isRegularFile(file)) throw HttpError.notFound("the file " + name + " of release " + version + " is missing from the releases folder");
        Responses.readHeaders(resp);
        resp.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        resp.setHeader("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(r.version().date().atStartOfDay(ZoneOffset.UTC)));
        String etag = "\"" + version + "/" + name + "\"";
        if (Responses.notModified(req, resp, etag)) return;
        resp.setHeader("ETag", etag);
        String type = name.equals(Releases.PATCH) ? PATCH_TYPE
                : Formats.FILES.stream().filter(f -> name.equals("aikg." + f.suffix())).findFirst().orElseThrow().contentType();
        resp.setContentType(type);
        resp.setHeader("Content-Disposition", "attachment; filename=\"" + version + "-" + name + "\"");
        resp.setContentLengthLong(Files.size(file));
        if (req.getMethod().equals("HEAD")) return;
        Responses.sendFile(req, resp, file, () -> {});
    }

    /** RDF Patch's media type (https://afs.github.io/rdf-patch/). */
    static final String PATCH_TYPE = "application/rdf-patch";
}

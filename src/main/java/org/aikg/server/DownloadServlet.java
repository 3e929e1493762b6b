package org.aikg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code /download/}: the whole dataset in each format, made once per load; {@code /download/}
 * itself lists them. Answers carry {@code Content-Disposition}, {@code ETag},
 * {@code Last-Modified} and {@code Content-Length}; {@code HEAD} and {@code If-None-Match} work.
 */
final class DownloadServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient Site site;
    private final transient Downloads downloads;

    DownloadServlet(Site site, Downloads downloads) {
        this.site = site;
        this.downloads = downloads;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!Http.admitRead(req, resp)) return;
        String path = req.getRequestURI();
        if (path.equals("/download") || path.equals("/download/")) {
            StringBuilder b = new StringBuilder("The whole dataset, in each format (each also as .gz):\n\n");
            for (Downloads.File f : downloads.files()) {
                b.append(String.format("/download/%-14s %-24s %,d bytes%n", f.name(), f.mediaType(), f.bytes()));
            }
            b.append("\nThe main download is /download/aikg.ttl. TriG and N-Quads keep each source's graph apart.");
            Http.sendText(req, resp, 200, b.toString());
            return;
        }
        String name = path.substring("/download/".length());
        Downloads.File f = Paths.safe(path) && name.matches("[a-z0-9.]+") ? downloads.find(name) : null;
        if (f == null) {
            Http.sendText(req, resp, 404, "404 Not Found: no download named \"" + name + "\"; see /download/");
            return;
        }
        Http.readHeaders(resp);
        resp.setHeader("Cache-Control", "public, max-age=3600");
        String lastModified = DateTimeFormatter.RFC_1123_DATE_TIME.format(site.loaded.atOffset(ZoneOffset.UTC));
        resp.setHeader("Last-Modified", lastModified);
        if (Http.notModified(req, resp, f.etag())) return;
        resp.setHeader("ETag", f.etag());
        resp.setContentType(f.gzip() ? f.mediaType() : Media.withCharset(f.mediaType()));
        resp.setHeader("Content-Disposition", "attachment; filename=\"" + f.name() + "\"");
        resp.setContentLengthLong(f.bytes());
        if (req.getMethod().equals("HEAD")) return;
        try (OutputStream out = resp.getOutputStream()) {
            Files.copy(f.path(), out);
        }
    }
}

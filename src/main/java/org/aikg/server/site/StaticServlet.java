package org.aikg.server.site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.aikg.server.http.HttpError;
import org.aikg.server.http.Resource;
import org.aikg.server.http.Responses;
import org.eclipse.jetty.http.QuotedQualityCSV;

/**
 * {@code /static/*}: the style sheet and scripts of the pages, and YASGUI from its webjar ({@link Assets}),
 * read from the jar once and kept, each also gzip-compressed (the JDK's own gzip, once) for a client whose
 * {@code Accept-Encoding} takes it. A file asked for by its hashed name ({@link Assets#href}) may be
 * kept for a year ({@code immutable}); by its plain name (a page of an older release, {@code live.js})
 * it is answered as well, to be checked again each time; a hashed name of another content is sent to the
 * current one ({@code 302}).
 */
public final class StaticServlet extends Resource {
    private static final long serialVersionUID = 1L;
    private static final Map<String, String> TYPES = Map.of("css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon");
    /** The types worth compressing: text (PNG is compressed already). */
    private static final Set<String> TEXT = Set.of("css", "js", "svg");
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String CHECK_AGAIN = "no-cache";

    /** A file as sent: its bytes, and them gzip-compressed (null where that does not make them smaller). */
    private record File(byte[] plain, byte[] gzip) {}

    private final transient Map<String, File> files = new ConcurrentHashMap<>();

    @Override
    protected void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI();
        if (!path.matches("/static/[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*(\\.[A-Za-z0-9_-]+)*\\.(css|js|svg|png|ico)")) throw HttpError.notFound("no such file");
        Assets.Asked asked = Assets.Asked.of(path.substring("/static/".length()));
        File file = file(asked.name());
        if (file == null) throw HttpError.notFound("no such file");
        if (asked.hash() != null && !asked.hash().equals(Assets.hash(asked.name()))) {
            // a page of another release: its file is gone, the current one takes its place
            Responses.readHeaders(resp);
            resp.setHeader("Cache-Control", CHECK_AGAIN);
            resp.setHeader("Location", Assets.href(asked.name()));
            resp.setStatus(HttpServletResponse.SC_FOUND);
            return;
        }
        resp.setHeader("Cache-Control", asked.hash() != null ? IMMUTABLE : CHECK_AGAIN);
        String ext = path.substring(path.lastIndexOf('.') + 1);
        byte[] body = file.plain();
        if (file.gzip() != null) {
            resp.addHeader("Vary", "Accept-Encoding");
            if (takesGzip(req)) {
                resp.setHeader("Content-Encoding", "gzip");
                body = file.gzip();
            }
        }
        Responses.send(req, resp, TYPES.get(ext), body);
    }

    /** The file of a name (as under {@code /static/}), read and compressed on first use; null when there is none. */
    private File file(String name) {
        File f = files.get(name);
        if (f != null) return f;
        byte[] plain = Assets.read(name);
        if (plain == null || plain.length == 0) return null;
        byte[] gzip = TEXT.contains(name.substring(name.lastIndexOf('.') + 1)) ? gzip(plain) : null;
        f = new File(plain, gzip != null && gzip.length < plain.length ? gzip : null);
        files.put(name, f);
        return f;
    }

    /** True when {@code Accept-Encoding} names gzip with a quality above 0 (Jetty's reading of the header's q-values). */
    static boolean takesGzip(HttpServletRequest req) {
        QuotedQualityCSV accepted = new QuotedQualityCSV();
        for (String h : Collections.list(req.getHeaders("Accept-Encoding"))) accepted.addValue(h);
        return accepted.getValues().stream().anyMatch(v -> v.equalsIgnoreCase("gzip") || v.equalsIgnoreCase("x-gzip"));
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 3);
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

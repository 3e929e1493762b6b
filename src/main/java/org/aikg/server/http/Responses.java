package org.aikg.server.http;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.aikg.format.Formats;

/**
 * Writing a successful answer: the headers every read carries (CORS, a short shared cache unless the
 * resource says otherwise), a strong {@code ETag} with {@code 304} on {@code If-None-Match}, {@code HEAD}
 * without a body, and {@code OPTIONS}.
 *
 * <pre>{@code
 * Responses.send(req, resp, Formats.TURTLE.contentType(), bytes);
 * }</pre>
 */
public final class Responses {
    private Responses() {}

    /** Headers for every read: CORS and, unless set already, a short shared cache. */
    public static void readHeaders(HttpServletResponse resp) {
        resp.setHeader("Access-Control-Allow-Origin", "*");
        resp.setHeader("Access-Control-Expose-Headers", "ETag, Link, Content-Location, Vary");
        if (resp.getHeader("Cache-Control") == null) resp.setHeader("Cache-Control", "public, max-age=300");
    }

    /**
     * A strong ETag of some bytes: their CRC-32C and CRC-32 together (64 bits), the same on every
     * server. A validator only has to change when the bytes do, which nobody tries to forge here; the
     * first 48 bits of a SHA-256, computed in Java on this JVM, took 6 % of an uncached page.
     */
    public static String etag(byte[] body) {
        CRC32C c = new CRC32C();
        c.update(body);
        CRC32 d = new CRC32();
        d.update(body);
        return etag(c, d);
    }

    /** The ETag of bytes given to both checksums as they were written (the same tag as {@link #etag(byte[])} of all of them). */
    public static String etag(CRC32C c, CRC32 d) {
        return "\"" + HexFormat.of().toHexDigits((c.getValue() << 32) | d.getValue()) + "\"";
    }

    /**
     * The conditions of a request on the variant it would get ({@code etag}), as RFC 9110 §13.2 orders
     * them: an {@code If-Match} that names no current version is 412; an {@code If-None-Match} that
     * matches is 304 for GET and HEAD (true: the 304 is sent) and 412 for any other method.
     */
    public static boolean notModified(HttpServletRequest req, HttpServletResponse resp, String etag) {
        String im = req.getHeader("If-Match");
        if (im != null && !matches(im, etag, false)) {
            throw new HttpError(412, "If-Match names no current version of this resource (its ETag is " + etag + ")");
        }
        String inm = req.getHeader("If-None-Match");
        if (inm == null || !matches(inm, etag, true)) return false;
        String method = req.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new HttpError(412, "If-None-Match: the answer to this " + method + " matches " + inm.strip());
        }
        resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        resp.setHeader("ETag", etag);
        return true;
    }

    /** True when a list of entity tags (or {@code *}) names {@code etag}: weakly ({@code W/} ignored) or strongly (a weak tag never matches). */
    private static boolean matches(String list, String etag, boolean weak) {
        for (String tag : list.split(",")) {
            String t = tag.trim();
            if (t.equals("*")) return true;
            if (t.startsWith("W/")) {
                if (!weak) continue;
                t = t.substring(2);
            }
            if (t.equals(etag)) return true;
        }
        return false;
    }

    /** Sends a 200 with its type and a strong ETag, honouring If-None-Match and HEAD. */
    public static void send(HttpServletRequest req, HttpServletResponse resp, String contentType, byte[] body) throws IOException {
        readHeaders(resp);
        String etag = etag(body);
        if (notModified(req, resp, etag)) return;
        resp.setStatus(200);
        resp.setContentType(contentType);
        resp.setHeader("ETag", etag);
        resp.setContentLength(body.length);
        if (!req.getMethod().equals("HEAD")) {
            try (OutputStream out = resp.getOutputStream()) {
                out.write(body);
            }
        }
    }

    /**
     * Sends a file as the body of a response whose status and headers are set: with the servlet's
     * asynchronous output where the request allows it, so that a client that reads slowly holds a
     * connection but no thread; {@code done} runs once it is sent or the client has gone.
     */
    public static void sendFile(HttpServletRequest req, HttpServletResponse resp, Path file, Runnable done) throws IOException {
        if (!req.isAsyncSupported()) {
            try (OutputStream out = resp.getOutputStream()) {
                Files.copy(file, out);
            } finally {
                done.run();
            }
            return;
        }
        InputStream in = Files.newInputStream(file);
        AsyncContext async = req.startAsync();
        async.setTimeout(0);
        ServletOutputStream out = resp.getOutputStream();
        out.setWriteListener(new WriteListener() {
            private final byte[] chunk = new byte[1 << 16];

            @Override
            public void onWritePossible() throws IOException {
                while (out.isReady()) {
                    int n = in.read(chunk);
                    if (n < 0) {
                        finish();
                        return;
                    }
                    out.write(chunk, 0, n);
                }
            }

            @Override
            public void onError(Throwable t) {
                finish();
            }

            private void finish() {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // a file being read: nothing to recover
                } finally {
                    done.run();
                    async.complete();
                }
            }
        });
    }

    /** OPTIONS: what the resource allows, for CORS pre-flight too. */
    public static void options(HttpServletResponse resp, List<String> allow) {
        String methods = String.join(", ", allow);
        resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
        resp.setHeader("Allow", methods);
        resp.setHeader("Access-Control-Allow-Origin", "*");
        resp.setHeader("Access-Control-Allow-Methods", methods);
        resp.setHeader("Access-Control-Allow-Headers", "Accept, Accept-Language, Content-Type, If-None-Match");
        resp.setHeader("Access-Control-Max-Age", "86400");
    }

    /** The request has a body that nobody read (so the connection is closed after a refusal). */
    public static boolean hasUnreadBody(HttpServletRequest req) {
        return req.getContentLengthLong() > 0 || "chunked".equalsIgnoreCase(req.getHeader("Transfer-Encoding"));
    }
}

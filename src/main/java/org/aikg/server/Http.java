package org.aikg.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The headers every read answers with, conditional GET, HEAD, and writing a body. */
final class Http {
    private Http() {}

    /** Headers for every read: CORS and a short shared cache. */
    static void readHeaders(HttpServletResponse resp) {
        resp.setHeader("Access-Control-Allow-Origin", "*");
        resp.setHeader("Access-Control-Expose-Headers", "ETag, Link, Content-Location, Vary");
        if (resp.getHeader("Cache-Control") == null) resp.setHeader("Cache-Control", "public, max-age=300");
    }

    /** A strong ETag of some bytes. */
    private static boolean hasUnreadBody(HttpServletRequest req) {
        return req.getContentLengthLong() > 0 || "chunked".equalsIgnoreCase(req.getHeader("Transfer-Encoding"));
    }

    static String etag(byte[] body) {
        return "\"" + HexFormat.of().formatHex(sha256(body), 0, 12) + "\"";
    }

    static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True (and a 304 sent) when the client already has this variant. */
    static boolean notModified(HttpServletRequest req, HttpServletResponse resp, String etag) {
        String inm = req.getHeader("If-None-Match");
        if (inm == null) return false;
        for (String tag : inm.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) t = t.substring(2);
            if (t.equals(etag) || t.equals("*")) {
                resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                resp.setHeader("ETag", etag);
                return true;
            }
        }
        return false;
    }

    /** Sends a body with its type, a strong ETag, honouring If-None-Match and HEAD. */
    static void send(HttpServletRequest req, HttpServletResponse resp, int status, String contentType, byte[] body) throws IOException {
        readHeaders(resp);
        if (status >= 400 && hasUnreadBody(req)) {
            // the body of a refused request is not read: close, so that no client reuses a connection in an unknown state
            resp.setHeader("Connection", "close");
        }
        String etag = etag(body);
        if (status == 200 && notModified(req, resp, etag)) return;
        resp.setStatus(status);
        resp.setContentType(contentType);
        if (status == 200) resp.setHeader("ETag", etag);
        resp.setContentLength(body.length);
        if (!req.getMethod().equals("HEAD")) {
            try (OutputStream out = resp.getOutputStream()) {
                out.write(body);
            }
        }
    }

    static void sendText(HttpServletRequest req, HttpServletResponse resp, int status, String text) throws IOException {
        send(req, resp, status, "text/plain; charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** OPTIONS: what the resource allows, for CORS pre-flight too. */
    static void options(HttpServletResponse resp, String allow) {
        resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
        resp.setHeader("Allow", allow);
        resp.setHeader("Access-Control-Allow-Origin", "*");
        resp.setHeader("Access-Control-Allow-Methods", allow);
        resp.setHeader("Access-Control-Allow-Headers", "Accept, Accept-Language, Content-Type, If-None-Match");
        resp.setHeader("Access-Control-Max-Age", "86400");
    }

    /**
     * The gate of every read-only resource: true for GET and HEAD; OPTIONS is answered and any
     * other method gets 405 (both return false).
     */
    static boolean admitRead(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        switch (req.getMethod()) {
            case "GET", "HEAD" -> {
                return true;
            }
            case "OPTIONS" -> options(resp, "GET, HEAD, OPTIONS");
            default -> methodNotAllowed(req, resp, "GET, HEAD, OPTIONS");
        }
        return false;
    }

    /** 405 for a write or any other method a read-only resource does not take. */
    static void methodNotAllowed(HttpServletRequest req, HttpServletResponse resp, String allow) throws IOException {
        resp.setHeader("Allow", allow);
        send(req, resp, 405, "text/plain; charset=utf-8",
                (req.getMethod() + " is not allowed here: this server is read-only (allowed: " + allow + ")\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The reader's language: ?lang= first, then Accept-Language; "en" or "zh". */
    static String language(HttpServletRequest req) {
        String p = req.getParameter("lang");
        if (p != null && (p.equals("en") || p.equals("zh"))) return p;
        String al = req.getHeader("Accept-Language");
        if (al == null) return "en";
        double zh = -1;
        double en = -1;
        for (String part : al.split(",")) {
            String[] bits = part.trim().split(";");
            String tag = bits[0].trim().toLowerCase(java.util.Locale.ROOT);
            double q = 1;
            for (int i = 1; i < bits.length; i++) {
                if (bits[i].trim().startsWith("q=")) {
                    try {
                        q = Double.parseDouble(bits[i].trim().substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if ((tag.equals("zh") || tag.startsWith("zh-")) && q > zh) zh = q;
            if ((tag.equals("en") || tag.startsWith("en-")) && q > en) en = q;
        }
        return zh > 0 && zh > en ? "zh" : "en";
    }
}

package org.aikg.server.live;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.aikg.server.site.Templates;
import org.aikg.server.site.Words;

/**
 * The live preview's part of every HTML page, put in at the boundary so that no kind of page is
 * missed (linked-data pages, the query editor, search, refusals): before {@code </body>}, the banner
 * of the last save that did not convert (readable without JavaScript) and the script that listens to
 * {@code /live} and reloads the page when the data changes. Under {@code serve --watch} only: pages
 * served otherwise carry neither. A page's body then depends on more than its content, so conditional
 * requests are answered in full ({@code If-None-Match} and {@code If-Modified-Since} ignored, no
 * {@code ETag}) and nothing is kept by the browser ({@code Cache-Control: no-store}).
 */
public final class LiveFilter implements Filter {
    private static final Set<String> CONDITIONS = Set.of("if-none-match", "if-modified-since", "if-match", "if-unmodified-since", "if-range");

    private final Live live;
    private final ToLongFunction<ServletRequest> generation;
    private final Templates templates;

    /** The banner and script of {@code live}, naming the generation each request was served from ({@code generation}). */
    public LiveFilter(Live live, ToLongFunction<ServletRequest> generation, Templates templates) {
        this.live = live;
        this.generation = generation;
        this.templates = templates;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        if (req.getRequestURI().equals("/live") || req.getRequestURI().startsWith("/static/")) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletResponse resp = (HttpServletResponse) response;
        resp.setHeader("Cache-Control", "no-store");
        Held held = new Held(resp);
        chain.doFilter(new Unconditional(req), held);
        held.finish(req);
    }

    /** A request without its conditions. */
    private static final class Unconditional extends HttpServletRequestWrapper {
        Unconditional(HttpServletRequest req) {
            super(req);
        }

        @Override
        public String getHeader(String name) {
            return CONDITIONS.contains(name.toLowerCase(Locale.ROOT)) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return CONDITIONS.contains(name.toLowerCase(Locale.ROOT)) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public long getDateHeader(String name) {
            return CONDITIONS.contains(name.toLowerCase(Locale.ROOT)) ? -1 : super.getDateHeader(name);
        }
    }

    /** A response whose HTML body is held until the end, to be given the banner and script; any other body goes through. */
    private final class Held extends HttpServletResponseWrapper {
        private final HttpServletResponse resp;
        private final ByteArrayOutputStream html = new ByteArrayOutputStream();
        private ServletOutputStream out;
        private PrintWriter writer;
        private Boolean holding;

        Held(HttpServletResponse resp) {
            super(resp);
            this.resp = resp;
        }

        private boolean holding() {
            if (holding == null) {
                String type = resp.getContentType();
                holding = type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html");
            }
            return holding;
        }

        @Override
        public void setContentLength(int len) {
            if (!isHtml()) super.setContentLength(len);
        }

        @Override
        public void setContentLengthLong(long len) {
            if (!isHtml()) super.setContentLengthLong(len);
        }

        @Override
        public void setHeader(String name, String value) {
            if (!dropped(name)) super.setHeader(name, value);
        }

        @Override
        public void addHeader(String name, String value) {
            if (!dropped(name)) super.addHeader(name, value);
        }

        private boolean dropped(String name) {
            String n = name.toLowerCase(Locale.ROOT);
            return n.equals("etag") || n.equals("last-modified") || n.equals("cache-control") || (n.equals("content-length") && isHtml());
        }

        /** Whether the body, as typed so far, is HTML (decided for good at the first write). */
        private boolean isHtml() {
            if (holding != null) return holding;
            String type = resp.getContentType();
            return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html");
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (out == null) {
                ServletOutputStream real = resp.getOutputStream();
                out = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        if (holding()) html.write(b);
                        else real.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        if (holding()) html.write(b, off, len);
                        else real.write(b, off, len);
                    }

                    @Override
                    public void flush() throws IOException {
                        if (!holding()) real.flush();
                    }

                    @Override
                    public boolean isReady() {
                        return real.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener l) {
                        real.setWriteListener(l);
                    }
                };
            }
            return out;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (writer != null) writer.flush();
            if (!holding()) super.flushBuffer();
        }

        /** Sends the held HTML with the banner and script before its {@code </body>}. */
        void finish(HttpServletRequest req) throws IOException {
            if (writer != null) writer.flush();
            if (holding == null || !holding || resp.isCommitted() && html.size() == 0) return;
            String page = html.toString(StandardCharsets.UTF_8);
            int end = page.lastIndexOf("</body>");
            if (end >= 0) {
                Words words = Words.of(page.contains("<html lang=\"zh") ? "zh" : "en");
                String part = new String(templates.render("live", new LivePart(generation.applyAsLong(req), live.failure(), words)),
                        StandardCharsets.UTF_8);
                page = page.substring(0, end) + part + page.substring(end);
            }
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            resp.setContentLength(body.length);
            resp.getOutputStream().write(body);
        }
    }

    /** What the banner and script are made of. */
    public record LivePart(long generation, String failure, Words words) {}
}

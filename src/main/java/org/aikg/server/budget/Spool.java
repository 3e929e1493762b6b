package org.aikg.server.budget;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.aikg.server.http.Responses;

/**
 * An answer written whole before its status is sent, so that a limit met while it is made is a 422
 * or a 503, never a cut-off 200: bytes are charged to the request's {@link Budget} as they come (past
 * {@link Limits#maxBytes()}, 422) and the clock is checked as they come (the writing of an answer is
 * part of its work). The first {@link #MEMORY} bytes are kept in memory, the rest in a temporary file,
 * so no answer is ever held whole in memory; a file is sent without holding a thread
 * ({@link Responses#sendFile}) and deleted when sent. Its ETag is computed as it is written.
 *
 * <pre>{@code
 * try (Spool answer = new Spool(Budget.of(req))) {
 *     ResultSetMgr.write(answer, results, ResultSetLang.RS_JSON);
 *     answer.send(req, resp, "application/sparql-results+json");
 * }
 * }</pre>
 */
public final class Spool extends OutputStream {
    /** Bytes kept in memory before the rest goes to a temporary file. */
    static final int MEMORY = 1 << 20;
    private static final int CHECK_EVERY = 1 << 16;

    private final Budget budget;
    private final CRC32C c = new CRC32C();
    private final CRC32 d = new CRC32();
    private byte[] buffer = new byte[8192];
    private int count;
    private Path file;
    private OutputStream fileOut;
    private long size;
    private long sinceCheck;
    private boolean handedOver;

    public Spool(Budget budget) {
        this.budget = budget;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len == 0) return;
        budget.charge(len);
        sinceCheck += len;
        if (sinceCheck >= CHECK_EVERY) {
            sinceCheck = 0;
            budget.check();
        }
        c.update(b, off, len);
        d.update(b, off, len);
        size += len;
        if (fileOut == null && count + len <= MEMORY) {
            if (count + len > buffer.length) buffer = Arrays.copyOf(buffer, Math.min(MEMORY, Math.max(count + len, buffer.length * 2)));
            System.arraycopy(b, off, buffer, count, len);
            count += len;
            return;
        }
        if (fileOut == null) {
            file = Files.createTempFile("aikg-answer-", ".tmp");
            fileOut = Files.newOutputStream(file);
            fileOut.write(buffer, 0, count);
            buffer = null;
        }
        fileOut.write(b, off, len);
    }

    /** The bytes written so far. */
    public long size() {
        return size;
    }

    /**
     * Answers 200 with these bytes, their type and strong ETag (304 on a matching If-None-Match, no body
     * for HEAD). Takes charge of the temporary file: it is removed once sent.
     */
    public void send(HttpServletRequest req, HttpServletResponse resp, String contentType) throws IOException {
        if (fileOut != null) fileOut.close();
        Responses.readHeaders(resp);
        String etag = Responses.etag(c, d);
        if (Responses.notModified(req, resp, etag)) return;
        resp.setStatus(200);
        resp.setContentType(contentType);
        resp.setHeader("ETag", etag);
        resp.setContentLengthLong(size);
        if (req.getMethod().equals("HEAD")) return;
        if (file == null) {
            try (OutputStream out = resp.getOutputStream()) {
                out.write(buffer, 0, count);
            }
            return;
        }
        handedOver = true;
        Path f = file;
        Responses.sendFile(req, resp, f, () -> {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                // a temporary file: the system's cleaning takes it
            }
        });
    }

    /** Removes the temporary file, unless {@link #send} is still sending it. */
    @Override
    public void close() throws IOException {
        if (fileOut != null) fileOut.close();
        if (file != null && !handedOver) Files.deleteIfExists(file);
    }
}

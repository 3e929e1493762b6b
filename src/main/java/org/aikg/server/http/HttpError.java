package org.aikg.server.http;

import java.util.List;
import java.util.Map;

/**
 * A refusal: the status and the one-line reason a client gets, with any header the status needs
 * ({@code Allow} for 405, {@code Retry-After} for 503). Thrown anywhere a request cannot be answered;
 * {@link Refusals} turns it into the answer. It carries no stack trace: it is a client's mistake or
 * a limit, not a fault of the server.
 *
 * <pre>{@code
 * throw HttpError.badRequest("more than one \"query\" parameter");
 * }</pre>
 */
public final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** Seconds a client is told to wait before trying a query again. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private final int status;
    private final transient Map<String, String> headers;

    public HttpError(int status, String reason, Map<String, String> headers) {
        super(reason, null, false, false);
        if (status < 400 || status > 599) throw new IllegalArgumentException("not an error status: " + status);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    public HttpError(int status, String reason) {
        this(status, reason, Map.of());
    }

    public int status() {
        return status;
    }

    /** The reason, one line. */
    public String reason() {
        return getMessage();
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static HttpError badRequest(String reason) {
        return new HttpError(400, reason);
    }

    public static HttpError notFound(String reason) {
        return new HttpError(404, reason);
    }

    /** 405 with the methods the resource takes (RFC 9110: a comma-separated list of method names). */
    public static HttpError methodNotAllowed(String method, List<String> allow, String why) {
        return new HttpError(405, method + " is not allowed here: " + why + " (allowed: " + String.join(", ", allow) + ")",
                Map.of("Allow", String.join(", ", allow)));
    }

    public static HttpError notAcceptable(String accept, Offers offers) {
        return new HttpError(406, "nothing here matches \"" + accept + "\"; offered: " + offers.mediaTypes());
    }

    public static HttpError tooLarge(String reason) {
        return new HttpError(413, reason);
    }

    public static HttpError unsupportedMediaType(String reason) {
        return new HttpError(415, reason);
    }

    public static HttpError unprocessable(String reason) {
        return new HttpError(422, reason);
    }

    public static HttpError unavailable(String reason) {
        return new HttpError(503, reason, Map.of("Retry-After", RETRY_AFTER_SECONDS));
    }
}

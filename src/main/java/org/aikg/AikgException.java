package org.aikg;

/**
 * The root of aikg's failures. Every failure a user can cause or meet is one of these, with a
 * message that names the bad value and where it came from; the command line maps the kinds to exit
 * codes in one place.
 *
 * <pre>{@code
 * try { ... } catch (DataException e) { System.err.println(e.getMessage()); }   // FILE:LINE:COL: ...
 * }</pre>
 */
public class AikgException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AikgException(String message) {
        super(message);
    }

    public AikgException(String message, Throwable cause) {
        super(message, cause);
    }
}

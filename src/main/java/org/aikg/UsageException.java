package org.aikg;

/**
 * The request itself is wrong: a path that does not exist, a format nobody writes. The command
 * line answers it as a bad command line (exit 2), not as bad data.
 *
 * <pre>{@code
 * throw new UsageException("no such file or folder: " + path);
 * }</pre>
 */
public class UsageException extends AikgException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}

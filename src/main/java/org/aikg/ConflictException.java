package org.aikg;

/**
 * What aikg was about to write was changed by someone else since aikg last wrote it: it is reported, not overwritten.
 * The command line answers it as it answers bad data (exit 1): nothing is wrong with aikg or the store, but the two
 * disagree, and a person must say which wins.
 *
 * <pre>{@code
 * throw new ConflictException("the store's graph " + g + " was changed by someone else since aikg last published it");
 * }</pre>
 */
public class ConflictException extends AikgException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}

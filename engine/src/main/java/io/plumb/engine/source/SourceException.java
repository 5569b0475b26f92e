package io.plumb.engine.source;

/** A {@code SourceException} says that a desired-state source cannot be loaded, and why. */
public final class SourceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a one-line message naming the source. */
    public SourceException(String message) {
        super(message);
    }

    /** Creates the exception with a one-line message and its cause. */
    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.plumb.engine.db;

/** An {@code InvalidUrlException} says that a database URL cannot be used, and why; it never carries a password. */
public final class InvalidUrlException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for the given URL, as the user gave it or already redacted, and a reason that quotes
     * no part of the URL's user-info.
     */
    public InvalidUrlException(String url, String reason) {
        super("invalid URL \"" + DatabaseUrl.redactUrl(url) + "\": " + DatabaseUrl.redact(reason));
    }
}

package io.plumb.engine.db;

/** An {@code InvalidUrlException} says that a database URL cannot be used, and why; it never carries a password. */
public final class InvalidUrlException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for the given URL, as the user gave it or already redacted, and a reason that quotes
     * no part of the URL's user-info.
     */
    public InvalidUrlException(String url, String reason) {
        this(url, reason, true);
    }

    private InvalidUrlException(String url, String reason, boolean redactReason) {
        super("invalid URL \"" + DatabaseUrl.redactUrl(url) + "\": "
                + (redactReason ? DatabaseUrl.redact(reason) : reason));
    }

    /**
     * Creates the exception for a URL that is not of the expected form, which is the code's own text (such as {@code
     * postgres://[USER[:PASS]@]HOST[:PORT]/...}) and so is not redacted: the redaction would read its placeholders
     * as a password.
     */
    static InvalidUrlException notOfForm(String url, String form) {
        return new InvalidUrlException(url, "expected " + form, false);
    }
}

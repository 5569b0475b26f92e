package io.plumb.engine.db;

/**
 * A {@code DatabaseException} reports that a database could not be opened, read or changed; its message is one
 * line, names the URL (redacted) or the statement, and never carries a password.
 */
public final class DatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with its message and cause. */
    public DatabaseException(String message, Throwable cause) {
        super(DatabaseUrl.redact(message), cause);
    }

    /** Creates the exception with its message. */
    public DatabaseException(String message) {
        super(DatabaseUrl.redact(message));
    }
}

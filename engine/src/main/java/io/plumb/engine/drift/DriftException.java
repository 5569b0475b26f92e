package io.plumb.engine.drift;

import io.plumb.engine.db.DatabaseUrl;

/**
 * A {@code DriftException} says a drift check could not be made: the database or the dev database is unreachable,
 * the directory is broken, a file fails to replay, or the migration lock stayed taken past the timeout. Its
 * message never holds a password: every URL in it is redacted.
 */
public final class DriftException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; URLs in the message are redacted. */
    public DriftException(String message) {
        super(DatabaseUrl.redact(message));
    }

    /** Creates the exception from its cause; URLs in the message are redacted. */
    public DriftException(String message, Throwable cause) {
        super(DatabaseUrl.redact(message), cause);
    }
}

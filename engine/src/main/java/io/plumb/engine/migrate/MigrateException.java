package io.plumb.engine.migrate;

/**
 * A {@code MigrateException} is a versioned-migration failure a user must act on: a broken directory, a refused
 * history, a failed statement. Its message is complete and is printed as it is.
 */
public class MigrateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MigrateException(String message) {
        super(message);
    }

    public MigrateException(String message, Throwable cause) {
        super(message, cause);
    }
}

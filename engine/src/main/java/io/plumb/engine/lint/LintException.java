package io.plumb.engine.lint;

import io.plumb.engine.migrate.MigrateException;
import org.jspecify.annotations.Nullable;

/**
 * A {@code LintException} is a file that cannot be replayed for lint: it cannot be read into statements, or one
 * of its statements fails on the dev database.
 */
public final class LintException extends MigrateException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int pos;
    private final String error;

    /**
     * Creates the exception.
     *
     * @param file the file's name
     * @param pos the byte offset of the failing statement (0 when unknown)
     * @param message the error, as the reference words it
     * @param cause the underlying error
     */
    public LintException(String file, int pos, String message, @Nullable Throwable cause) {
        super(message);
        if (cause != null) {
            initCause(cause);
        }
        this.file = file;
        this.pos = pos;
        this.error = message;
    }

    /** Returns the error, as the reference words it. */
    public String error() {
        return error;
    }

    /** Returns the name of the file. */
    public String file() {
        return file;
    }

    /** Returns the byte offset of the failing statement, or 0. */
    public int pos() {
        return pos;
    }
}

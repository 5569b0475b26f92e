package io.plumb.engine.lint;

import io.plumb.engine.migrate.MigrateException;
import java.util.Optional;
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
    private final @Nullable Position position;

    /**
     * Creates the exception of an error without a position in the file.
     *
     * @param file the file's name
     * @param pos the byte offset of the failing statement (0 when unknown)
     * @param message the error, as the reference words it
     * @param cause the underlying error
     */
    public LintException(String file, int pos, String message, @Nullable Throwable cause) {
        this(file, pos, null, message, cause);
    }

    /**
     * Creates the exception.
     *
     * @param file the file's name
     * @param pos the byte offset of the failing statement (0 when unknown)
     * @param position the line and column of the failing statement, or of the text that cannot be read
     * @param message the error, as the reference words it
     * @param cause the underlying error
     */
    public LintException(String file, int pos, @Nullable Position position, String message, @Nullable Throwable cause) {
        super(message);
        if (cause != null) {
            initCause(cause);
        }
        this.file = file;
        this.pos = pos;
        this.position = position;
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

    /** Returns the line and column of the failing statement, or of the text that cannot be read, when known. */
    public Optional<Position> position() {
        return Optional.ofNullable(position);
    }
}

package io.plumb.engine.migrate;

/**
 * A {@code MigrationFileException} is a {@link MigrateException} at a position of a migration file, such as a
 * malformed txtar archive or a statement that cannot be split. Its message is {@code NAME:line:col: detail}.
 */
public final class MigrationFileException extends MigrateException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String detail;

    public MigrationFileException(String file, int line, int column, String detail, Throwable cause) {
        super(file + ":" + line + ":" + column + ": " + detail, cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    public MigrationFileException(String file, int line, int column, String detail) {
        super(file + ":" + line + ":" + column + ": " + detail);
        this.file = file;
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    /** Returns the migration file's name. */
    public String file() {
        return file;
    }

    /** Returns the 1-based line of the problem in the whole file. */
    public int line() {
        return line;
    }

    /** Returns the 1-based column of the problem. */
    public int column() {
        return column;
    }

    /** Returns the problem without its position. */
    public String detail() {
        return detail;
    }
}

package io.plumb.engine.migrate;

/**
 * A {@code ScanException} says a migration file cannot be split into statements: an unclosed quote, comment or
 * block, or unbalanced parentheses. Its message is {@code line:col: detail}; the caller prefixes the file name.
 */
public final class ScanException extends MigrateException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String detail;

    public ScanException(int line, int column, String detail) {
        super(line + ":" + column + ": " + detail);
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    /** Returns the 1-based line of the problem. */
    public int line() {
        return line;
    }

    /** Returns the 1-based column of the problem. */
    public int column() {
        return column;
    }

    /** Returns the problem without its position, such as {@code unclosed quote '\''}. */
    public String detail() {
        return detail;
    }
}

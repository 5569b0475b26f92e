package io.plumb.engine.plan;

/** A {@code StatementException} reports the statement of a plan that the database refused, and the reason. */
public final class StatementException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String statement;
    private final String reason;

    /** Creates the exception for a statement and the database's (one-line) reason. */
    public StatementException(String statement, String reason, Throwable cause) {
        super("executing statement \"" + statement + "\": " + reason, cause);
        this.statement = statement;
        this.reason = reason;
    }

    /** Returns the statement that failed. */
    public String statement() {
        return statement;
    }

    /** Returns the database's reason. */
    public String reason() {
        return reason;
    }
}

package io.plumb.engine.migrate;

import io.plumb.engine.db.SqlErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code Guard} holds a run of a file's statements to preconditions checked just before the run's first statement:
 * a Liquibase changeset's {@code --preconditions onFail:ACTION onError:ACTION} and {@code --precondition-*} lines.
 * Every precondition must hold; when one does not ({@code onFail}) or cannot be evaluated ({@code onError}), the
 * action says what happens, as in Liquibase: {@code HALT} stops the file with an error, {@code CONTINUE} and {@code
 * MARK_RAN} skip the run's statements, {@code WARN} runs them anyway.
 *
 * <p>Skipped statements count as applied in the file's revision, as Liquibase records a {@code MARK_RAN} changeset:
 * a file is recorded as a whole, so a {@code CONTINUE} changeset is not tried again by a later run either.
 *
 * @param first the index of the run's first statement in the file's statements
 * @param end the index after its last statement
 * @param line the 1-based line of the {@code --preconditions} (or first {@code --precondition-*}) line
 * @param column the 1-based column there
 * @param label what the run is, for messages: {@code changeset ada:1}
 * @param conditions the preconditions, all of which must hold
 * @param onFail the action when one does not hold
 * @param onError the action when one cannot be evaluated
 */
public record Guard(
        int first,
        int end,
        int line,
        int column,
        String label,
        List<Precondition> conditions,
        Action onFail,
        Action onError) {

    /** What happens to a guarded run whose preconditions fail or cannot be evaluated. */
    public enum Action {
        HALT,
        CONTINUE,
        MARK_RAN,
        WARN;

        /**
         * Reads an action as Liquibase spells it, in any case.
         *
         * @throws IllegalArgumentException naming the actions, for any other word
         */
        static Action of(String word) {
            try {
                return valueOf(word.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "unknown precondition action \"" + word + "\": expected HALT, CONTINUE, MARK_RAN or WARN");
            }
        }
    }

    /**
     * What checking a guard decided.
     *
     * @param runs whether the run's statements execute
     * @param halts whether the file stops with an error
     * @param message why a precondition did not hold, with the guard's label and action; empty when all held
     */
    public record Verdict(boolean runs, boolean halts, Optional<String> message) {

        static final Verdict HOLDS = new Verdict(true, false, Optional.empty());
    }

    public Guard {
        conditions = List.copyOf(conditions);
    }

    /**
     * Checks the preconditions on a connection, in order, stopping at the first that does not hold. Inside a
     * transaction a precondition runs under a savepoint, so an error (which aborts a PostgreSQL transaction) is undone
     * before the file goes on.
     */
    public Verdict check(Connection connection) {
        for (Precondition condition : conditions) {
            Optional<String> failure;
            boolean error = false;
            try {
                failure = checked(connection, condition);
            } catch (SQLException e) {
                failure = Optional.of(SqlErrors.message(e));
                error = true;
            }
            if (failure.isPresent()) {
                Action action = error ? onError : onFail;
                String message = label + ": precondition " + (error ? "error" : "failed") + " ("
                        + (error ? "onError:" : "onFail:") + action.name() + "): " + failure.get();
                return switch (action) {
                    case HALT -> new Verdict(false, true, Optional.of(message));
                    case CONTINUE, MARK_RAN -> new Verdict(false, false, Optional.of(message));
                    case WARN -> new Verdict(true, false, Optional.of(message));
                };
            }
        }
        return Verdict.HOLDS;
    }

    private static Optional<String> checked(Connection connection, Precondition condition) throws SQLException {
        if (connection.getAutoCommit()) {
            return condition.check(connection);
        }
        Savepoint savepoint = connection.setSavepoint();
        try {
            Optional<String> failure = condition.check(connection);
            connection.releaseSavepoint(savepoint);
            return failure;
        } catch (SQLException e) {
            try {
                connection.rollback(savepoint);
            } catch (SQLException undo) {
                e.addSuppressed(undo); // the check's own error says what went wrong
            }
            throw e;
        }
    }
}

package io.plumb.engine.migrate;

import java.util.regex.Pattern;

/**
 * {@code StatementAtomicity} decides, for a statement recorded one by one (mode {@code none}, and every mode on
 * MySQL and MariaDB), how it is run together with its revision write, so that a process killed at any moment
 * leaves a revision that tells a resumed run whether the statement took effect.
 *
 * <p>SQLite and PostgreSQL pair every statement with its revision write in a transaction of its own, except the
 * few that cannot run in a transaction block. MySQL and MariaDB pair data statements only: DDL commits implicitly,
 * so it is {@link Kind#VERIFIED verified} by a fingerprint of the schema instead. Statements inside a transaction
 * the file opened itself run in that transaction, their revision writes with them.
 */
final class StatementAtomicity {

    /** How a statement runs with its revision write. */
    enum Kind {
        /** In a transaction of its own with its revision write: both or neither survive a kill. */
        PAIRED,
        /** Inside the transaction the file opened: the revision write commits or rolls back with it. */
        IN_FILE_TRANSACTION,
        /** Commits the file's transaction: the revision is written first, so it commits with the statement. */
        COMMITS_FILE_TRANSACTION,
        /**
         * Run, then recorded; a kill between the two runs it again, which changes nothing: maintenance ({@code
         * VACUUM}, {@code ANALYZE}), settings, or the end of a transaction that is then rolled back.
         */
        REPEATABLE,
        /**
         * Recorded as in flight with a fingerprint of the schema, then run, then recorded as applied: a resumed run
         * compares the fingerprint to tell whether it took effect.
         */
        VERIFIED,
        /** Recorded as in flight, then run: a resumed run cannot tell whether it took effect, and refuses. */
        UNVERIFIABLE
    }

    private static final Pattern BEGINS = Pattern.compile("(?is)\\s*(BEGIN|START\\s+TRANSACTION)\\b.*");
    // MariaDB's compound statement "BEGIN NOT ATOMIC ... END" opens no transaction.
    private static final Pattern COMPOUND = Pattern.compile("(?is)\\s*BEGIN\\s+(NOT\\s+)?ATOMIC\\b.*");
    private static final Pattern COMMITS = Pattern.compile("(?is)\\s*(COMMIT|END)\\b.*");
    private static final Pattern ROLLS_BACK = Pattern.compile("(?is)\\s*ROLLBACK\\b(?!.*\\bTO\\b).*");
    private static final Pattern SAVEPOINTS = Pattern.compile("(?is)\\s*(SAVEPOINT|RELEASE|ROLLBACK\\b.*\\bTO)\\b.*");

    private static final Pattern SQLITE_BARE = Pattern.compile("(?is)\\s*(VACUUM|PRAGMA|ATTACH|DETACH)\\b.*");

    // PostgreSQL refuses these in a transaction block ("cannot run inside a transaction block").
    private static final Pattern PG_CONCURRENTLY =
            Pattern.compile("(?is)\\s*(CREATE\\s+(UNIQUE\\s+)?INDEX\\s+CONCURRENTLY|DROP\\s+INDEX\\s+CONCURRENTLY"
                    + "|ALTER\\s+TABLE\\s.*\\bDETACH\\s+PARTITION\\s.*\\bCONCURRENTLY)\\b.*");
    private static final Pattern PG_MAINTENANCE = Pattern.compile(
            "(?is)\\s*(VACUUM|REINDEX\\s+.*\\bCONCURRENTLY|REINDEX\\s+(\\(.*\\)\\s*)?(SYSTEM|DATABASE)|CLUSTER\\s*;?"
                    + "|ALTER\\s+SYSTEM|DISCARD)\\b.*");
    private static final Pattern PG_UNVERIFIABLE =
            Pattern.compile("(?is)\\s*((CREATE|DROP)\\s+(DATABASE|TABLESPACE|SUBSCRIPTION)|ALTER\\s+SUBSCRIPTION"
                    + "|ALTER\\s+DATABASE\\s.*\\bSET\\s+TABLESPACE)\\b.*");

    // MySQL commits before and after DDL (implicit commit); these statements do not, and roll back on InnoDB.
    private static final Pattern MYSQL_DATA = Pattern.compile(
            "(?is)\\s*(INSERT|UPDATE|DELETE|REPLACE|SELECT|WITH|VALUES|TABLE|SET|DO|LOAD\\s+DATA|LOAD\\s+XML"
                    + "|HANDLER|\\()\\b.*");
    private static final Pattern MYSQL_SCHEMA = Pattern.compile(
            "(?is)\\s*(CREATE|ALTER|DROP|RENAME)\\s+(OR\\s+REPLACE\\s+)?(TEMPORARY\\s+|UNIQUE\\s+|FULLTEXT\\s+|SPATIAL\\s+"
                    + "|ONLINE\\s+|IGNORE\\s+|ALGORITHM\\s*=\\s*\\w+\\s+|DEFINER\\s*=\\s*\\S+\\s+|SQL\\s+SECURITY\\s+\\w+\\s+"
                    + "|AGGREGATE\\s+)*(TABLE|TABLES|INDEX|VIEW|TRIGGER|PROCEDURE|FUNCTION|EVENT|SEQUENCE|DATABASE"
                    + "|SCHEMA)\\b.*");
    private static final Pattern MYSQL_MAINTENANCE = Pattern.compile(
            "(?is)\\s*(ANALYZE|OPTIMIZE|CHECK|CHECKSUM|REPAIR|FLUSH|TRUNCATE|GRANT|REVOKE|USE|UNLOCK)\\b.*");

    private final String dialect;
    private boolean insideFileTransaction;

    /**
     * Returns whether PostgreSQL refuses a statement inside a transaction block ({@code CREATE INDEX CONCURRENTLY},
     * {@code VACUUM}, {@code CREATE DATABASE}, ...), the statements Flyway runs outside a transaction on its own.
     */
    static boolean refusesPostgresTransaction(String sql) {
        return PG_CONCURRENTLY.matcher(sql).matches()
                || PG_MAINTENANCE.matcher(sql).matches()
                || PG_UNVERIFIABLE.matcher(sql).matches();
    }

    StatementAtomicity(String dialect) {
        this.dialect = dialect;
    }

    /** Classifies the next statement of a file, following the transactions the file opens and closes itself. */
    Kind classify(String sql) {
        if (SAVEPOINTS.matcher(sql).matches()) {
            return insideFileTransaction ? Kind.IN_FILE_TRANSACTION : Kind.REPEATABLE;
        }
        if (BEGINS.matcher(sql).matches() && !COMPOUND.matcher(sql).matches()) {
            insideFileTransaction = true;
            return Kind.IN_FILE_TRANSACTION;
        }
        if (COMMITS.matcher(sql).matches()) {
            boolean inside = insideFileTransaction;
            insideFileTransaction = false;
            return inside ? Kind.COMMITS_FILE_TRANSACTION : Kind.REPEATABLE;
        }
        if (ROLLS_BACK.matcher(sql).matches()) {
            // The rollback undoes the revision writes of the transaction too: a kill after it resumes at BEGIN and
            // runs the rolled-back statements, and the rollback, again.
            insideFileTransaction = false;
            return Kind.REPEATABLE;
        }
        Kind kind = classifyOwn(sql);
        if (insideFileTransaction) {
            if (kind == Kind.PAIRED) {
                return Kind.IN_FILE_TRANSACTION;
            }
            // MySQL commits the file's transaction before DDL; PostgreSQL refuses the rest inside one.
            insideFileTransaction = false;
        }
        return kind;
    }

    /** Returns whether the statements classified so far left a transaction of the file's own open. */
    boolean isInsideFileTransaction() {
        return insideFileTransaction;
    }

    /** Notes that the file's transaction was rolled back from outside, after one of its statements failed. */
    void fileTransactionRolledBack() {
        insideFileTransaction = false;
    }

    private Kind classifyOwn(String sql) {
        return switch (dialect) {
            case "sqlite" -> SQLITE_BARE.matcher(sql).matches() ? Kind.REPEATABLE : Kind.PAIRED;
            case "postgres" -> postgres(sql);
            case "mysql" -> mysql(sql);
            default -> Kind.UNVERIFIABLE;
        };
    }

    private static Kind postgres(String sql) {
        if (PG_CONCURRENTLY.matcher(sql).matches()) {
            return Kind.VERIFIED;
        }
        if (PG_MAINTENANCE.matcher(sql).matches()) {
            return Kind.REPEATABLE;
        }
        // DO and CALL are paired too: one whose body commits fails in the pair's transaction, which rolls back,
        // and FileRunner then runs it unpaired, as UNVERIFIABLE.
        return PG_UNVERIFIABLE.matcher(sql).matches() ? Kind.UNVERIFIABLE : Kind.PAIRED;
    }

    private static Kind mysql(String sql) {
        if (MYSQL_DATA.matcher(sql).matches()) {
            return Kind.PAIRED;
        }
        if (MYSQL_SCHEMA.matcher(sql).matches()) {
            return Kind.VERIFIED;
        }
        if (MYSQL_MAINTENANCE.matcher(sql).matches()) {
            return Kind.REPEATABLE;
        }
        // CALL may commit (or run DDL) inside its body; users, servers, plugins and locks are outside the
        // fingerprint.
        return Kind.UNVERIFIABLE;
    }
}

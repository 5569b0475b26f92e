package io.plumb.engine.migrate;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code StatementAtomicity} decides, for a file run without a transaction, whether a statement and its revision
 * write can share a transaction of their own. When they do, a process killed between the two leaves either both or
 * neither, so a resumed run never re-runs an applied statement. SQLite can do this for every statement except those
 * that control transactions, {@code VACUUM}, and pragmas (some are no-ops inside a transaction); a file that opens
 * its own transaction runs bare until it closes it.
 */
final class StatementAtomicity {

    private static final Pattern OPENS = Pattern.compile("(?is)\\s*(BEGIN|SAVEPOINT)\\b.*");
    private static final Pattern CLOSES = Pattern.compile("(?is)\\s*(COMMIT|END|ROLLBACK)\\b(?!.*\\bTO\\b).*");
    private static final Pattern BARE = Pattern.compile("(?is)\\s*(VACUUM|PRAGMA|RELEASE|ATTACH|DETACH)\\b.*");

    private final boolean supported;
    private boolean insideUserTransaction;

    StatementAtomicity(String dialect) {
        this.supported = dialect.equals("sqlite");
    }

    /** Returns whether the statement may run in a transaction together with its revision write. */
    boolean canPair(String sql) {
        boolean opens = OPENS.matcher(sql).matches();
        boolean closes = CLOSES.matcher(sql).matches();
        boolean pair = supported
                && !insideUserTransaction
                && !opens
                && !closes
                && !BARE.matcher(sql).matches();
        if (opens && sql.strip().toUpperCase(Locale.ROOT).startsWith("BEGIN")) {
            insideUserTransaction = true;
        } else if (closes) {
            insideUserTransaction = false;
        }
        return pair;
    }
}

package io.plumb.engine.migrate;

import java.sql.Connection;
import java.util.Optional;

/**
 * A {@code GuardedRun} walks a script's statements in order and says which run: a {@link Guard} is checked on the
 * database when the walk reaches its first statement, and the statements it skips are skipped. Everything that
 * executes a migration file walks it so ({@code migrate apply}, the dev-database replays of {@code DirReplay} and
 * lint), and so agrees on which statements ran.
 */
public final class GuardedRun {

    private static final Guard.Verdict SKIPPED = new Guard.Verdict(false, false, Optional.empty());

    private final MigrationScript script;
    private int skippedUntil;

    public GuardedRun(MigrationScript script) {
        this.script = script;
    }

    /**
     * Returns whether the statement at an index runs, walking the statements in order: at the first statement of a
     * guarded run the guard is checked on the connection, and its verdict's message, when a precondition did not
     * hold, starts with the guard's position ({@code NAME:LINE:COL: changeset ...}).
     */
    public Guard.Verdict at(int index, Connection connection) {
        Optional<Guard> guard = script.guardAt(index);
        if (guard.isEmpty()) {
            return index < skippedUntil ? SKIPPED : Guard.Verdict.HOLDS;
        }
        Guard.Verdict verdict = guard.get().check(connection);
        skippedUntil = verdict.runs() ? index : guard.get().end();
        String where = script.file().name() + ":" + guard.get().line() + ":"
                + guard.get().column() + ": ";
        return new Guard.Verdict(
                verdict.runs(), verdict.halts(), verdict.message().map(where::concat));
    }
}

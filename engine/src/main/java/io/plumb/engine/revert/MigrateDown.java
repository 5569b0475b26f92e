package io.plumb.engine.revert;

import io.plumb.engine.db.Database;
import io.plumb.engine.drift.Comparison;
import io.plumb.engine.drift.ExpectedStates;
import io.plumb.engine.migrate.ExecOrder;
import io.plumb.engine.migrate.History;
import io.plumb.engine.migrate.MigrateException;
import io.plumb.engine.migrate.MigrationFile;
import io.plumb.engine.migrate.MigrationLock;
import io.plumb.engine.migrate.Revision;
import io.plumb.engine.migrate.RevisionStore;
import io.plumb.engine.schema.Realm;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A {@code MigrateDown} is {@code plumb migrate down}: it reverts the last applied files of a migration directory,
 * computing the revert from the database's current state rather than from pre-written down files, so it also works
 * after a failed or partial apply.
 *
 * <p>Under the lock {@code migrate apply} takes, it reads the revisions and picks the files to revert (the last
 * {@code amount}, or every file after {@code toVersion}; a baseline is never reverted). For each, the last first, it
 * replays the directory up to the file before it on the dev database and plans the statements from the state before
 * to the state after ({@link RevertSteps}). The data-loss checks of every step run before anything changes. On
 * PostgreSQL and SQLite the whole revert and the deletion of the reverted revisions run in one transaction; on
 * MySQL, whose DDL commits, each file's statements run in turn and its revision is deleted after them.
 */
public final class MigrateDown {

    private final DownOptions options;
    private final Clock clock;

    public MigrateDown(DownOptions options) {
        this.options = options;
        this.clock = Clock.systemUTC();
    }

    /**
     * Reverts the files. A failed check or statement does not throw: the report carries the error.
     *
     * @throws MigrateException when the run is refused before anything is checked: the directory broken, the
     *     target version not in the directory or not applied, the lock held past the timeout
     * @throws io.plumb.engine.drift.DriftException when the dev database is of another dialect
     */
    public DownReport run() {
        List<MigrationFile> files = options.dir().validate();
        options.toVersion().ifPresent(version -> requireInDir(files, version));
        Instant start = clock.instant();
        try (Database db = Database.open(options.url(), options.workingDirectory());
                MigrationLock lock = MigrationLock.acquire(db, MigrationLock.APPLY, options.lockTimeout())) {
            RevisionStore store = RevisionStore.of(db, options.revisionsSchema());
            List<Revision> revisions =
                    History.of(files, store.readAll(), ExecOrder.LINEAR_SKIP).revisions();
            int keep = kept(revisions);
            String current = revisions.isEmpty() ? "" : last(revisions).version();
            String target = keep == 0 ? "" : revisions.get(keep - 1).version();
            if (keep == revisions.size()) {
                return new DownReport(
                        List.of(),
                        List.of(),
                        List.of(),
                        current,
                        current,
                        start,
                        clock.instant(),
                        DownReport.APPLIED,
                        Optional.empty());
            }
            boolean bound = db.boundSchema().isPresent();
            Realm actual = Comparison.withoutRevisionsTable(
                    db.inspect(List.of()), options.revisionsSchema().or(db::boundSchema), bound);
            ExpectedStates.Dev dev = new ExpectedStates.Dev(
                    options.devUrl(), options.workingDirectory(), List.of(), options.lockTimeout());
            List<RevertStep> steps = new RevertSteps(db, dev, options.policy()).plan(actual, files, revisions, keep);
            RevertRun run = new RevertRun(db, store, clock, steps);
            return run.execute(options.dryRun(), current, target, start);
        }
    }

    /** Returns how many revisions stay: those up to the target version, or all but the last {@code amount}. */
    private int kept(List<Revision> revisions) {
        int floor = 0;
        for (int i = 0; i < revisions.size(); i++) {
            if (revisions.get(i).has(Revision.BASELINE)) {
                floor = i + 1;
            }
        }
        if (options.toVersion().isEmpty()) {
            return Math.max(floor, revisions.size() - options.amount());
        }
        String version = options.toVersion().get();
        for (int i = 0; i < revisions.size(); i++) {
            if (revisions.get(i).version().equals(version)) {
                if (i + 1 < floor) {
                    throw new MigrateException("cannot revert to version \"" + version + "\": version \""
                            + revisions.get(floor - 1).version() + "\" is a baseline, which is not reverted");
                }
                return i + 1;
            }
        }
        throw new MigrateException("version \"" + version + "\" is not applied on the database"
                + (revisions.isEmpty()
                        ? ""
                        : ": its current version is \"" + last(revisions).version() + "\""));
    }

    private void requireInDir(List<MigrationFile> files, String version) {
        if (files.stream().noneMatch(f -> f.version().equals(version))) {
            throw new MigrateException("migration with version \"" + version + "\" not found in "
                    + options.dir().display());
        }
    }

    private static Revision last(List<Revision> revisions) {
        return revisions.get(revisions.size() - 1);
    }
}

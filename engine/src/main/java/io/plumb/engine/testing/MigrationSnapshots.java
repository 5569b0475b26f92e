package io.plumb.engine.testing;

import io.plumb.engine.db.DatabaseException;
import io.plumb.engine.devdb.IsolatedDatabase;
import io.plumb.engine.devdb.Isolation;
import io.plumb.engine.devdb.Snapshot;
import io.plumb.engine.hcl.Pos;
import io.plumb.engine.migrate.ApplyListener;
import io.plumb.engine.migrate.ApplyOptions;
import io.plumb.engine.migrate.ApplyReport;
import io.plumb.engine.migrate.MigrateException;
import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.migrate.Migrator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * {@code MigrationSnapshots} runs the {@code migrate} commands of migration tests, so that no prefix of the
 * directory is replayed twice in a run: the state after migrating an empty database to version N is kept as a
 * snapshot keyed by the prefix's hash, and a database that still holds such a state (nothing but {@code migrate}
 * and {@code log} ran on it) is restored from the snapshot of its target, or from the nearest lower one and
 * migrated from there, rather than migrated from where it is. Migrating on from a snapshot keeps every version it
 * passes, so each file of the directory is applied at most once to build the states that cases start from.
 *
 * <p>Each snapshot is built once: the first case to need it builds it, and a case needing it meanwhile waits.
 * Snapshots include the revisions table, so a restored database migrates on from the right version.
 */
final class MigrationSnapshots implements AutoCloseable {

    /** What the revisions written by migration tests give as their operator. */
    static final String OPERATOR = "Plumb test";

    private final TestSetup setup;
    private final ApplyListener listener;
    private final Map<String, CompletableFuture<Optional<Snapshot>>> snapshots = new ConcurrentHashMap<>();
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger reused = new AtomicInteger();
    private @Nullable MigrationPrefixes prefixes;

    MigrationSnapshots(TestSetup setup, ApplyListener listener) {
        this.setup = setup;
        this.listener = listener;
    }

    /**
     * Migrates a case's database up to and including a version.
     *
     * @param from the index of the last file applied to the database, -1 for none
     * @param pristine whether the database holds exactly what migrating an empty database to {@code from} gives
     * @return the index of the target version's file
     * @throws CommandFailedException when the version is unknown or lower than the database's, or a file fails
     * @throws MigrateException when the directory does not load (a set-up failure, not the case's)
     */
    int migrate(Isolation isolation, IsolatedDatabase db, int from, boolean pristine, Command.Migrate command) {
        MigrationPrefixes dir = prefixes();
        int target = dir.indexOf(command.to())
                .orElseThrow(() -> CommandFailedException.at(
                        command.pos(),
                        "migration version \"" + command.to() + "\" not found in "
                                + dir.dir().display()));
        if (target < from) {
            throw CommandFailedException.at(
                    command.pos(),
                    "cannot migrate down to version \"" + command.to() + "\": the database is at version \""
                            + dir.files().get(from).version() + "\"");
        }
        if (target == from) {
            return target;
        }
        if (pristine && setup.snapshots()) {
            fromSnapshots(isolation, db, dir, from, target, command.pos());
        } else {
            apply(db, dir, target, command.pos(), listener);
        }
        return target;
    }

    SnapshotStats stats() {
        return new SnapshotStats(created.get(), reused.get());
    }

    private void fromSnapshots(
            Isolation isolation, IsolatedDatabase db, MigrationPrefixes dir, int from, int target, Pos pos) {
        CompletableFuture<Optional<Snapshot>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<Snapshot>> existing =
                snapshots.putIfAbsent(dir.keys().get(target), mine);
        if (existing != null) {
            Optional<Snapshot> snapshot = existing.join();
            if (snapshot.isPresent()) {
                isolation.restore(db, snapshot.get());
                reused.incrementAndGet();
            } else {
                // Building it failed in another case; this one fails the same way, at its own command.
                apply(db, dir, target, pos, listener);
            }
            return;
        }
        try {
            int base = from;
            for (int i = target - 1; i > from; i--) {
                Optional<Snapshot> lower = done(snapshots.get(dir.keys().get(i)));
                if (lower.isPresent()) {
                    isolation.restore(db, lower.get());
                    reused.incrementAndGet();
                    base = i;
                    break;
                }
            }
            if (isolation.snapshotsDuringRuns()) {
                // One run up to the target that keeps every version it commits on the way, so that no later case
                // replays any of them.
                ApplyListener keeping = new KeepingListener(listener, file -> {
                    int index = dir.indexOf(file.version()).orElse(target);
                    if (index < target) {
                        keep(isolation, db, dir.keys().get(index));
                    }
                });
                apply(db, dir, target, pos, keeping);
            } else {
                // A run per file, keeping each version between runs, where a snapshot needs the database idle.
                for (int next = base + 1; next < target; next++) {
                    apply(db, dir, next, pos, listener);
                    keep(isolation, db, dir.keys().get(next));
                }
                apply(db, dir, target, pos, listener);
            }
            mine.complete(Optional.of(isolation.snapshot(db)));
            created.incrementAndGet();
        } catch (RuntimeException e) {
            snapshots.remove(dir.keys().get(target), mine);
            mine.complete(Optional.empty());
            throw e;
        }
    }

    // Keeps the state of an intermediate version, unless another case has kept (or is keeping) it already.
    private void keep(Isolation isolation, IsolatedDatabase db, String key) {
        CompletableFuture<Optional<Snapshot>> intermediate = new CompletableFuture<>();
        if (snapshots.putIfAbsent(key, intermediate) == null) {
            intermediate.complete(Optional.of(isolation.snapshot(db)));
            created.incrementAndGet();
        }
    }

    // A snapshot still being built by another case is not waited for: the nearest lower one, or none, will do.
    private static Optional<Snapshot> done(@Nullable CompletableFuture<Optional<Snapshot>> future) {
        if (future == null || !future.isDone()) {
            return Optional.empty();
        }
        return future.join();
    }

    private void apply(IsolatedDatabase db, MigrationPrefixes dir, int target, Pos pos, ApplyListener events) {
        // The case's database is private while the command runs (a program given its URL runs between commands,
        // not during one), so no other run can contend for the migration lock.
        ApplyOptions options = ApplyOptions.defaults(OPERATOR)
                .withRevisionsSchema(setup.revisionsSchema())
                .withTarget(dir.files().get(target).version())
                .withoutLock();
        try {
            ApplyReport report = new Migrator(db.database(), dir.dir(), options).apply(events);
            if (report.error().isPresent()) {
                throw CommandFailedException.at(
                        pos, describe(report, report.error().get()));
            }
        } catch (MigrateException | DatabaseException e) {
            throw CommandFailedException.at(pos, String.valueOf(e.getMessage()));
        }
    }

    // The wording of migrate diff's replay for a failing statement, so that one failure reads the same everywhere.
    private static String describe(ApplyReport report, String error) {
        List<ApplyReport.AppliedFile> applied = report.applied();
        if (applied.isEmpty()) {
            return error;
        }
        ApplyReport.AppliedFile last = applied.get(applied.size() - 1);
        if (last.error().isEmpty()) {
            return error;
        }
        String version = last.file().version();
        ApplyReport.FileError failure = last.error().get();
        if (last.statements().isEmpty() && report.counts().anyChecks()) {
            return "pre-migration checks of version \"" + version + "\" failed: " + failure.text();
        }
        return "executing statement \"" + failure.statement() + "\" from version \"" + version + "\": "
                + failure.text();
    }

    private synchronized MigrationPrefixes prefixes() {
        if (prefixes == null) {
            String url = setup.migrationDir().orElse(MigrationDir.DEFAULT_URL);
            prefixes = MigrationPrefixes.of(MigrationDir.open(url, setup.workingDirectory()));
        }
        return prefixes;
    }

    /** Drops every snapshot. */
    @Override
    public void close() {
        for (CompletableFuture<Optional<Snapshot>> future : snapshots.values()) {
            done(future).ifPresent(Snapshot::close);
        }
        snapshots.clear();
    }
}

package io.plumb.engine.migrate;

import io.plumb.engine.db.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code RevisionEditor} is {@code migrate set}: it moves a database's recorded version by hand, in one
 * transaction under the migration lock, without running any migration (reference 4.8).
 *
 * <p>Revisions after the target are deleted; a failed or partial target revision becomes "applied + manually set";
 * files between the last revision and the target get "manually set" revisions.
 */
public final class RevisionEditor {

    private final Database db;
    private final MigrationDir dir;
    private final ApplyOptions options;
    private final Clock clock;

    public RevisionEditor(Database db, MigrationDir dir, ApplyOptions options) {
        this.db = db;
        this.dir = dir;
        this.options = options;
        this.clock = Clock.systemUTC();
    }

    /**
     * Sets the database to a version of the directory; with no version, to the directory's last version, or with
     * an empty directory deletes every revision.
     *
     * @throws MigrateException when the version is not in the directory, or none is given for a database without
     *     history
     */
    public SetReport set(Optional<String> version) {
        List<MigrationFile> files = dir.validate();
        Optional<MigrationFile> target = version.map(v -> files.stream()
                .filter(f -> f.version().equals(v))
                .findFirst()
                .orElseThrow(() ->
                        new MigrateException("migration with version \"" + v + "\" not found in " + dir.display())));
        try (MigrationLock lock = MigrationLock.acquire(db, MigrationLock.APPLY, options.lockTimeout())) {
            RevisionStore store = RevisionStore.of(db, options.revisionsSchema());
            if (target.isEmpty() && !store.exists()) {
                // Refused before the table is created, so a refused run leaves a new database as it was.
                throw new MigrateException("accepts 1 arg(s), received 0");
            }
            store.init();
            return inTransaction(() -> edit(store, files, target.or(() -> latest(store, files))));
        }
    }

    /**
     * Returns the version that {@code set} without one means, as the reference has it: the directory's last file
     * on a database with history (none for an empty directory, which deletes the history); on a database without
     * history there is nothing to sync, and the version is required.
     */
    private static Optional<MigrationFile> latest(RevisionStore store, List<MigrationFile> files) {
        if (store.readAll().isEmpty()) {
            throw new MigrateException("accepts 1 arg(s), received 0");
        }
        return files.isEmpty() ? Optional.empty() : Optional.of(files.get(files.size() - 1));
    }

    private SetReport edit(RevisionStore store, List<MigrationFile> files, Optional<MigrationFile> target) {
        List<Revision> revisions = store.readAll();
        List<Revision> removed = new ArrayList<>();
        List<Revision> set = new ArrayList<>();
        String limit = target.map(MigrationFile::version).orElse("");
        for (Revision revision : revisions) {
            if (target.isEmpty() || dir.format().compareVersions(revision.version(), limit) > 0) {
                store.delete(revision.version());
                removed.add(revision);
            }
        }
        if (target.isEmpty()) {
            return new SetReport(Optional.empty(), set, removed);
        }
        SumFile sum = SumFile.compute(files);
        Optional<Revision> existing =
                revisions.stream().filter(r -> r.version().equals(limit)).findFirst();
        if (existing.isPresent()
                && (existing.get().isPartial() || existing.get().error().isPresent())) {
            Revision resolved = existing.get()
                    .completed(existing.get().executionTime())
                    .withType(Revision.EXECUTED | Revision.RESOLVED);
            store.write(resolved);
            set.add(resolved);
        }
        String last = revisions.stream()
                .map(Revision::version)
                .filter(v -> dir.format().compareVersions(v, limit) <= 0)
                .max(dir.format()::compareVersions)
                .orElse("");
        Instant now = clock.instant();
        for (MigrationFile file : files) {
            boolean between = file.compareVersionTo(last) > 0 && file.compareVersionTo(limit) <= 0;
            if (between) {
                Revision manual = new Revision(
                        file.version(),
                        file.description(),
                        Revision.RESOLVED,
                        0,
                        0,
                        now,
                        Duration.ZERO,
                        Optional.empty(),
                        Optional.empty(),
                        sum.hashOf(file.name()).orElse(""),
                        List.of(),
                        options.operatorVersion());
                store.write(manual);
                set.add(manual);
            }
        }
        return new SetReport(Optional.of(limit), set, removed);
    }

    private SetReport inTransaction(java.util.function.Supplier<SetReport> work) {
        Connection connection = db.connection();
        try {
            connection.setAutoCommit(false);
            SetReport report = work.get();
            connection.commit();
            return report;
        } catch (SQLException e) {
            Migrator.rollback(connection);
            throw new MigrateException("migrate set: " + Migrator.message(e), e);
        } catch (RuntimeException e) {
            Migrator.rollback(connection);
            throw e;
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                // The connection is closed by the caller; nothing was left uncommitted.
            }
        }
    }
}

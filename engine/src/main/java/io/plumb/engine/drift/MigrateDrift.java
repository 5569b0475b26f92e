package io.plumb.engine.drift;

import io.plumb.engine.db.Database;
import io.plumb.engine.migrate.History;
import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.migrate.MigrationFile;
import io.plumb.engine.migrate.MigrationLock;
import io.plumb.engine.migrate.Revision;
import io.plumb.engine.migrate.RevisionStore;
import io.plumb.engine.schema.Realm;
import java.util.List;
import java.util.Optional;

/**
 * {@code MigrateDrift} is one run of {@link DriftCheck#migrate()}: the database's history, the state its applied
 * files give, and the comparison.
 */
final class MigrateDrift {

    private final DriftCheck.Settings settings;
    private final MigrationDir dir;
    private final String devUrl;

    MigrateDrift(DriftCheck.Settings settings, MigrationDir dir, String devUrl) {
        this.settings = settings;
        this.dir = dir;
        this.devUrl = devUrl;
    }

    DriftReport run() {
        // A broken directory is refused before the database is opened, as migrate status does.
        List<MigrationFile> files = dir.validate();
        try (Database db = Database.open(settings.url(), settings.workingDirectory())) {
            List<Revision> revisions;
            Realm actual;
            try (MigrationLock lock = DriftCheck.lock(db, settings.lockTimeout())) {
                revisions = RevisionStore.of(db, settings.revisionsSchema()).readAll();
                actual = db.inspect(settings.schemas());
            }
            History history = History.of(files, revisions, settings.execOrder());
            Optional<Revision> last = history.last();
            Optional<String> failure = last.flatMap(MigrateDrift::failure);
            List<MigrationFile> applied = AppliedFiles.of(files, revisions, failure.isPresent());
            Realm expected = expectedState(db, applied);
            Comparison comparison = Comparison.of(
                    db, expected, actual, settings.revisionsSchema(), settings.exclude(), settings.policy());
            List<String> pending =
                    history.pending().stream().map(MigrationFile::name).toList();
            DriftStatus status;
            if (failure.isPresent()) {
                status = DriftStatus.FAILED;
            } else if (!comparison.diverged().isEmpty()) {
                status = DriftStatus.DRIFTED;
            } else {
                status = pending.isEmpty() ? DriftStatus.SYNCED : DriftStatus.PENDING;
            }
            boolean failed = status == DriftStatus.FAILED;
            return new DriftReport(
                    status,
                    last.map(Revision::version).orElse(null),
                    files.isEmpty() ? null : files.get(files.size() - 1).version(),
                    pending,
                    "file://" + dir.display() + " (local)",
                    failed ? List.of() : comparison.diverged(),
                    failed ? "" : comparison.hclDiff(),
                    failed ? List.of() : comparison.fixStatements(),
                    !failed && comparison.destructive(),
                    failure,
                    comparison.actual().unsupported(),
                    comparison.expected(),
                    comparison.actual());
        }
    }

    /** Returns the message of a last revision that failed or stopped part-way. */
    private static Optional<String> failure(Revision last) {
        if (last.error().isPresent()) {
            return Optional.of("version " + last.version() + ": " + last.error().get());
        }
        if (last.isPartial()) {
            return Optional.of("version " + last.version() + " is partly applied (" + last.applied() + " of "
                    + last.total() + " statements)");
        }
        return Optional.empty();
    }

    /** Returns the state the applied files give, from the cache or replayed on the dev database. */
    private Realm expectedState(Database target, List<MigrationFile> applied) {
        ExpectedStates.Dev dev =
                new ExpectedStates.Dev(devUrl, settings.workingDirectory(), settings.schemas(), settings.lockTimeout());
        return settings.states().replayed(target, dev, applied);
    }
}

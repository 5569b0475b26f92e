package io.plumb.engine.drift;

import io.plumb.engine.db.Database;
import io.plumb.engine.migrate.DirReplay;
import io.plumb.engine.migrate.History;
import io.plumb.engine.migrate.MigrateException;
import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.migrate.MigrationFile;
import io.plumb.engine.migrate.MigrationLock;
import io.plumb.engine.migrate.PrefixHash;
import io.plumb.engine.migrate.Revision;
import io.plumb.engine.migrate.RevisionStore;
import io.plumb.engine.schema.Realm;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

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
            List<MigrationFile> applied = applied(files, revisions, failure.isPresent());
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

    /**
     * Returns the files whose effects the database should hold, in order: every file up to the last complete
     * revision that has a revision of its own or precedes the first revision (a baseline stands for the files
     * before it), starting from the last checkpoint among them, which holds the whole state of its version.
     */
    static List<MigrationFile> applied(List<MigrationFile> files, List<Revision> revisions, boolean lastFailed) {
        List<Revision> complete = lastFailed ? revisions.subList(0, revisions.size() - 1) : revisions;
        if (complete.isEmpty()) {
            return List.of();
        }
        String first = complete.get(0).version();
        String last = complete.get(complete.size() - 1).version();
        Set<String> recorded = new HashSet<>();
        complete.forEach(r -> recorded.add(r.version()));
        List<MigrationFile> applied = new ArrayList<>();
        for (MigrationFile file : files) {
            if (file.compareVersionTo(last) <= 0
                    && (file.compareVersionTo(first) <= 0 || recorded.contains(file.version()))) {
                applied.add(file);
            }
        }
        for (int i = applied.size() - 1; i > 0; i--) {
            if (isCheckpoint(applied.get(i))) {
                return List.copyOf(applied.subList(i, applied.size()));
            }
        }
        return applied;
    }

    private static boolean isCheckpoint(MigrationFile file) {
        try {
            return file.directives().checkpoint().isPresent();
        } catch (MigrateException e) {
            return false;
        }
    }

    /** Returns the state the applied files give, from the cache or replayed on the dev database. */
    private Realm expectedState(Database target, List<MigrationFile> applied) {
        ExpectedStates.Key key = new ExpectedStates.Key(
                target.dialect().name(), serverVersion(target), devUrl, settings.schemas(), PrefixHash.of(applied));
        return settings.states().get(key, () -> {
            try (Database dev = Database.open(devUrl, settings.workingDirectory())) {
                if (!dev.dialect().name().equals(target.dialect().name())) {
                    throw new DriftException("the dev database " + dev.url() + " is "
                            + dev.dialect().name() + ", the database " + target.url() + " is "
                            + target.dialect().name());
                }
                List<String> schemas = dev.boundSchema().isPresent() ? List.of() : settings.schemas();
                // The lock migrate diff takes on a dev database, so another process's replay on it waits.
                try (MigrationLock lock = MigrationLock.acquire(dev, MigrationLock.DIFF, settings.lockTimeout())) {
                    return DirReplay.replay(dev, applied, schemas);
                }
            }
        });
    }

    private static String serverVersion(Database db) {
        try {
            @Nullable String version = db.connection().getMetaData().getDatabaseProductVersion();
            return version == null ? "" : version;
        } catch (SQLException e) {
            return "";
        }
    }
}

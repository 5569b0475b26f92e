package io.plumb.engine.drift;

import io.plumb.engine.db.Database;
import io.plumb.engine.migrate.MigrationLock;
import io.plumb.engine.schema.Realm;
import java.util.List;
import java.util.Optional;

/**
 * {@code SchemaDrift} is one run of {@link DriftCheck#schema(List)}: the desired schema loaded (on the dev database
 * when there is one), the database inspected, and the comparison.
 */
final class SchemaDrift {

    private final DriftCheck.Settings settings;
    private final List<String> desired;

    SchemaDrift(DriftCheck.Settings settings, List<String> desired) {
        this.settings = settings;
        this.desired = desired;
    }

    DriftReport run() {
        try (Database db = Database.open(settings.url(), settings.workingDirectory())) {
            Realm actual;
            try (MigrationLock lock = DriftCheck.lock(db, settings.lockTimeout())) {
                actual = db.inspect(settings.schemas());
            }
            Realm expected = load(db);
            Comparison comparison = Comparison.of(
                    db, expected, actual, settings.revisionsSchema(), settings.exclude(), settings.policy());
            return new DriftReport(
                    comparison.diverged().isEmpty() ? DriftStatus.SYNCED : DriftStatus.DRIFTED,
                    null,
                    null,
                    List.of(),
                    String.join(",", desired),
                    comparison.diverged(),
                    comparison.hclDiff(),
                    comparison.fixStatements(),
                    comparison.destructive(),
                    Optional.empty(),
                    comparison.actual().unsupported(),
                    comparison.expected(),
                    comparison.actual());
        }
    }

    private Realm load(Database target) {
        String devUrl = settings.devUrl();
        if (devUrl == null) {
            return settings.loader().load(desired, target.dialect(), null);
        }
        try (Database dev = Database.open(devUrl, settings.workingDirectory())) {
            return settings.loader().load(desired, target.dialect(), dev);
        }
    }
}

package io.plumb.engine.testing;

import io.plumb.engine.devdb.IsolatedDatabase;
import io.plumb.engine.devdb.Isolation;
import io.plumb.engine.migrate.CheckProblem;
import io.plumb.engine.migrate.CheckValidator;
import io.plumb.engine.migrate.MigrationDir;
import java.util.List;

/**
 * {@code DirectoryChecks} validates the pre-migration checks of the migration directory a set of migration tests
 * runs with, before any case does: every {@code -- atlas:txtar} file must be well-formed, and each of its checks
 * must parse, run on the dev database at the version before its file, and return a single boolean.
 */
public final class DirectoryChecks {

    private DirectoryChecks() {}

    /**
     * Validates the setup's migration directory on an isolated database of its dev database.
     *
     * @return the problems, each rendered as {@code DIR/FILE:LINE:COL: message}; empty when every check is sound
     * @throws io.plumb.engine.migrate.MigrateException when the directory does not exist or fails its checksum
     */
    public static List<String> validate(TestSetup setup) {
        MigrationDir dir =
                MigrationDir.open(setup.migrationDir().orElse(MigrationDir.DEFAULT_URL), setup.workingDirectory());
        try (Isolation isolation = Isolation.open(setup.devUrl(), setup.workingDirectory());
                IsolatedDatabase db = isolation.fresh()) {
            return CheckValidator.validate(db.database(), dir).stream()
                    .map(problem -> render(dir, problem))
                    .toList();
        }
    }

    private static String render(MigrationDir dir, CheckProblem problem) {
        String prefix = dir.display().endsWith("/") ? dir.display() : dir.display() + "/";
        return prefix + problem.render();
    }
}

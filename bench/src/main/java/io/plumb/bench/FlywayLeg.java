package io.plumb.bench;

import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * A {@code FlywayLeg} applies the workload with Flyway, the usual Java migration library, in the bench's JVM and
 * after warm-up: the timed part is {@code Flyway.configure()...load().migrate()}, with Flyway's default settings
 * (one transaction per migration, validation on migrate, its schema history table).
 *
 * @param dir the migration directory in Flyway's layout
 * @param expected the number of migrations the run must apply
 */
public record FlywayLeg(Path dir, int expected) implements MigrateLeg {

    @Override
    public String name() {
        return "flyway (in process, warm)";
    }

    @Override
    public void apply(Path database) throws LegFailure {
        MigrateResult result;
        try {
            result = Flyway.configure()
                    .dataSource("jdbc:sqlite:" + database, null, null)
                    .locations("filesystem:" + dir)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new LegFailure(name() + ": migrate failed: " + e.getMessage(), e);
        }
        if (!result.success || result.migrationsExecuted != expected) {
            throw new LegFailure(name() + ": expected " + expected + " migrations applied, found "
                    + result.migrationsExecuted + (result.success ? "" : " and a failure"));
        }
    }
}

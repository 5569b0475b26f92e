package io.plumb.engine.source;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.SqlErrors;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.plan.PlanExecutor;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaChange;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Uses a dev database as scratch space: it must start clean, and is left clean. */
final class DevDatabase {

    private DevDatabase() {}

    static void requireClean(Database dev) {
        Realm realm = dev.inspect(List.of());
        for (Schema schema : realm.schemas()) {
            if (!schema.tables().isEmpty()) {
                throw new SourceException("the dev database " + dev.url() + " is not clean: schema \"" + schema.name()
                        + "\" has table \"" + schema.tables().get(0).name() + "\"");
            }
        }
    }

    static void execute(Database dev, String file, List<io.plumb.engine.migrate.Statement> statements) {
        for (io.plumb.engine.migrate.Statement sql : statements) {
            try (Statement statement = dev.connection().createStatement()) {
                statement.execute(sql.text());
            } catch (SQLException e) {
                throw new SourceException(
                        file + ":" + sql.line() + ":" + sql.column() + ": executing statement \"" + sql.text() + "\": "
                                + SqlErrors.message(e),
                        e);
            }
        }
    }

    static void clean(Database dev) {
        Realm realm = dev.inspect(List.of());
        List<SchemaChange> drops = SchemaChange.dropAll(realm);
        if (!drops.isEmpty()) {
            PlanExecutor.execute(dev.connection(), dev.dialect().planner().plan(drops, PlanOptions.defaults()));
        }
    }
}

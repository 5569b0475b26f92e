package io.plumb.engine.testing;

import io.plumb.engine.devdb.IsolatedDatabase;
import io.plumb.engine.devdb.Isolation;
import io.plumb.engine.dialect.Dialect;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.plan.Plan;
import io.plumb.engine.plan.PlanExecutor;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.source.SourceException;
import io.plumb.engine.source.SourceLoader;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code DesiredSchema} is the schema every schema-test case starts from: loaded once per runner, on first use, and
 * kept as the plan that creates it on an empty database, which each case's database then executes.
 */
final class DesiredSchema {

    private final TestSetup setup;
    private @Nullable Plan plan;
    private Optional<String> warning = Optional.empty();

    DesiredSchema(TestSetup setup) {
        this.setup = setup;
    }

    /**
     * Creates the desired schema on an empty database.
     *
     * @throws SourceException when the desired schema is not given or does not load
     * @throws io.plumb.engine.plan.StatementException when the database refuses the plan
     */
    void createOn(IsolatedDatabase db, Isolation isolation) {
        PlanExecutor.execute(db.database().connection(), plan(isolation));
    }

    /**
     * Returns the changes that create the desired schema in a case database. On MySQL a case database is a schema
     * of a name of its own, so the desired schema's own attributes (charset, collation, comment: an {@code ALTER
     * DATABASE} naming the schema) stay the server's; elsewhere they are created too (PostgreSQL's enum types).
     */
    private static List<SchemaChange> creation(Realm realm, Dialect dialect) {
        List<SchemaChange> changes = SchemaChange.createAll(realm);
        if (!dialect.name().equals("mysql")) {
            return changes;
        }
        return changes.stream()
                .filter(c -> !(c instanceof SchemaChange.ModifySchema))
                .toList();
    }

    /** Returns the warning about what the desired schema held that the cases do not get, once it was loaded. */
    synchronized Optional<String> warning() {
        return warning;
    }

    private synchronized Plan plan(Isolation isolation) {
        if (plan == null) {
            if (setup.desiredSchema().isEmpty()) {
                throw new SourceException(
                        "schema tests need a desired schema to start from: none was given (--url, or the env's"
                                + " schema src)");
            }
            // SQL sources run on a dev database, and HCL ones are normalised through one: a throwaway one of ours.
            try (IsolatedDatabase dev = isolation.fresh()) {
                Dialect dialect = dev.database().dialect();
                Realm realm = new SourceLoader(setup.workingDirectory(), setup.schemaVariables(), setup.getenv())
                        .load(setup.desiredSchema(), dialect, dev.database());
                plan = dialect.planner().plan(creation(realm, dialect), PlanOptions.defaults());
                warning = realm.unsupportedWarning();
            }
        }
        return plan;
    }
}

package io.plumb.engine.realworld;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.db.Database;
import io.plumb.engine.devdb.IsolatedDatabase;
import io.plumb.engine.devdb.Isolation;
import io.plumb.engine.dialect.Dialect;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.diff.DiffOptions;
import io.plumb.engine.diff.Differ;
import io.plumb.engine.hcl.EvalOptions;
import io.plumb.engine.hcl.Hcl;
import io.plumb.engine.hcl.HclEvaluator;
import io.plumb.engine.migrate.RevisionStore;
import io.plumb.engine.plan.Plan;
import io.plumb.engine.plan.PlanExecutor;
import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.Table;
import java.util.List;

/**
 * A {@code RealmRoundTrip} takes a schema inspected from a database through HCL (written, read back, written again)
 * and through the declarative path onto an empty database of the same server (planned from empty and executed),
 * inspects that database and checks that nothing differs and nothing is left to plan.
 */
final class RealmRoundTrip {

    private final Isolation isolation;

    RealmRoundTrip(Isolation isolation) {
        this.isolation = isolation;
    }

    /**
     * Inspects the one schema a test database's objects live in: {@code public} on PostgreSQL, the bound schema on
     * MySQL (without the revisions table that a migration directory leaves there).
     */
    static Realm inspect(Database db) {
        Realm realm = db.inspect(db.boundSchema().isPresent() ? List.of() : List.of("public"));
        return new Realm(realm.schemas().stream()
                .map(s -> s.withTables(s.tables().stream()
                        .filter(t -> !t.name().equals(RevisionStore.TABLE))
                        .toList()))
                .toList());
    }

    /** Runs the round trip of an inspected single-schema realm and returns what the empty database holds after. */
    Realm check(Dialect dialect, Realm inspected) {
        String hcl = dialect.spec().write(inspected);
        Realm read = read(dialect, hcl);
        assertThat(dialect.spec().write(read))
                .as("HCL written, read and written again")
                .isEqualTo(hcl);
        String source = only(inspected).name();
        try (IsolatedDatabase target = isolation.fresh()) {
            Database db = target.database();
            String name = db.boundSchema().orElse(source);
            Realm desired = renamed(read, name);
            PlanExecutor.execute(db.connection(), plan(db, desired));
            Realm applied = inspect(db);
            assertThat(diff(dialect, applied, desired))
                    .as("changes left after apply")
                    .isEmpty();
            assertThat(diff(dialect, desired, applied))
                    .as("changes back after apply")
                    .isEmpty();
            assertThat(plan(db, desired).changes())
                    .extracting(PlannedChange::sql)
                    .as("statements planned again")
                    .isEmpty();
            Realm back = renamed(applied, source);
            assertThat(diff(dialect, inspected, back))
                    .as("changes from the source")
                    .isEmpty();
            assertThat(dialect.spec().write(back))
                    .as("HCL of the applied schema")
                    .isEqualTo(hcl);
            return back;
        }
    }

    /** Returns the changes from one realm to another under the dialect's normalizer. */
    static List<SchemaChange> diff(Dialect dialect, Realm from, Realm to) {
        return new Differ().diff(from, to, DiffOptions.of(dialect.normalizer()));
    }

    private static Plan plan(Database db, Realm desired) {
        Dialect dialect = db.dialect();
        return dialect.planner().plan(diff(dialect, inspect(db), desired), PlanOptions.defaults());
    }

    private static Realm read(Dialect dialect, String hcl) {
        return dialect.spec()
                .read(HclEvaluator.evaluate(List.of(Hcl.parse("schema.hcl", hcl)), EvalOptions.defaults()));
    }

    private static Schema only(Realm realm) {
        assertThat(realm.schemas()).as("schemas inspected").hasSize(1);
        return realm.schemas().get(0);
    }

    /** Returns a single-schema realm under another schema name, with its foreign keys following it. */
    static Realm renamed(Realm realm, String name) {
        Schema schema = only(realm);
        List<Table> tables = schema.tables().stream()
                .map(t -> new Table(
                        t.name(),
                        t.columns(),
                        t.primaryKey(),
                        t.indexes(),
                        t.foreignKeys().stream()
                                .map(fk -> fk.refSchema().equals(schema.name()) ? retarget(fk, name) : fk)
                                .toList(),
                        t.checks(),
                        t.comment(),
                        t.options()))
                .toList();
        return Realm.of(new Schema(name, tables, schema.comment(), schema.options()));
    }

    private static ForeignKey retarget(ForeignKey fk, String schema) {
        return new ForeignKey(
                fk.name(), fk.columns(), schema, fk.refTable(), fk.refColumns(), fk.onUpdate(), fk.onDelete());
    }
}

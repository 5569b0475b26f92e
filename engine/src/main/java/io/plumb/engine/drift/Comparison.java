package io.plumb.engine.drift;

import io.plumb.engine.db.Database;
import io.plumb.engine.dialect.Dialect;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.diff.DiffOptions;
import io.plumb.engine.diff.DiffPolicy;
import io.plumb.engine.diff.Differ;
import io.plumb.engine.diff.ExcludeFilter;
import io.plumb.engine.migrate.RevisionStore;
import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.TableChange;
import io.plumb.runner.TextDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code Comparison} is an expected state and a database's state brought into one scope and compared: what
 * differs, the HCL of both as a unified diff, and the statements that turn the database back into the expected
 * state.
 *
 * @param expected the expected state, in the database's scope
 * @param actual the database's state, without the revisions table
 * @param diverged the objects that differ
 * @param hclDiff the unified diff of the two states' HCL, or empty
 * @param fixStatements the statements that bring the database back
 * @param destructive whether a fix statement drops something or may lose data
 */
public record Comparison(
        Realm expected,
        Realm actual,
        List<DivergedObject> diverged,
        String hclDiff,
        List<String> fixStatements,
        boolean destructive) {

    /** The names the unified diff gives the two sides, as the reference's pre-apply drift check prints them. */
    static final String EXPECTED = "expected state";

    static final String ACTUAL = "actual state";

    /**
     * Compares a database's inspected state with the state expected of it.
     *
     * @param target the database, which gives the dialect and the schema binding
     * @param revisionsSchema the schema of the revisions table, left out of the database's state
     */
    static Comparison of(
            Database target,
            Realm expectedState,
            Realm actualState,
            Optional<String> revisionsSchema,
            List<String> exclude,
            DiffPolicy policy) {
        Dialect dialect = target.dialect();
        boolean bound = target.boundSchema().isPresent();
        Realm actual = withoutRevisionsTable(actualState, revisionsSchema.or(target::boundSchema), bound);
        Realm expected = inScopeOf(expectedState, actual, target);
        if (!exclude.isEmpty()) {
            actual = ExcludeFilter.apply(actual, exclude, bound);
            expected = ExcludeFilter.apply(expected, exclude, bound);
        }
        List<SchemaChange> changes = new Differ().diff(actual, expected, new DiffOptions(dialect.normalizer(), policy));
        List<DivergedObject> diverged = new ArrayList<>(DivergedObjects.of(changes));
        diverged.addAll(DivergedObjects.unsupported(expected.unsupported(), actual.unsupported()));
        if (diverged.isEmpty()) {
            return new Comparison(expected, actual, List.of(), "", List.of(), false);
        }
        List<String> fix = changes.isEmpty()
                ? List.of()
                : dialect
                        .planner()
                        .plan(changes, new PlanOptions(!bound, "  ", policy.concurrentIndex()))
                        .changes()
                        .stream()
                        .map(PlannedChange::sql)
                        .toList();
        String hcl = unifiedDiff(dialect.spec().write(expected), dialect.spec().write(actual));
        return new Comparison(expected, actual, diverged, hcl, fix, isDestructive(changes));
    }

    /**
     * Returns the unified diff of two texts headed {@code --- expected state} and {@code +++ actual state}, or empty
     * when they are equal. It is the runner's diff (the one {@code cmp} prints), without its {@code diff A B} line.
     */
    static String unifiedDiff(String expected, String actual) {
        String diff = TextDiff.unified(EXPECTED, expected, ACTUAL, actual);
        int firstLine = diff.indexOf('\n');
        return diff.startsWith("diff ") && firstLine >= 0 ? diff.substring(firstLine + 1) : diff;
    }

    /**
     * Returns whether bringing the database back loses data: a schema, table or stored column dropped, or a
     * column's type changed (a narrowing cast may fail or truncate).
     */
    static boolean isDestructive(List<SchemaChange> changes) {
        for (SchemaChange change : changes) {
            if (change instanceof SchemaChange.DropSchema || change instanceof SchemaChange.DropTable) {
                return true;
            }
            if (change instanceof SchemaChange.DropObject drop
                    && drop.object().kind() == io.plumb.engine.schema.ObjectKind.MATERIALIZED_VIEW) {
                return true;
            }
            if (change instanceof SchemaChange.ModifyTable modify) {
                for (TableChange inner : modify.changes()) {
                    if (inner instanceof TableChange.DropColumn drop
                            && drop.column().isStored()) {
                        return true;
                    }
                    if (inner instanceof TableChange.ModifyColumn column
                            && column.aspects().contains(TableChange.ColumnAspect.TYPE)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Returns the database's state without the revisions table, and without the revisions schema when it held
     * nothing else (PostgreSQL and MySQL keep the table in a schema of its own unless the URL is bound).
     */
    public static Realm withoutRevisionsTable(Realm realm, Optional<String> revisionsSchema, boolean bound) {
        String home = revisionsSchema.orElse(RevisionStore.DEFAULT_SCHEMA);
        List<Schema> schemas = new ArrayList<>();
        for (Schema schema : realm.schemas()) {
            // SQLite keeps the table in main whatever the URL says.
            boolean holds = schema.name().equals(home) || schema.name().equals("main");
            if (!holds || schema.table(RevisionStore.TABLE).isEmpty()) {
                schemas.add(schema);
                continue;
            }
            Schema rest = schema.withTables(schema.tables().stream()
                    .filter(t -> !t.name().equals(RevisionStore.TABLE))
                    .toList());
            boolean empty = rest.tables().isEmpty() && rest.objects().isEmpty();
            if (!(empty && !bound && schema.name().equals(RevisionStore.DEFAULT_SCHEMA))) {
                schemas.add(rest);
            }
        }
        return realm.withSchemas(schemas);
    }

    /**
     * Returns the expected state under the database's schema names: a state built on a dev database bound to a
     * schema of its own describes "the bound schema", so a one-schema state takes the name of the database's one
     * schema; an empty state of a bound database is its schema, empty.
     */
    public static Realm inScopeOf(Realm expected, Realm actual, Database target) {
        if (expected.schemas().isEmpty() && target.boundSchema().isPresent()) {
            return expected.withSchemas(List.of(Schema.of(target.boundSchema().get(), List.of())));
        }
        if (expected.schemas().size() == 1 && actual.schemas().size() == 1) {
            return expected.withOnlySchemaRenamed(actual.schemas().get(0).name());
        }
        return expected;
    }
}

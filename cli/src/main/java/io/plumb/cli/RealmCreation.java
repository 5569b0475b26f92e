package io.plumb.cli;

import io.plumb.engine.db.Database;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.diff.DiffNormalizer;
import io.plumb.engine.plan.Plan;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaChange;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code RealmCreation} plans the statements that create a realm from nothing, as a database of its URL's scope
 * would need them: {@code schema inspect --format sql} prints them, and {@code migrate checkpoint} writes them.
 */
final class RealmCreation {

    private RealmCreation() {}

    /**
     * Plans the creation of every object of a realm read from a database.
     *
     * @param db the database the realm was read from, whose dialect plans and whose binding decides the scope
     * @param indent the indentation of table bodies ({@code ""} for one line)
     */
    static Plan plan(Database db, Realm realm, String indent) {
        // Bound to a schema, the schema exists: its own types (PostgreSQL enums) are created, its comment is left as
        // it is, and what it has of the server's own (MySQL's charset and collation) goes without saying. Tables are
        // created as the differ adds them (MySQL spells out their charset and collation).
        DiffNormalizer normalizer = db.dialect().normalizer();
        // Bound to no schema, the SQL creates the schemas too, as the reference writes it (its ChangesToRealm):
        // run on an empty database, it would otherwise fail at the first table of a schema other than "public".
        boolean qualified = db.boundSchema().isEmpty();
        List<SchemaChange> changes = new ArrayList<>();
        if (qualified) {
            realm.schemas().forEach(s -> changes.add(new SchemaChange.AddSchema(s)));
        }
        SchemaChange.createAll(realm).stream()
                .filter(c -> !(qualified && c instanceof SchemaChange.ModifySchema))
                .map(c -> {
                    if (c instanceof SchemaChange.ModifySchema m) {
                        Schema server = normalizer.desiredSchema(m.to(), Schema.of(m.to().name(), List.of()));
                        return new SchemaChange.ModifySchema(
                                new Schema(m.to().name(), List.of(), m.to().comment(), server.options()), m.to());
                    }
                    if (c instanceof SchemaChange.AddTable a) {
                        return realm.schema(a.schema())
                                .<SchemaChange>map(
                                        s -> new SchemaChange.AddTable(a.schema(), normalizer.newTable(s, a.table())))
                                .orElse(c);
                    }
                    return c;
                })
                .forEach(changes::add);
        return db.dialect().planner().plan(changes, new PlanOptions(qualified, indent));
    }
}

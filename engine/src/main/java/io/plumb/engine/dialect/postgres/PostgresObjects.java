package io.plumb.engine.dialect.postgres;

import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code PostgresObjects} collects the schema objects the {@link PostgresInspector} reads besides tables (views,
 * materialized views, routines, triggers, event triggers), per schema, and counts what it sees but does not model.
 * Objects that belong to an extension are left to the extension.
 */
final class PostgresObjects {

    /** The condition that leaves out an object an extension owns; {@code $CLASS} and {@code $OID} name it. */
    static final String NOT_EXTENSION = "NOT EXISTS (SELECT 1 FROM pg_depend xd WHERE xd.classid = '$CLASS'::regclass"
            + " AND xd.objid = $OID AND xd.deptype = 'e')";

    private final Map<String, List<SchemaObject>> bySchema = new LinkedHashMap<>();
    private final List<SchemaObject> database = new ArrayList<>();
    private final Map<String, Integer> unsupported = new TreeMap<>();

    /** Returns the extension condition for the catalogue and oid column of the query's object. */
    static String notExtension(String catalog, String oid) {
        return NOT_EXTENSION.replace("$CLASS", catalog).replace("$OID", oid);
    }

    /** Returns the realm with the objects of its schemas added, and the counts of what was left out. */
    static Realm inspect(Connection connection, CatalogQuery query, Realm realm) throws SQLException {
        PostgresObjects objects = new PostgresObjects();
        new ViewQuery(query).read(connection, objects);
        new RoutineQuery(query).read(connection, objects);
        new TriggerQuery(query).read(connection, objects);
        // Rules are counted with the other kinds the model does not hold (PostgresUnsupported).
        List<Schema> schemas = new ArrayList<>();
        for (Schema schema : realm.schemas()) {
            List<SchemaObject> all = new ArrayList<>(schema.objects());
            all.addAll(objects.bySchema.getOrDefault(schema.name(), List.of()));
            schemas.add(schema.withObjects(all));
        }
        List<SchemaObject> database = new ArrayList<>(realm.objects());
        database.addAll(objects.database);
        Map<String, Integer> unsupported = new TreeMap<>(realm.unsupported());
        objects.unsupported.forEach((k, v) -> unsupported.merge(k, v, Integer::sum));
        return new Realm(schemas, database, unsupported);
    }

    /** Adds an object of a schema. */
    void add(String schema, SchemaObject object) {
        bySchema.computeIfAbsent(schema, s -> new ArrayList<>()).add(object);
    }

    /** Adds a database-level object. */
    void add(SchemaObject object) {
        database.add(object);
    }

    /** Counts something seen and not modelled. */
    void unsupported(String kind, int count) {
        unsupported.merge(kind, count, Integer::sum);
    }
}

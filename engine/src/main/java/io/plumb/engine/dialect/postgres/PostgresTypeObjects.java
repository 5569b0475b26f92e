package io.plumb.engine.dialect.postgres;

import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code PostgresTypeObjects} is the inspector's part for sequences, domains, composite types, policies and
 * extensions, and for the count of what the model leaves out ({@link PostgresUnsupported}).
 */
final class PostgresTypeObjects {

    private PostgresTypeObjects() {}

    /** Returns the realm with the objects of its schemas and database added, and the unsupported counts. */
    static Realm inspect(Connection connection, CatalogQuery query, Realm realm) throws SQLException {
        Map<String, List<SchemaObject>> objects = new HashMap<>();
        CompositeQuery.read(connection, query, objects);
        DomainQuery.read(connection, query, objects);
        SequenceQuery.read(connection, query, objects);
        PolicyObjects.inspect(connection, query, objects);
        List<Schema> schemas = new ArrayList<>();
        for (Schema schema : realm.schemas()) {
            List<SchemaObject> all = new ArrayList<>(schema.objects());
            all.addAll(objects.getOrDefault(schema.name(), List.of()));
            schemas.add(schema.withObjects(all));
        }
        List<SchemaObject> realmObjects = new ArrayList<>(realm.objects());
        realmObjects.addAll(ExtensionObjects.inspect(connection, query));
        Map<String, Integer> unsupported = new HashMap<>(realm.unsupported());
        PostgresUnsupported.count(connection, query).forEach((k, v) -> unsupported.merge(k, v, Integer::sum));
        return new Realm(schemas, realmObjects, unsupported);
    }
}

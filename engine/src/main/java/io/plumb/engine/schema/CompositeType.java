package io.plumb.engine.schema;

import java.util.List;
import java.util.Optional;

/**
 * A {@code CompositeType}: a PostgreSQL row type created with {@code CREATE TYPE ... AS (...)}.
 *
 * @param name the type name
 * @param fields the fields in order; only their names and types count
 * @param comment the comment
 * @param dependsOn the types the fields use, and any {@code depends_on}
 */
public record CompositeType(String name, List<Column> fields, Optional<String> comment, List<ObjectRef> dependsOn)
        implements SchemaObject {

    public CompositeType {
        fields = List.copyOf(fields);
        dependsOn = List.copyOf(dependsOn);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.COMPOSITE;
    }

    @Override
    public List<String> sqlTexts() {
        return fields.stream().map(f -> f.type().sql()).toList();
    }
}

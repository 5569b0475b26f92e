package io.plumb.engine.schema;

import java.util.List;
import java.util.Optional;

/**
 * An {@code Extension} installed in a PostgreSQL database. Extensions belong to the database, not to a schema: a
 * realm keeps them apart from its schemas, with the schema their objects went into.
 *
 * @param name the extension name
 * @param schema the schema its objects were created in
 * @param version the installed version, when one is pinned
 * @param comment the comment, which the extension itself sets (read only)
 */
public record Extension(String name, String schema, Optional<String> version, Optional<String> comment)
        implements SchemaObject {

    @Override
    public ObjectKind kind() {
        return ObjectKind.EXTENSION;
    }

    @Override
    public List<ObjectRef> dependsOn() {
        return List.of();
    }

    @Override
    public List<String> sqlTexts() {
        return List.of();
    }
}

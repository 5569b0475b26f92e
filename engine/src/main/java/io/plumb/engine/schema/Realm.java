package io.plumb.engine.schema;

import java.util.List;
import java.util.Optional;

/**
 * A {@code Realm} is everything a connection or a schema file describes: an ordered list of schemas.
 *
 * @param schemas the schemas, in the order they were inspected or declared
 */
public record Realm(List<Schema> schemas) {

    public Realm {
        schemas = List.copyOf(schemas);
    }

    /** Returns a realm of the given schemas. */
    public static Realm of(Schema... schemas) {
        return new Realm(List.of(schemas));
    }

    /** Returns the schema with the given name, if any. */
    public Optional<Schema> schema(String name) {
        return schemas.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}

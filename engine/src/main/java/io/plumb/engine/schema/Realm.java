package io.plumb.engine.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@code Realm} is everything a connection or a schema file describes: an ordered list of schemas, and the
 * objects that belong to the database rather than to a schema (PostgreSQL's extensions and event triggers).
 *
 * @param schemas the schemas, in the order they were inspected or declared
 * @param objects the database-level objects, in inspection or declaration order
 * @param unsupported what an inspection found but the model does not hold, as counts by kind ({@code rule},
 *     {@code foreign table}); commands print it as a warning, so that nothing is left out without a word
 */
public record Realm(List<Schema> schemas, List<SchemaObject> objects, Map<String, Integer> unsupported) {

    public Realm {
        schemas = List.copyOf(schemas);
        objects = List.copyOf(objects);
        unsupported = Collections.unmodifiableMap(new TreeMap<>(unsupported));
    }

    /** Returns a realm of schemas only. */
    public Realm(List<Schema> schemas) {
        this(schemas, List.of(), Map.of());
    }

    /** Returns a realm of schemas and database-level objects. */
    public Realm(List<Schema> schemas, List<SchemaObject> objects) {
        this(schemas, objects, Map.of());
    }

    /** Returns this realm with other schemas, keeping its database-level objects. */
    public Realm withSchemas(List<Schema> newSchemas) {
        return new Realm(newSchemas, objects, unsupported);
    }

    /**
     * Returns this realm with its one schema under another name, and the database-level objects that name the
     * schema (an extension installed in it, an event trigger's function) moved with it: a schema loaded on a dev
     * database bound to one name stands for a target's schema of another.
     *
     * @throws IllegalStateException when the realm does not hold exactly one schema
     */
    public Realm withOnlySchemaRenamed(String newName) {
        if (schemas.size() != 1) {
            throw new IllegalStateException("renaming the only schema of a realm of " + schemas.size());
        }
        String oldName = schemas.get(0).name();
        if (oldName.equals(newName)) {
            return this;
        }
        return new Realm(
                List.of(schemas.get(0).renamed(newName)),
                objects.stream()
                        .map(o -> ObjectRenames.schema(o, oldName, newName))
                        .toList(),
                unsupported);
    }

    /**
     * Returns the warning to print about what the inspection left out, such as {@code 2 rules and 1 foreign table
     * are not supported and were left out}, or empty when it left out nothing.
     */
    public Optional<String> unsupportedWarning() {
        if (unsupported.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        unsupported.forEach((kind, count) -> parts.add(count + " " + kind + (count == 1 ? "" : "s")));
        String list = parts.size() == 1
                ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
        int total = unsupported.values().stream().mapToInt(Integer::intValue).sum();
        return Optional.of("warning: " + list + (total == 1 ? " is" : " are")
                + " not supported by plumb yet and left out of the schema");
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

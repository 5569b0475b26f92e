package io.plumb.engine.schema;

import java.util.List;
import java.util.Optional;

/**
 * A {@code Domain}: a PostgreSQL type with a base type, constraints and a default.
 *
 * @param name the domain name
 * @param type the base type as the database prints it
 * @param nullable whether the domain accepts NULL
 * @param defaultValue the default expression, if any
 * @param checks the check constraints, ordered by name
 * @param comment the comment
 * @param dependsOn the objects the domain uses (a base type, a function in a check), and any {@code depends_on}
 */
public record Domain(
        String name,
        String type,
        boolean nullable,
        Optional<String> defaultValue,
        List<Check> checks,
        Optional<String> comment,
        List<ObjectRef> dependsOn)
        implements SchemaObject {

    public Domain {
        checks = List.copyOf(checks);
        dependsOn = List.copyOf(dependsOn);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.DOMAIN;
    }

    @Override
    public List<String> sqlTexts() {
        return java.util.stream.Stream.concat(
                        defaultValue.stream(), checks.stream().map(Check::expr))
                .toList();
    }
}

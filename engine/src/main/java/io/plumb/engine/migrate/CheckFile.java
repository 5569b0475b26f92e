package io.plumb.engine.migrate;

import java.util.List;

/**
 * A {@code CheckFile} is one file of pre-migration checks in a txtar migration file: statements that must each
 * return a single true value before the migration runs, or, with {@code -- atlas:assert oneof}, at least one.
 *
 * @param name the section name, such as {@code checks.sql} or {@code checks/no_nulls.sql}
 * @param statements the assertions
 * @param oneOf whether one true assertion is enough
 */
public record CheckFile(String name, List<Statement> statements, boolean oneOf) {

    public CheckFile {
        statements = List.copyOf(statements);
    }
}

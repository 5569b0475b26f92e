package io.plumb.engine.diff;

import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.DefaultValue;

/**
 * A {@code DiffNormalizer} is a dialect's rule for when two descriptions of a column are the same, such as {@code
 * int} and {@code integer} on PostgreSQL or {@code 'a'} and {@code ('a')} as a default.
 */
public interface DiffNormalizer {

    /** Returns whether the two types are the same type in this dialect. */
    default boolean sameType(Column from, Column to) {
        return typeKey(from.type()).equals(typeKey(to.type()));
    }

    /** Returns the canonical text of a type, by which two types compare equal. */
    String typeKey(ColumnType type);

    /** Returns the canonical text of a default, by which two defaults compare equal. */
    String defaultKey(DefaultValue value);

    /** Returns the canonical text of an expression (check, index part, predicate, generation expression). */
    String expressionKey(String sql);
}

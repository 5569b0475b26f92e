package io.plumb.engine.schema;

import java.util.List;
import java.util.Optional;

/**
 * A {@code Sequence} (PostgreSQL). Sequences that back identity and serial columns belong to their columns and are
 * not modelled as objects.
 *
 * @param name the sequence name
 * @param type the value type ({@code bigint} by default)
 * @param start the first value
 * @param increment the step
 * @param minValue the minimum, when it is not the default for the type and direction
 * @param maxValue the maximum, when it is not the default for the type and direction
 * @param cache how many values are allocated at once (1 by default)
 * @param cycle whether the sequence wraps around
 * @param ownedBy the column that owns the sequence, as {@code table.column} of the same schema
 * @param comment the comment
 */
public record Sequence(
        String name,
        String type,
        long start,
        long increment,
        Optional<Long> minValue,
        Optional<Long> maxValue,
        long cache,
        boolean cycle,
        Optional<String> ownedBy,
        Optional<String> comment)
        implements SchemaObject {

    /** Returns a {@code bigint} sequence with the defaults. */
    public static Sequence of(String name) {
        return new Sequence(
                name, "bigint", 1, 1, Optional.empty(), Optional.empty(), 1, false, Optional.empty(), Optional.empty());
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.SEQUENCE;
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

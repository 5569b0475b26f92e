package io.plumb.engine.schema;

import java.util.List;

/**
 * A table's {@code PrimaryKey}.
 *
 * @param name the constraint name, or empty where the dialect does not keep one
 * @param parts the key parts
 */
public record PrimaryKey(String name, List<IndexPart> parts) {

    public PrimaryKey {
        parts = List.copyOf(parts);
    }

    /** Returns an unnamed primary key over the given columns. */
    public static PrimaryKey of(String... columns) {
        return new PrimaryKey("", IndexPart.columns(columns));
    }
}

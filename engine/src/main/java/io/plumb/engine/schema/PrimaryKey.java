package io.plumb.engine.schema;

import java.util.List;
import java.util.Map;

/**
 * A table's {@code PrimaryKey}.
 *
 * @param name the constraint name, or empty where the dialect does not keep one
 * @param parts the key parts
 * @param options dialect options, such as MySQL's index {@code type}
 */
public record PrimaryKey(String name, List<IndexPart> parts, Map<String, String> options) {

    public PrimaryKey {
        parts = List.copyOf(parts);
        options = Options.copy(options);
    }

    /** Creates a key with no options. */
    public PrimaryKey(String name, List<IndexPart> parts) {
        this(name, parts, Map.of());
    }

    /** Returns an unnamed primary key over the given columns. */
    public static PrimaryKey of(String... columns) {
        return new PrimaryKey("", IndexPart.columns(columns));
    }
}

package io.plumb.engine.schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code Index} of a table.
 *
 * @param name the index name
 * @param unique whether the index is unique
 * @param parts the indexed columns and expressions, in order
 * @param where the predicate of a partial index, if any
 * @param comment the index comment, where the dialect has them
 * @param options dialect index options in declaration order, such as PostgreSQL's {@code type} and {@code
 *     include}; values are the HCL spelling
 */
public record Index(
        String name,
        boolean unique,
        List<IndexPart> parts,
        Optional<String> where,
        Optional<String> comment,
        Map<String, String> options) {

    public Index {
        parts = List.copyOf(parts);
        options = Options.copy(options);
    }

    /** Returns a plain index over the given columns. */
    public static Index of(String name, boolean unique, String... columns) {
        return new Index(name, unique, IndexPart.columns(columns), Optional.empty(), Optional.empty(), Map.of());
    }
}

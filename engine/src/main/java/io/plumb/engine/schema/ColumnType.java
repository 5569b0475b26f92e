package io.plumb.engine.schema;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@code ColumnType} is a column's type: a named type with optional arguments, or raw SQL that the dialect
 * does not model.
 */
public sealed interface ColumnType {

    /** Returns the type as it appears in DDL, such as {@code varchar(255)} or {@code int[]}. */
    String sql();

    /**
     * A named type with arguments, such as {@code int}, {@code varchar(255)} or {@code decimal(10,2)}.
     *
     * @param name the lower-case type name; multi-word names keep their spaces ({@code double precision})
     * @param args the arguments as SQL text: numbers, or quoted strings for enum values
     */
    record Named(String name, List<String> args) implements ColumnType {

        public Named {
            args = List.copyOf(args);
        }

        /** Returns the type with the given name and arguments. */
        public static Named of(String name, String... args) {
            return new Named(name, List.of(args));
        }

        @Override
        public String sql() {
            return args.isEmpty() ? name : name + args.stream().collect(Collectors.joining(",", "(", ")"));
        }
    }

    /**
     * A type the dialect does not model, kept as SQL ({@code sql("int[]")} in HCL).
     *
     * @param sql the type's SQL text
     */
    record Raw(String sql) implements ColumnType {}
}

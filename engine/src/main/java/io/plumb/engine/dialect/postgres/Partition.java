package io.plumb.engine.dialect.postgres;

import io.plumb.engine.schema.Table;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Partition} is how the model keeps a PostgreSQL partitioned table's key, which it has no field for: table
 * options {@code partition} (the strategy: {@code RANGE}, {@code LIST} or {@code HASH}) and {@code
 * partition_columns} (the key columns joined by commas), written as the table's {@code partition { type = RANGE
 * columns = [column.a] }} block. A key with expressions is kept by {@link PartitionKeys}.
 */
final class Partition {

    /** The table option holding the strategy. */
    static final String TYPE = "partition";

    /** The table option holding the key columns. */
    static final String COLUMNS = "partition_columns";

    private Partition() {}

    /** Returns the strategy of a catalog code ({@code r}, {@code l}, {@code h}). */
    static String strategy(String code) {
        return switch (code) {
            case "l" -> "LIST";
            case "h" -> "HASH";
            default -> "RANGE";
        };
    }

    /** Returns the {@code PARTITION BY} clause of a partitioned table, with its leading space, if it is one. */
    static Optional<String> clause(Table table) {
        String type = table.options().get(TYPE);
        if (type == null) {
            return Optional.empty();
        }
        String by = table.options().get(PartitionKeys.BY);
        String columns = table.options().getOrDefault(COLUMNS, "");
        return Optional.of(" PARTITION BY " + type.toUpperCase(Locale.ROOT) + " ("
                + (by != null ? PartitionKeys.sql(by) : PostgresDdl.names(List.of(columns.split(",")))) + ")");
    }

    /** Returns the partition options of a table, for comparing two versions of it. */
    static List<Optional<String>> key(Map<String, String> options) {
        return List.of(
                Optional.ofNullable(options.get(TYPE)),
                Optional.ofNullable(options.get(COLUMNS)),
                Optional.ofNullable(options.get(PartitionKeys.BY)));
    }
}

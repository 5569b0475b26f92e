package io.plumb.engine.schema;

import java.util.Map;
import java.util.Optional;

/**
 * A {@code Column} of a table.
 *
 * @param name the column name
 * @param type the column type as the dialect spells it
 * @param nullable whether the column accepts NULL
 * @param defaultValue the default, if any
 * @param generated the generation expression of a generated column, if any
 * @param autoIncrement whether the column is auto-incremented ({@code AUTOINCREMENT}, {@code AUTO_INCREMENT})
 * @param comment the column comment, where the dialect has them
 * @param options dialect column options in declaration order, such as MySQL's {@code charset}, {@code collate}
 *     and {@code unsigned}; values are the HCL spelling
 */
public record Column(
        String name,
        ColumnType type,
        boolean nullable,
        Optional<DefaultValue> defaultValue,
        Optional<Generated> generated,
        boolean autoIncrement,
        Optional<String> comment,
        Map<String, String> options) {

    public Column {
        options = Options.copy(options);
    }

    /** Returns a plain column: no default, not generated, no comment or options. */
    public static Column of(String name, ColumnType type, boolean nullable) {
        return new Column(name, type, nullable, Optional.empty(), Optional.empty(), false, Optional.empty(), Map.of());
    }

    /** Returns this column with another type. */
    public Column withType(ColumnType newType) {
        return new Column(name, newType, nullable, defaultValue, generated, autoIncrement, comment, options);
    }

    /** Returns this column with a default. */
    public Column withDefault(DefaultValue value) {
        return new Column(name, type, nullable, Optional.of(value), generated, autoIncrement, comment, options);
    }

    /** Returns this column with other dialect-specific options. */
    public Column withOptions(Map<String, String> newOptions) {
        return new Column(name, type, nullable, defaultValue, generated, autoIncrement, comment, newOptions);
    }

    /**
     * Returns whether the column holds values of its own: every column but a {@code VIRTUAL} generated one, which is
     * computed when read, so that dropping it loses no data.
     */
    public boolean isStored() {
        return generated.map(g -> !g.kind().equalsIgnoreCase("VIRTUAL")).orElse(true);
    }
}

package io.plumb.engine.schema;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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
 * @param rawType the type as the database reported it when the column was inspected ({@code INTEGER} or {@code
 *     VARCHAR(10)} as declared in SQLite, {@code int(10) unsigned} in MySQL), which the reference tool's JSON
 *     inspect report prints; empty for a column read from a file. It is not part of the column's identity: two
 *     columns that differ only in it are equal
 */
public record Column(
        String name,
        ColumnType type,
        boolean nullable,
        Optional<DefaultValue> defaultValue,
        Optional<Generated> generated,
        boolean autoIncrement,
        Optional<String> comment,
        Map<String, String> options,
        Optional<String> rawType) {

    public Column {
        options = Options.copy(options);
    }

    /** Returns a column that was not inspected, so has no reported type. */
    public Column(
            String name,
            ColumnType type,
            boolean nullable,
            Optional<DefaultValue> defaultValue,
            Optional<Generated> generated,
            boolean autoIncrement,
            Optional<String> comment,
            Map<String, String> options) {
        this(name, type, nullable, defaultValue, generated, autoIncrement, comment, options, Optional.empty());
    }

    /** Returns a plain column: no default, not generated, no comment or options. */
    public static Column of(String name, ColumnType type, boolean nullable) {
        return new Column(name, type, nullable, Optional.empty(), Optional.empty(), false, Optional.empty(), Map.of());
    }

    /** Returns this column with another type; the reported type no longer describes it. */
    public Column withType(ColumnType newType) {
        return new Column(name, newType, nullable, defaultValue, generated, autoIncrement, comment, options);
    }

    /** Returns this column with a default. */
    public Column withDefault(DefaultValue value) {
        return new Column(
                name, type, nullable, Optional.of(value), generated, autoIncrement, comment, options, rawType);
    }

    /** Returns this column with other dialect-specific options. */
    public Column withOptions(Map<String, String> newOptions) {
        return new Column(name, type, nullable, defaultValue, generated, autoIncrement, comment, newOptions, rawType);
    }

    /** Returns this column with the type the database reported for it. */
    public Column withRawType(String reported) {
        return new Column(
                name, type, nullable, defaultValue, generated, autoIncrement, comment, options, Optional.of(reported));
    }

    /** Returns the type as the database reported it, or as the dialect spells it when not inspected. */
    public String reportedType() {
        return rawType.orElseGet(type::sql);
    }

    // The reported spelling is presentation only: an inspected column equals the same column read from a file.
    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Column c
                && name.equals(c.name)
                && type.equals(c.type)
                && nullable == c.nullable
                && defaultValue.equals(c.defaultValue)
                && generated.equals(c.generated)
                && autoIncrement == c.autoIncrement
                && comment.equals(c.comment)
                && options.equals(c.options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, nullable, defaultValue, generated, autoIncrement, comment, options);
    }

    /**
     * Returns whether the column holds values of its own: every column but a {@code VIRTUAL} generated one, which is
     * computed when read, so that dropping it loses no data.
     */
    public boolean isStored() {
        return generated.map(g -> !g.kind().equalsIgnoreCase("VIRTUAL")).orElse(true);
    }
}

package io.plumb.engine.dialect.mysql;

import io.plumb.engine.schema.ColumnType;
import org.jspecify.annotations.Nullable;

/**
 * {@code MysqlObjectTypes} spell the types of routine arguments, return values and view columns in one canonical
 * form, whether read from {@code information_schema} ({@code int(11)}, {@code tinyint(1)}) or from HCL ({@code int},
 * {@code bool}): integer display widths dropped, {@code tinyint(1)} as {@code bool}, {@code unsigned} kept.
 */
final class MysqlObjectTypes {

    private MysqlObjectTypes() {}

    /** Returns the canonical text of a type such as {@code int(11) unsigned}. */
    static String canonical(@Nullable String type) {
        if (type == null || type.isBlank()) {
            return "";
        }
        return columnType(type).sql();
    }

    /** Returns the model type of a type's text; an unsigned number type is kept raw ({@code int unsigned}). */
    static ColumnType columnType(String type) {
        MysqlTypes.Parsed parsed = MysqlTypes.parse(type);
        if (parsed.unsigned()) {
            return new ColumnType.Raw(parsed.type().sql() + " unsigned");
        }
        return parsed.type();
    }
}

package io.plumb.engine.dialect.mysql;

import static io.plumb.engine.dialect.mysql.MysqlSpecDialect.CHARSET;
import static io.plumb.engine.dialect.mysql.MysqlSpecDialect.COLLATE;
import static io.plumb.engine.dialect.mysql.MysqlSpecDialect.ENGINE;
import static io.plumb.engine.dialect.mysql.MysqlSpecDialect.ON_UPDATE;
import static io.plumb.engine.dialect.mysql.MysqlSpecDialect.TYPE;

import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.Table;
import io.plumb.engine.spec.SpecAttribute;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code MysqlCanonical} brings a MySQL realm, read from HCL or inspected, to the one form both compare in: options
 * that only restate what is inherited or default are left out (a table's {@code charset} equal to its schema's, a
 * column's equal to its table's, engine {@code InnoDB}, index type {@code BTREE}), and {@code on_update} is spelled
 * {@code CURRENT_TIMESTAMP}. The differ compares option maps exactly, so both sides must agree on this form.
 */
final class MysqlCanonical {

    private static final Pattern NOW =
            Pattern.compile("(?i)(?:current_timestamp|now|localtimestamp|localtime)\\s*(?:\\(\\s*(\\d*)\\s*\\))?");

    private MysqlCanonical() {}

    /** Returns the realm in canonical form. */
    static Realm of(Realm realm) {
        return new Realm(realm.schemas().stream().map(MysqlCanonical::schema).toList());
    }

    private static Schema schema(Schema schema) {
        return schema.withTables(
                schema.tables().stream().map(t -> table(schema, t)).toList());
    }

    private static Table table(Schema schema, Table table) {
        Map<String, String> options = new LinkedHashMap<>(table.options());
        dropIfEqual(options, CHARSET, schema.options().get(CHARSET));
        dropIfEqual(options, COLLATE, schema.options().get(COLLATE));
        if ("innodb".equalsIgnoreCase(options.get(ENGINE))) {
            options.remove(ENGINE);
        }
        String start = options.get(SpecAttribute.AUTO_INCREMENT);
        if (start != null && (start.equals("0") || start.equals("1"))) {
            options.remove(SpecAttribute.AUTO_INCREMENT);
        }
        @Nullable
        String charset = table.options().getOrDefault(CHARSET, schema.options().get(CHARSET));
        @Nullable
        String collate = table.options().getOrDefault(COLLATE, schema.options().get(COLLATE));
        return new Table(
                table.name(),
                table.columns().stream().map(c -> column(c, charset, collate)).toList(),
                table.primaryKey(),
                table.indexes().stream().map(MysqlCanonical::index).toList(),
                table.foreignKeys(),
                table.checks(),
                table.comment(),
                options);
    }

    private static Column column(Column column, @Nullable String charset, @Nullable String collate) {
        Map<String, String> options = new LinkedHashMap<>(column.options());
        dropIfEqual(options, CHARSET, charset);
        dropIfEqual(options, COLLATE, collate);
        if (column.type() instanceof ColumnType.Named named && named.name().equals("json")) {
            // MariaDB keeps JSON as longtext in utf8mb4_bin: that is part of the type, not a choice.
            options.remove(CHARSET);
            options.remove(COLLATE);
        }
        String onUpdate = options.get(ON_UPDATE);
        if (onUpdate != null) {
            options.put(ON_UPDATE, now(onUpdate));
        }
        return new Column(
                column.name(),
                column.type(),
                column.nullable(),
                column.defaultValue(),
                column.generated(),
                column.autoIncrement(),
                column.comment(),
                options);
    }

    private static Index index(Index index) {
        if (!"btree".equalsIgnoreCase(index.options().get(TYPE))) {
            return index;
        }
        Map<String, String> options = new LinkedHashMap<>(index.options());
        options.remove(TYPE);
        return new Index(index.name(), index.unique(), index.parts(), index.where(), index.comment(), options);
    }

    /** Returns {@code CURRENT_TIMESTAMP} (with its precision) for any spelling of the current time, else the text. */
    static String now(String sql) {
        Matcher m = NOW.matcher(sql.trim());
        if (!m.matches()) {
            return sql;
        }
        String precision = m.group(1);
        return precision == null || precision.isEmpty() || precision.equals("0")
                ? "CURRENT_TIMESTAMP"
                : "CURRENT_TIMESTAMP(" + precision + ")";
    }

    /** Returns whether the text is a spelling of the current time. */
    static boolean isNow(String sql) {
        return NOW.matcher(sql.trim()).matches();
    }

    private static void dropIfEqual(Map<String, String> options, String key, @Nullable String inherited) {
        if (inherited != null && Objects.equals(options.get(key), inherited)) {
            options.remove(key);
        }
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}

package io.plumb.engine.dialect.mysql;

import static io.plumb.engine.dialect.mysql.MysqlSpecDialect.CHARSET;
import static io.plumb.engine.dialect.mysql.MysqlSpecDialect.COLLATE;
import static io.plumb.engine.dialect.mysql.MysqlSpecDialect.ENFORCED;
import static io.plumb.engine.dialect.mysql.MysqlSpecDialect.ENGINE;
import static io.plumb.engine.dialect.mysql.MysqlSpecDialect.ON_UPDATE;
import static io.plumb.engine.dialect.mysql.MysqlSpecDialect.TYPE;

import io.plumb.engine.schema.Check;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.Generated;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.PrimaryKey;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.Table;
import io.plumb.engine.spec.SpecAttribute;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code MysqlCanonical} brings a MySQL realm, read from HCL or inspected, to the one form both compare in: options
 * that only restate what is inherited or default are left out (a table's {@code charset} equal to its schema's, a
 * column's equal to its table's, engine {@code InnoDB}, the engine's own index type, {@code enforced = true},
 * {@code PERSISTENT}), and {@code on_update} is spelled {@code CURRENT_TIMESTAMP}. The differ compares option maps exactly, so both sides must agree on this form.
 */
final class MysqlCanonical {

    private static final Pattern NOW =
            Pattern.compile("(?i)(?:current_timestamp|now|localtimestamp|localtime)\\s*(?:\\(\\s*(\\d*)\\s*\\))?");

    private MysqlCanonical() {}

    /** Returns the realm in canonical form. */
    static Realm of(Realm realm) {
        return of(realm, MysqlCharsets.UNKNOWN);
    }

    /**
     * Returns the realm in canonical form, where a schema, table or column that names only a charset has its default
     * collation on the server, as the server gives it (an inspected realm always names both).
     */
    static Realm of(Realm realm, MysqlCharsets charsets) {
        return realm.withSchemas(
                realm.schemas().stream().map(s -> schema(s, charsets)).toList());
    }

    private static Schema schema(Schema schema, MysqlCharsets charsets) {
        Map<String, String> options = withDefaultCollation(schema.options(), charsets);
        Schema named = options.equals(schema.options())
                ? schema
                : new Schema(schema.name(), schema.tables(), schema.comment(), options, schema.objects());
        return named.withTables(
                named.tables().stream().map(t -> table(named, t, charsets)).toList());
    }

    // An element that names its charset alone has the charset's default collation (CHARACTER SET without COLLATE).
    private static Map<String, String> withDefaultCollation(Map<String, String> options, MysqlCharsets charsets) {
        String charset = options.get(CHARSET);
        if (charset == null || options.containsKey(COLLATE)) {
            return options;
        }
        Optional<String> collation = charsets.defaultCollation(charset);
        if (collation.isEmpty()) {
            return options;
        }
        Map<String, String> result = new LinkedHashMap<>(options);
        result.put(COLLATE, collation.get());
        return result;
    }

    private static Table table(Schema schema, Table declared, MysqlCharsets charsets) {
        Table table = declared.withOptions(withDefaultCollation(declared.options(), charsets));
        Map<String, String> options = new LinkedHashMap<>(table.options());
        String defaultIndexType = defaultIndexType(options.getOrDefault(ENGINE, "InnoDB"));
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
                table.columns().stream()
                        .map(c -> column(c.withOptions(withDefaultCollation(c.options(), charsets)), charset, collate))
                        .toList(),
                table.primaryKey()
                        .map(pk -> new PrimaryKey(pk.name(), pk.parts(), type(pk.options(), defaultIndexType))),
                table.indexes().stream().map(i -> index(i, defaultIndexType)).toList(),
                table.foreignKeys(),
                table.checks().stream().map(MysqlCanonical::check).toList(),
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
        // MariaDB's PERSISTENT is its older name of STORED, and it inspects as STORED.
        Optional<Generated> generated = column.generated()
                .map(g -> g.kind().equalsIgnoreCase("persistent") ? new Generated(g.expr(), "STORED") : g);
        return new Column(
                column.name(),
                column.type(),
                column.nullable(),
                column.defaultValue(),
                generated,
                column.autoIncrement(),
                column.comment(),
                options,
                column.rawType());
    }

    // MEMORY tables index by hash unless told otherwise; every other engine by B-tree.
    private static String defaultIndexType(String engine) {
        return engine.equalsIgnoreCase("memory") || engine.equalsIgnoreCase("heap") ? "HASH" : "BTREE";
    }

    private static Index index(Index index, String defaultType) {
        return new Index(
                index.name(),
                index.unique(),
                index.parts(),
                index.where(),
                index.comment(),
                type(index.options(), defaultType));
    }

    private static Map<String, String> type(Map<String, String> options, String defaultType) {
        if (!defaultType.equalsIgnoreCase(options.get(TYPE))) {
            return options;
        }
        Map<String, String> out = new LinkedHashMap<>(options);
        out.remove(TYPE);
        return out;
    }

    // Checks are enforced unless declared otherwise; only MySQL 8 can say otherwise.
    private static Check check(Check check) {
        if (!"true".equals(check.options().get(ENFORCED))) {
            return check;
        }
        Map<String, String> options = new LinkedHashMap<>(check.options());
        options.remove(ENFORCED);
        return new Check(check.name(), check.expr(), options);
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

    /** Removes parentheses that wrap the whole text, as servers add them around defaults and checks. */
    static String unwrap(String sql) {
        String text = sql.trim();
        while (text.startsWith("(") && text.endsWith(")") && closes(text)) {
            text = text.substring(1, text.length() - 1).trim();
        }
        return text;
    }

    private static boolean closes(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0 && i < text.length() - 1) {
                    return false;
                }
            }
        }
        return true;
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}

package io.plumb.engine.dialect.mysql;

import io.plumb.engine.diff.DiffNormalizer;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.DefaultValue;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.IndexPart;
import io.plumb.engine.schema.ReferenceAction;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.schema.Table;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code MysqlNormalizer} decides when two MySQL types, defaults or expressions are the same: integer display
 * widths do not count, {@code bool}, {@code boolean} and {@code tinyint(1)} are one type, {@code true} is {@code
 * 1}, every spelling of the current time is one, and expressions ignore backticks, whitespace and the case of words.
 * A schema that names neither charset nor collation has the server's when the dialect knows its server ({@link
 * MysqlCharsets}), and else keeps the current ones; a table or column that names neither goes back to its schema's
 * or table's.
 */
final class MysqlNormalizer implements DiffNormalizer {

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Map<String, String> ALIASES =
            Map.of("boolean", "bool", "integer", "int", "numeric", "decimal", "real", "double");

    private final MysqlFlavour flavour;
    private final MysqlCharsets charsets;

    /** Creates the normalizer of MariaDB. */
    MysqlNormalizer() {
        this(MysqlFlavour.MARIADB);
    }

    /** Creates the normalizer of a flavour, which decides what objects it replaces in place. */
    MysqlNormalizer(MysqlFlavour flavour) {
        this(flavour, MysqlCharsets.UNKNOWN);
    }

    /** Creates the normalizer of a flavour on a server whose charsets are known. */
    MysqlNormalizer(MysqlFlavour flavour, MysqlCharsets charsets) {
        this.flavour = flavour;
        this.charsets = charsets;
    }

    /**
     * A desired schema that names neither charset nor collation has the server's, as the reference compares it with
     * the server's attributes: a current schema with others of its own goes back to them (a desired state loaded on
     * the dev database always names both, the dev server's). Without a known server it is left as it is, and the
     * current ones stay.
     */
    @Override
    public Schema desiredSchema(Schema from, Schema to) {
        if (!charsets(to.options()).isEmpty()
                || charsets.serverCharset().isEmpty()
                || charsets.serverCollation().isEmpty()) {
            return to;
        }
        Map<String, String> options = new LinkedHashMap<>(to.options());
        options.put(MysqlSpecDialect.CHARSET, charsets.serverCharset().get());
        options.put(MysqlSpecDialect.COLLATE, charsets.serverCollation().get());
        return new Schema(to.name(), to.tables(), to.comment(), options, to.objects());
    }

    // InnoDB runs NO ACTION as RESTRICT, and reports RESTRICT for a key that names no action.
    @Override
    public boolean sameAction(ReferenceAction from, ReferenceAction to) {
        return restrictive(from) == restrictive(to) && (restrictive(from) || from == to);
    }

    private static boolean restrictive(ReferenceAction action) {
        return action == ReferenceAction.NO_ACTION || action == ReferenceAction.RESTRICT;
    }

    // Bodies are kept as written: whitespace, backquotes and the case of words do not count (MysqlObjectTexts).
    @Override
    public boolean sameObject(SchemaObject from, SchemaObject to) {
        return MysqlObjectTexts.comparable(from).equals(MysqlObjectTexts.comparable(to));
    }

    @Override
    public boolean replaceable(SchemaObject from, SchemaObject to) {
        return MysqlObjectDdl.replaceable(flavour, from, to);
    }

    @Override
    public String typeKey(ColumnType type) {
        if (!(type instanceof ColumnType.Named named)) {
            return type.sql().toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        }
        String name = ALIASES.getOrDefault(named.name(), named.name());
        List<String> args = named.args();
        if (name.equals("tinyint") && args.equals(List.of("1"))) {
            return "bool";
        }
        if (MysqlTypes.INTEGERS.contains(name) || name.equals("bool") || name.equals("year")) {
            return name;
        }
        if (name.equals("decimal") && args.isEmpty()) {
            args = List.of("10", "0");
        } else if (name.equals("decimal") && args.size() == 1) {
            args = List.of(args.get(0), "0");
        } else if ((name.equals("datetime") || name.equals("timestamp") || name.equals("time"))
                && args.equals(List.of("0"))) {
            args = List.of();
        } else if (name.equals("bit") && args.isEmpty()) {
            args = List.of("1");
        }
        return new ColumnType.Named(name, args).sql();
    }

    // Atlas reads an absent charset or collate as "whatever the server, schema or table gives", never as a change.
    @Override
    public boolean sameOptions(Map<String, String> from, Map<String, String> to) {
        Map<String, String> current = new LinkedHashMap<>(from);
        for (String key : List.of(MysqlSpecDialect.CHARSET, MysqlSpecDialect.COLLATE)) {
            if (!to.containsKey(key)) {
                current.remove(key);
            }
        }
        return current.equals(to);
    }

    /**
     * Compares columns as {@link #sameOptions} does, but for a desired column that names neither charset nor
     * collation: it has the table's (the canonical form leaves out what equals the table's), so a current column
     * with its own charset or collation is changed back to the table's, as the reference does.
     */
    @Override
    public boolean sameColumnOptions(Map<String, String> from, Map<String, String> to) {
        if (to.containsKey(MysqlSpecDialect.CHARSET) || to.containsKey(MysqlSpecDialect.COLLATE)) {
            return sameOptions(from, to);
        }
        return !from.containsKey(MysqlSpecDialect.CHARSET)
                && !from.containsKey(MysqlSpecDialect.COLLATE)
                && sameOptions(from, to);
    }

    /**
     * A new table is created with its charset and collation spelled out, its own or its schema's, as the reference
     * writes {@code CREATE TABLE ... CHARSET x COLLATE y} from a desired state loaded on the dev database (the
     * canonical form leaves out of a table what equals its schema's). A collation the table names alone keeps its
     * own charset.
     */
    @Override
    public Table newTable(Schema schema, Table table) {
        Map<String, String> inherited = charsets(schema.options());
        Map<String, String> own = charsets(table.options());
        String charset = inherited.get(MysqlSpecDialect.CHARSET);
        String collation = own.get(MysqlSpecDialect.COLLATE);
        Map<String, String> options = new LinkedHashMap<>(table.options());
        if (own.isEmpty()) {
            options.putAll(inherited);
        } else if (charset != null
                && collation != null
                && !own.containsKey(MysqlSpecDialect.CHARSET)
                && MysqlTableParts.charsetOf(collation).equals(charset)) {
            options.put(MysqlSpecDialect.CHARSET, charset);
        }
        return options.equals(table.options()) ? table : table.withOptions(options);
    }

    /**
     * A desired table that names neither charset nor collation has its schema's (the canonical form leaves out what
     * equals the schema's), so a current table with a charset or collation of its own goes back to the schema's, as
     * the reference plans it: the desired schema's when that names them (a desired state loaded on the dev database
     * always does), else the current schema's. A table that names either keeps the comparison {@link #sameOptions}
     * makes: a collation names its charset, and a charset alone lets the server take its default collation. When the
     * table's charset or collation changes, its character columns that have neither of their own (they had the
     * table's) take the new ones in the same statement, as the reference, which compares dev-inspected columns,
     * changes them; the planner leaves out of such a column what equals its table's.
     */
    @Override
    public Table desiredTable(Schema fromSchema, Schema toSchema, Table from, Table to) {
        Map<String, String> declared = to.options();
        Map<String, String> current = from.options();
        Map<String, String> options = new LinkedHashMap<>(declared);
        if (charsets(declared).isEmpty() && !charsets(current).isEmpty()) {
            Map<String, String> inherited = charsets(toSchema.options());
            if (inherited.isEmpty()) {
                inherited = charsets(fromSchema.options());
            }
            // Only what differs from the schema's is the table's own (canonical form), and only that changes back.
            inherited.forEach((key, value) -> {
                if (current.containsKey(key)) {
                    options.put(key, value);
                }
            });
        }
        Map<String, String> wanted = charsets(options);
        Table table = options.equals(declared) ? to : to.withOptions(options);
        if (wanted.isEmpty() || sameOptions(charsets(current), wanted)) {
            return table;
        }
        List<Column> columns = to.columns().stream()
                .map(c -> inheritsBoth(c)
                                && from.column(c.name())
                                        .filter(MysqlNormalizer::inheritsBoth)
                                        .isPresent()
                        ? withOptions(c, wanted)
                        : c)
                .toList();
        return table.withColumns(columns);
    }

    /**
     * InnoDB creates an index for a foreign key whose columns have none, named after the key, and inspection shows
     * it, as the reference does. A desired table written by hand keeps such a key without naming its index; the
     * current index the key then relies on stays: a plain index named after a key the desired table keeps, or over
     * exactly such a key's columns, when nothing of the desired table (an index or the primary key) begins with the
     * key's columns. An index the desired table no longer needs goes: its key is dropped too, or another index
     * serves it (a desired state read on the dev database names the server's index itself). A unique index is
     * always the schema's, since the server never makes one.
     */
    @Override
    public boolean keepsIndex(Table current, Table desired, Index index) {
        if (index.unique() || index.parts().stream().anyMatch(IndexPart::isExpression)) {
            return false;
        }
        List<String> columns = columns(index);
        return desired.foreignKeys().stream()
                .filter(fk -> fk.name().equals(index.name()) || fk.columns().equals(columns))
                .anyMatch(fk -> !served(desired, fk.columns()));
    }

    // Whether an index or the primary key of the table begins with the columns, as a foreign key needs.
    private static boolean served(Table table, List<String> columns) {
        return table.indexes().stream().anyMatch(i -> begins(columns(i), columns))
                || table.primaryKey()
                        .map(pk ->
                                begins(pk.parts().stream().map(IndexPart::value).toList(), columns))
                        .orElse(false);
    }

    private static boolean begins(List<String> parts, List<String> columns) {
        return parts.size() >= columns.size()
                && parts.subList(0, columns.size()).equals(columns);
    }

    private static List<String> columns(Index index) {
        return index.parts().stream()
                .map(p -> p.isExpression() ? "" : p.value())
                .toList();
    }

    private static final Set<String> CHARACTER_TYPES =
            Set.of("char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set");

    private static boolean inheritsBoth(Column column) {
        return column.type() instanceof ColumnType.Named named
                && CHARACTER_TYPES.contains(named.name().toLowerCase(Locale.ROOT))
                && !column.options().containsKey(MysqlSpecDialect.CHARSET)
                && !column.options().containsKey(MysqlSpecDialect.COLLATE);
    }

    private static Column withOptions(Column column, Map<String, String> extra) {
        Map<String, String> options = new LinkedHashMap<>(column.options());
        options.putAll(extra);
        return column.withOptions(options);
    }

    // The charset and collation of an option map, in that order.
    private static Map<String, String> charsets(Map<String, String> source) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String key : List.of(MysqlSpecDialect.CHARSET, MysqlSpecDialect.COLLATE)) {
            String value = source.get(key);
            if (value != null) {
                result.put(key, value);
            }
        }
        return result;
    }

    @Override
    public String defaultKey(DefaultValue value) {
        String sql = MysqlCanonical.unwrap(value.sql().trim());
        String lower = sql.toLowerCase(Locale.ROOT);
        if (lower.equals("true")) {
            return "1";
        }
        if (lower.equals("false")) {
            return "0";
        }
        String now = MysqlCanonical.now(sql);
        if (!now.equals(sql)) {
            return now;
        }
        String literal = sql.length() >= 2 && sql.startsWith("'") && sql.endsWith("'")
                ? sql.substring(1, sql.length() - 1)
                : sql;
        if (NUMBER.matcher(literal).matches()) {
            return new BigDecimal(literal).stripTrailingZeros().toPlainString();
        }
        return literal.equals(sql) ? expressionKey(sql) : sql;
    }

    @Override
    public String expressionKey(String sql) {
        String text = MysqlCanonical.unwrap(sql.trim());
        StringBuilder out = new StringBuilder(text.length());
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                out.append(c);
            } else if (c != '`' && !Character.isWhitespace(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }
}

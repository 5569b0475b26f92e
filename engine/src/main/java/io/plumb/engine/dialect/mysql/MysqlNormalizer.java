package io.plumb.engine.dialect.mysql;

import io.plumb.engine.diff.DiffNormalizer;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.DefaultValue;
import io.plumb.engine.schema.ReferenceAction;
import io.plumb.engine.schema.SchemaObject;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code MysqlNormalizer} decides when two MySQL types, defaults or expressions are the same: integer display
 * widths do not count, {@code bool}, {@code boolean} and {@code tinyint(1)} are one type, {@code true} is {@code
 * 1}, every spelling of the current time is one, and expressions ignore backticks, whitespace and the case of words.
 * A schema, table or column that does not name its charset or collation inherits the current one.
 */
final class MysqlNormalizer implements DiffNormalizer {

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Map<String, String> ALIASES =
            Map.of("boolean", "bool", "integer", "int", "numeric", "decimal", "real", "double");

    private final MysqlFlavour flavour;

    /** Creates the normalizer of MariaDB. */
    MysqlNormalizer() {
        this(MysqlFlavour.MARIADB);
    }

    /** Creates the normalizer of a flavour, which decides what objects it replaces in place. */
    MysqlNormalizer(MysqlFlavour flavour) {
        this.flavour = flavour;
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

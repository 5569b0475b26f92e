package io.plumb.engine.diff;

import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ObjectKind;
import io.plumb.engine.schema.Policy;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.schema.Table;
import io.plumb.engine.schema.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ExcludeFilter} removes from a realm the objects that Atlas's {@code --exclude} globs name: {@code
 * schema.table.column} paths (without the schema when the connection is bound to one), each level a {@code
 * path.Match} glob, with an optional {@code [type=table|column|index|foreign_key|check]} selector.
 *
 * <p>At the last level a pattern names columns, indexes, foreign keys and checks alike. Removing a column also
 * removes the indexes, foreign keys and primary key that use it, since they cannot exist without it.
 */
public final class ExcludeFilter {

    private static final Pattern TYPE_SELECTOR = Pattern.compile("(.*)\\[type=([a-z_|]+)]");
    private static final Set<String> TYPES = Set.of(
            "schema",
            "table",
            "view",
            "materialized",
            "function",
            "procedure",
            "aggregate",
            "trigger",
            "sequence",
            "domain",
            "composite",
            "policy",
            "event",
            "column",
            "index",
            "foreign_key",
            "check");

    /** A parsed pattern: one glob per level, from the schema down, and the selected types (empty for all). */
    private record Path(List<Glob> levels, Set<String> types) {

        boolean selects(String type) {
            return types.isEmpty() || types.contains(type);
        }
    }

    private ExcludeFilter() {}

    /**
     * Returns the realm without the objects the patterns match.
     *
     * @param schemaBound whether patterns start at the table level, for a connection bound to one schema
     * @throws IllegalArgumentException for a malformed pattern, naming it
     */
    public static Realm apply(Realm realm, List<String> patterns, boolean schemaBound) {
        Realm result = realm;
        for (String pattern : patterns) {
            Path path = parse(pattern, schemaBound);
            result = result.withSchemas(result.schemas().stream()
                    .flatMap(s -> apply(s, path).stream())
                    .toList());
        }
        return result;
    }

    private static Path parse(String pattern, boolean schemaBound) {
        try {
            String rest = pattern;
            Set<String> types = Set.of();
            Matcher m = TYPE_SELECTOR.matcher(pattern);
            if (m.matches()) {
                rest = m.group(1);
                types = Set.of(m.group(2).split("\\|", -1));
                for (String type : types) {
                    if (!TYPES.contains(type)) {
                        throw new IllegalArgumentException("unknown type \"" + type + "\", expected one of "
                                + String.join(", ", TYPES.stream().sorted().toList()));
                    }
                }
            }
            List<Glob> levels = new ArrayList<>();
            if (schemaBound) {
                levels.add(Glob.compile("*"));
            }
            for (String part : split(rest)) {
                levels.add(Glob.compile(part));
            }
            if (rest.isEmpty() || levels.size() > 3) {
                throw new IllegalArgumentException(
                        "expected " + (schemaBound ? "table[.column]" : "schema[.table[.column]]"));
            }
            return new Path(levels, types);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("exclude pattern \"" + pattern + "\": " + e.getMessage(), e);
        }
    }

    /** Splits at dots outside character classes and escapes. */
    private static List<String> split(String pattern) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                part.append(c).append(pattern.charAt(++i));
                continue;
            }
            if (c == '.' && !inClass) {
                parts.add(part.toString());
                part.setLength(0);
                continue;
            }
            inClass = c == '[' || (inClass && c != ']');
            part.append(c);
        }
        parts.add(part.toString());
        return parts;
    }

    private static Optional<Schema> apply(Schema schema, Path path) {
        if (!path.levels().get(0).matches(schema.name())) {
            return Optional.of(schema);
        }
        if (path.levels().size() == 1) {
            return path.selects("schema") ? Optional.empty() : Optional.of(schema);
        }
        Glob tableGlob = path.levels().get(1);
        List<Table> tables = new ArrayList<>();
        for (Table table : schema.tables()) {
            if (!tableGlob.matches(table.name())) {
                tables.add(table);
            } else if (path.levels().size() == 3) {
                tables.add(exclude(table, path.levels().get(2), path));
            } else if (!path.selects("table")) {
                tables.add(table);
            }
        }
        Set<String> keptTables = Set.copyOf(tables.stream().map(Table::name).toList());
        List<SchemaObject> objects = new ArrayList<>();
        for (SchemaObject object : schema.objects()) {
            boolean named = path.levels().size() == 2
                    && tableGlob.matches(object.name())
                    && path.selects(object.kind().block());
            // A trigger or policy goes with its table.
            boolean orphan = onTable(object).map(t -> !keptTables.contains(t)).orElse(false);
            if (!named && !orphan) {
                objects.add(object);
            }
        }
        return Optional.of(schema.withTables(tables).withObjects(objects));
    }

    private static Optional<String> onTable(SchemaObject object) {
        if (object instanceof Trigger t && t.on().kind() == ObjectKind.TABLE) {
            return Optional.of(t.on().identity());
        }
        if (object instanceof Policy p) {
            return Optional.of(p.table());
        }
        return Optional.empty();
    }

    private static Table exclude(Table table, Glob glob, Path path) {
        List<Column> removed = path.selects("column")
                ? table.columns().stream().filter(c -> glob.matches(c.name())).toList()
                : List.of();
        Set<String> gone = Set.copyOf(removed.stream().map(Column::name).toList());
        Predicate<String> usesGone = gone::contains;
        return new Table(
                table.name(),
                table.columns().stream().filter(c -> !gone.contains(c.name())).toList(),
                table.primaryKey().filter(pk -> pk.parts().stream()
                        .noneMatch(p -> !p.isExpression() && usesGone.test(p.value()))),
                table.indexes().stream()
                        .filter(i -> !(path.selects("index") && glob.matches(i.name())))
                        .filter(i -> i.parts().stream().noneMatch(p -> !p.isExpression() && usesGone.test(p.value())))
                        .toList(),
                table.foreignKeys().stream()
                        .filter(fk -> !(path.selects("foreign_key") && glob.matches(fk.name())))
                        .filter(fk -> fk.columns().stream().noneMatch(usesGone))
                        .toList(),
                table.checks().stream()
                        .filter(c -> !(path.selects("check") && glob.matches(c.name())))
                        .toList(),
                table.comment(),
                table.options());
    }
}

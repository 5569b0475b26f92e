package io.plumb.engine.dialect.postgres;

import static io.plumb.engine.dialect.postgres.PostgresDdl.quote;
import static io.plumb.engine.dialect.postgres.PostgresPlanner.change;

import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.CompositeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code CompositeDdl} writes the statements of composite types: {@code CREATE TYPE ... AS (...)}, {@code DROP
 * TYPE}, and in place one {@code ALTER TYPE} that adds, drops and retypes attributes, which keeps the columns that
 * use the type. Fields that stay must keep their order for a change in place ({@link #replaceable}).
 */
final class CompositeDdl {

    private CompositeDdl() {}

    static List<PlannedChange> create(PostgresDdl ddl, String schema, CompositeType type) {
        List<String> fields = type.fields().stream()
                .map(f -> quote(f.name()) + " " + f.type().sql())
                .toList();
        List<PlannedChange> out = new ArrayList<>();
        out.add(change(
                "create composite type \"" + type.name() + "\"",
                "CREATE TYPE " + ddl.table(schema, type.name()) + " AS (" + String.join(", ", fields) + ")"));
        if (type.comment().isPresent()) {
            comment(ddl, schema, type, out);
        }
        return out;
    }

    static List<PlannedChange> drop(PostgresDdl ddl, String schema, CompositeType type) {
        return List.of(
                change("drop composite type \"" + type.name() + "\"", "DROP TYPE " + ddl.table(schema, type.name())));
    }

    /** Returns whether the fields both versions have come in the same order, so that {@code ALTER TYPE} can do. */
    static boolean replaceable(CompositeType from, CompositeType to) {
        List<String> kept = names(from).stream().filter(names(to)::contains).toList();
        List<String> order = names(to).stream().filter(names(from)::contains).toList();
        List<String> added =
                names(to).stream().filter(n -> !names(from).contains(n)).toList();
        // Added fields are appended by ALTER TYPE, so they must come after every kept one.
        return kept.equals(order) && added.stream().allMatch(a -> names(to).indexOf(a) > lastIndex(names(to), kept));
    }

    static List<PlannedChange> replace(PostgresDdl ddl, String schema, CompositeType from, CompositeType to) {
        List<String> actions = new ArrayList<>();
        for (Column field : from.fields()) {
            Optional<Column> next = field(to, field.name());
            if (next.isEmpty()) {
                actions.add("DROP ATTRIBUTE " + quote(field.name()));
            } else if (!next.get().type().sql().equals(field.type().sql())) {
                actions.add("ALTER ATTRIBUTE " + quote(field.name()) + " TYPE "
                        + next.get().type().sql());
            }
        }
        for (Column field : to.fields()) {
            if (field(from, field.name()).isEmpty()) {
                actions.add("ADD ATTRIBUTE " + quote(field.name()) + " "
                        + field.type().sql());
            }
        }
        List<PlannedChange> out = new ArrayList<>();
        if (!actions.isEmpty()) {
            out.add(change(
                    "modify composite type \"" + to.name() + "\"",
                    "ALTER TYPE " + ddl.table(schema, to.name()) + " " + String.join(", ", actions)));
        }
        if (!from.comment().equals(to.comment())) {
            comment(ddl, schema, to, out);
        }
        return out;
    }

    private static List<String> names(CompositeType type) {
        return type.fields().stream().map(Column::name).toList();
    }

    private static int lastIndex(List<String> names, List<String> kept) {
        return kept.stream().mapToInt(names::indexOf).max().orElse(-1);
    }

    private static Optional<Column> field(CompositeType type, String name) {
        return type.fields().stream().filter(f -> f.name().equals(name)).findFirst();
    }

    private static void comment(PostgresDdl ddl, String schema, CompositeType type, List<PlannedChange> out) {
        PostgresPlanner.comment(
                out,
                "TYPE " + ddl.table(schema, type.name()),
                type.comment(),
                "composite type: \"" + type.name() + "\"");
    }
}

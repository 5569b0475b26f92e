package io.plumb.engine.dialect.postgres;

import static io.plumb.engine.dialect.postgres.PostgresPlanner.change;

import io.plumb.engine.dialect.PlanException;
import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.Schema;
import java.util.List;
import java.util.Map;

/**
 * {@code EnumPlanning} plans the enum types of a schema: {@code CREATE TYPE ... AS ENUM} for a new enum, {@code
 * ALTER TYPE ... ADD VALUE} for values added without reordering the existing ones, and {@code DROP TYPE} for a
 * dropped enum, which the planner places after the tables that used it are gone.
 */
final class EnumPlanning {

    private EnumPlanning() {}

    /** Adds the statements that create every enum of a new schema. */
    static void createAll(PostgresDdl ddl, Schema schema, List<PlannedChange> out) {
        PostgresEnums.values(schema).forEach((name, values) -> create(ddl, schema.name(), name, values, out));
    }

    /** Adds the statements that create new enums and add values to changed ones. */
    static void modify(PostgresDdl ddl, Schema from, Schema to, List<PlannedChange> out) {
        Map<String, List<String>> before = PostgresEnums.values(from);
        PostgresEnums.values(to).forEach((name, values) -> {
            List<String> old = before.get(name);
            if (old == null) {
                create(ddl, to.name(), name, values, out);
            } else if (!old.equals(values)) {
                addValues(ddl, to.name(), name, old, values, out);
            }
        });
    }

    /** Adds the statements that drop the enums the new schema no longer has. */
    static void dropRemoved(PostgresDdl ddl, Schema from, Schema to, List<PlannedChange> out) {
        Map<String, List<String>> after = PostgresEnums.values(to);
        for (String name : PostgresEnums.values(from).keySet()) {
            if (!after.containsKey(name)) {
                out.add(change("drop enum type \"" + name + "\"", "DROP TYPE " + ddl.table(from.name(), name)));
            }
        }
    }

    private static void create(
            PostgresDdl ddl, String schema, String name, List<String> values, List<PlannedChange> out) {
        out.add(change(
                "create enum type \"" + name + "\"",
                "CREATE TYPE " + ddl.table(schema, name) + " AS ENUM (" + PostgresEnums.encode(values) + ")"));
    }

    private static void addValues(
            PostgresDdl ddl,
            String schema,
            String name,
            List<String> old,
            List<String> values,
            List<PlannedChange> out) {
        List<String> kept = values.stream().filter(old::contains).toList();
        if (!kept.equals(old)) {
            throw new PlanException("enum \"" + name + "\" of schema \"" + schema
                    + "\": values can only be added, not removed or reordered; found " + old + " changed to "
                    + values);
        }
        String type = ddl.table(schema, name);
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (old.contains(value)) {
                continue;
            }
            boolean last = values.subList(i + 1, values.size()).stream().noneMatch(old::contains);
            String position = last || i == 0
                    ? (last ? "" : " BEFORE " + PostgresDdl.literal(values.get(i + 1)))
                    : " AFTER " + PostgresDdl.literal(values.get(i - 1));
            out.add(change(
                    "add value to enum type: \"" + name + "\"",
                    "ALTER TYPE " + type + " ADD VALUE " + PostgresDdl.literal(value) + position));
        }
    }
}

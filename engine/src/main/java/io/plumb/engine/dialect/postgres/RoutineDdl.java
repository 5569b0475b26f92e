package io.plumb.engine.dialect.postgres;

import static io.plumb.engine.dialect.postgres.PostgresDdl.quote;

import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.Argument;
import io.plumb.engine.schema.ObjectKind;
import io.plumb.engine.schema.Routine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code RoutineDdl} writes the statements of functions and procedures ({@code CREATE [OR REPLACE] FUNCTION name(args)
 * RETURNS type LANGUAGE lang attributes AS $$body$$}, or the SQL-standard {@code RETURN}/{@code BEGIN ATOMIC} body
 * as it is) and of aggregates ({@code CREATE AGGREGATE name(types) (SFUNC = ..., STYPE = ...)}); drops name the
 * argument types, which tell overloads apart.
 */
final class RoutineDdl {

    private final PostgresDdl ddl;

    RoutineDdl(PostgresDdl ddl) {
        this.ddl = ddl;
    }

    List<PlannedChange> create(String schema, Routine routine, boolean replace) {
        List<PlannedChange> out = new ArrayList<>();
        String sql =
                routine.kind() == ObjectKind.AGGREGATE ? aggregate(schema, routine) : routine(schema, routine, replace);
        out.add(PostgresPlanner.change((replace ? "replace " : "create ") + PostgresObjectDdl.named(routine), sql));
        return out;
    }

    List<PlannedChange> drop(String schema, Routine routine) {
        return List.of(PostgresPlanner.change(
                "drop " + PostgresObjectDdl.named(routine),
                "DROP " + routine.kind().sql() + " " + target(schema, routine)));
    }

    List<PlannedChange> replace(String schema, Routine from, Routine to) {
        List<PlannedChange> out = new ArrayList<>();
        if (!sameDefinition(from, to)) {
            out.addAll(create(schema, to, true));
        }
        out.addAll(PostgresObjectDdl.comment(
                to.kind().sql() + " " + target(schema, to),
                from.comment(),
                to.comment(),
                to.kind().label() + ": \"" + to.name() + "\""));
        return out;
    }

    /** Returns the statements of a new routine, its comment included. */
    List<PlannedChange> createWithComment(String schema, Routine routine) {
        List<PlannedChange> out = create(schema, routine, false);
        out.addAll(PostgresObjectDdl.comment(
                routine.kind().sql() + " " + target(schema, routine),
                Optional.empty(),
                routine.comment(),
                routine.kind().label() + ": \"" + routine.name() + "\""));
        return out;
    }

    private static boolean sameDefinition(Routine from, Routine to) {
        return new Routine(
                        from.kind(),
                        from.name(),
                        from.signature(),
                        from.arguments(),
                        from.returns(),
                        from.language(),
                        from.body(),
                        from.options(),
                        to.comment(),
                        to.dependsOn())
                .equals(to);
    }

    /** Returns the routine as {@code DROP} and {@code COMMENT ON} name it: {@code "s"."f"(integer, text)}. */
    String target(String schema, Routine routine) {
        String types =
                routine.kind() == ObjectKind.AGGREGATE && routine.signature().isEmpty() ? "*" : routine.signature();
        return ddl.table(schema, routine.name()) + "(" + types + ")";
    }

    private String routine(String schema, Routine routine, boolean replace) {
        StringBuilder sql = new StringBuilder(replace ? "CREATE OR REPLACE " : "CREATE ")
                .append(routine.kind().sql())
                .append(' ')
                .append(ddl.table(schema, routine.name()))
                .append('(')
                .append(routine.arguments().stream().map(RoutineDdl::argument).collect(Collectors.joining(", ")))
                .append(')');
        routine.returns().ifPresent(r -> sql.append(" RETURNS ").append(r));
        sql.append(" LANGUAGE ").append(routine.language());
        Map<String, String> options = routine.options();
        if (options.containsKey("volatility")) {
            sql.append(' ').append(options.get("volatility"));
        }
        if ("true".equals(options.get("strict"))) {
            sql.append(" STRICT");
        }
        if (options.containsKey("security")) {
            sql.append(" SECURITY ").append(options.get("security"));
        }
        if ("true".equals(options.get("leakproof"))) {
            sql.append(" LEAKPROOF");
        }
        if (options.containsKey("parallel")) {
            sql.append(" PARALLEL ").append(options.get("parallel"));
        }
        if (isStandardBody(routine)) {
            sql.append('\n').append(routine.body());
        } else {
            String tag = tag(routine.body());
            sql.append(" AS ").append(tag).append(routine.body()).append(tag);
        }
        return sql.toString();
    }

    /** Returns whether the body is a SQL-standard one ({@code RETURN expr} or {@code BEGIN ATOMIC ... END}). */
    static boolean isStandardBody(Routine routine) {
        String head = routine.body().stripLeading().toUpperCase(Locale.ROOT);
        return routine.language().equalsIgnoreCase("sql")
                && (head.startsWith("RETURN ") || head.startsWith("RETURN(") || head.startsWith("BEGIN ATOMIC"));
    }

    // A dollar quote the body does not contain.
    private static String tag(String body) {
        if (!body.contains("$$")) {
            return "$$";
        }
        int n = 0;
        while (body.contains("$body" + (n == 0 ? "" : n) + "$")) {
            n++;
        }
        return "$body" + (n == 0 ? "" : n) + "$";
    }

    private static String argument(Argument argument) {
        StringBuilder sql = new StringBuilder();
        argument.mode().ifPresent(m -> sql.append(m).append(' '));
        if (!argument.name().isEmpty()) {
            sql.append(quote(argument.name())).append(' ');
        }
        sql.append(argument.type());
        argument.defaultValue().ifPresent(d -> sql.append(" DEFAULT ").append(d));
        return sql.toString();
    }

    private String aggregate(String schema, Routine routine) {
        Map<String, String> options = routine.options();
        List<String> parts = new ArrayList<>();
        parts.add("SFUNC = " + function(schema, options.getOrDefault("state_func", "")));
        parts.add("STYPE = " + options.getOrDefault("state_type", ""));
        if (options.containsKey("final_func")) {
            parts.add("FINALFUNC = " + function(schema, options.getOrDefault("final_func", "")));
        }
        if (options.containsKey("combine_func")) {
            parts.add("COMBINEFUNC = " + function(schema, options.getOrDefault("combine_func", "")));
        }
        if (options.containsKey("initial_value")) {
            parts.add("INITCOND = " + PostgresDdl.literal(options.getOrDefault("initial_value", "")));
        }
        if (options.containsKey("parallel")) {
            parts.add("PARALLEL = " + options.get("parallel"));
        }
        String arguments = routine.arguments().isEmpty()
                ? "*"
                : routine.arguments().stream().map(RoutineDdl::argument).collect(Collectors.joining(", "));
        return "CREATE AGGREGATE " + ddl.table(schema, routine.name()) + "(" + arguments + ") ("
                + String.join(", ", parts) + ")";
    }

    private String function(String schema, String name) {
        return QualifiedName.parse(name).sql(schema, ddl.qualified());
    }
}

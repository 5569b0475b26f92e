package io.plumb.engine.dialect.postgres;

import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ViewDdl} writes the statements of views ({@code CREATE [OR REPLACE] VIEW ... [WITH (...)] AS ... [WITH
 * LOCAL|CASCADED CHECK OPTION]}) and materialized views ({@code CREATE MATERIALIZED VIEW} and its indexes).
 */
final class ViewDdl {

    private final PostgresDdl ddl;

    ViewDdl(PostgresDdl ddl) {
        this.ddl = ddl;
    }

    List<PlannedChange> create(String schema, View view) {
        List<PlannedChange> out = new ArrayList<>();
        out.add(PostgresPlanner.change("create " + PostgresObjectDdl.named(view), statement(schema, view, false)));
        out.addAll(comment(schema, view, Optional.empty()));
        for (Index index : view.indexes()) {
            out.add(PostgresPlanner.change(
                    "create index \"" + index.name() + "\" to materialized view: \"" + view.name() + "\"",
                    ddl.createIndex(schema, view.name(), index, false)));
            out.addAll(PostgresObjectDdl.comment(
                    "INDEX " + ddl.index(schema, index.name()),
                    Optional.empty(),
                    index.comment(),
                    "index: \"" + index.name() + "\" on materialized view: \"" + view.name() + "\""));
        }
        return out;
    }

    List<PlannedChange> drop(String schema, View view) {
        return List.of(PostgresPlanner.change(
                "drop " + PostgresObjectDdl.named(view),
                "DROP " + view.kind().sql() + " " + ddl.table(schema, view.name())));
    }

    List<PlannedChange> replace(String schema, View from, View to) {
        List<PlannedChange> out = new ArrayList<>();
        out.add(PostgresPlanner.change("replace " + PostgresObjectDdl.named(to), statement(schema, to, true)));
        out.addAll(comment(schema, to, from.comment()));
        return out;
    }

    private String statement(String schema, View view, boolean replace) {
        StringBuilder sql = new StringBuilder(replace ? "CREATE OR REPLACE " : "CREATE ")
                .append(view.kind().sql())
                .append(' ')
                .append(ddl.table(schema, view.name()));
        List<String> with = new ArrayList<>();
        for (String option : List.of("security_barrier", "security_invoker")) {
            if ("true".equals(view.options().get(option))) {
                with.add(option + " = true");
            }
        }
        if (!with.isEmpty()) {
            sql.append(" WITH (").append(String.join(", ", with)).append(')');
        }
        sql.append(" AS ").append(view.query());
        String check = view.options().get("check_option");
        if (check != null) {
            sql.append(" WITH ").append(check).append(" CHECK OPTION");
        }
        return sql.toString();
    }

    private List<PlannedChange> comment(String schema, View view, Optional<String> from) {
        return PostgresObjectDdl.comment(
                view.kind().sql() + " " + ddl.table(schema, view.name()),
                from,
                view.comment(),
                view.kind().label() + ": \"" + view.name() + "\"");
    }
}

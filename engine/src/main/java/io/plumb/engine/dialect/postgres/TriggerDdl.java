package io.plumb.engine.dialect.postgres;

import static io.plumb.engine.dialect.postgres.PostgresDdl.quote;

import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.EventTrigger;
import io.plumb.engine.schema.ObjectKind;
import io.plumb.engine.schema.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code TriggerDdl} writes the statements of triggers ({@code CREATE [OR REPLACE] [CONSTRAINT] TRIGGER ... EXECUTE
 * FUNCTION f(args)}, then {@code ALTER TABLE ... DISABLE TRIGGER} or {@code ENABLE REPLICA|ALWAYS TRIGGER} for one
 * that does not fire in the default mode) and of event triggers ({@code CREATE EVENT TRIGGER}).
 */
final class TriggerDdl {

    private final PostgresDdl ddl;

    TriggerDdl(PostgresDdl ddl) {
        this.ddl = ddl;
    }

    List<PlannedChange> create(String schema, Trigger trigger, boolean replace) {
        List<PlannedChange> out = new ArrayList<>();
        out.add(PostgresPlanner.change(
                (replace ? "replace " : "create ") + PostgresObjectDdl.named(trigger),
                statement(schema, trigger, replace)));
        if (!replace) {
            out.addAll(enabled(schema, trigger, null));
            out.addAll(comment(schema, trigger, Optional.empty()));
        }
        return out;
    }

    List<PlannedChange> drop(String schema, Trigger trigger) {
        return List.of(PostgresPlanner.change(
                "drop " + PostgresObjectDdl.named(trigger),
                "DROP TRIGGER " + quote(trigger.name()) + " ON " + on(schema, trigger)));
    }

    List<PlannedChange> replace(String schema, Trigger from, Trigger to) {
        List<PlannedChange> out = new ArrayList<>(create(schema, to, true));
        out.addAll(enabled(schema, to, from.options().get("enabled")));
        out.addAll(comment(schema, to, from.comment()));
        return out;
    }

    List<PlannedChange> create(EventTrigger trigger) {
        StringBuilder sql = new StringBuilder("CREATE EVENT TRIGGER ")
                .append(quote(trigger.name()))
                .append(" ON ")
                .append(trigger.event());
        if (!trigger.tags().isEmpty()) {
            sql.append(" WHEN TAG IN (")
                    .append(trigger.tags().stream().map(PostgresDdl::literal).collect(Collectors.joining(", ")))
                    .append(')');
        }
        sql.append(" EXECUTE FUNCTION ")
                .append(quote(trigger.function().schema()))
                .append('.')
                .append(quote(trigger.function().identity()))
                .append("()");
        List<PlannedChange> out = new ArrayList<>();
        out.add(PostgresPlanner.change("create " + PostgresObjectDdl.named(trigger), sql.toString()));
        String mode =
                switch (trigger.enabled()) {
                    case "D" -> "DISABLE";
                    case "R" -> "ENABLE REPLICA";
                    case "A" -> "ENABLE ALWAYS";
                    default -> "";
                };
        if (!mode.isEmpty()) {
            out.add(PostgresPlanner.change(
                    "set " + PostgresObjectDdl.named(trigger) + " mode",
                    "ALTER EVENT TRIGGER " + quote(trigger.name()) + " " + mode));
        }
        out.addAll(PostgresObjectDdl.comment(
                "EVENT TRIGGER " + quote(trigger.name()),
                Optional.empty(),
                trigger.comment(),
                "event trigger: \"" + trigger.name() + "\""));
        return out;
    }

    List<PlannedChange> drop(EventTrigger trigger) {
        return List.of(PostgresPlanner.change(
                "drop " + PostgresObjectDdl.named(trigger), "DROP EVENT TRIGGER " + quote(trigger.name())));
    }

    private String on(String schema, Trigger trigger) {
        return ddl.table(
                trigger.on().schema().isEmpty() ? schema : trigger.on().schema(),
                trigger.on().identity());
    }

    private String statement(String schema, Trigger trigger, boolean replace) {
        Map<String, String> options = trigger.options();
        boolean constraint = "true".equals(options.get("constraint"));
        StringBuilder sql = new StringBuilder(replace ? "CREATE OR REPLACE " : "CREATE ")
                .append(constraint ? "CONSTRAINT " : "")
                .append("TRIGGER ")
                .append(quote(trigger.name()))
                .append(' ')
                .append(trigger.timing())
                .append(' ');
        List<String> events = new ArrayList<>();
        for (String event : trigger.events()) {
            events.add(
                    event.equals("UPDATE") && !trigger.updateOf().isEmpty()
                            ? "UPDATE OF " + PostgresDdl.names(trigger.updateOf())
                            : event);
        }
        sql.append(String.join(" OR ", events)).append(" ON ").append(on(schema, trigger));
        if (options.containsKey("from")) {
            sql.append(" FROM ").append(QualifiedName.parse(options.get("from")).sql(schema, ddl.qualified()));
        }
        if (constraint) {
            sql.append("true".equals(options.get("deferrable")) ? " DEFERRABLE" : " NOT DEFERRABLE");
            if ("DEFERRED".equals(options.get("initially"))) {
                sql.append(" INITIALLY DEFERRED");
            }
        }
        if (options.containsKey("old_table") || options.containsKey("new_table")) {
            sql.append(" REFERENCING");
            if (options.containsKey("old_table")) {
                sql.append(" OLD TABLE AS ").append(quote(options.get("old_table")));
            }
            if (options.containsKey("new_table")) {
                sql.append(" NEW TABLE AS ").append(quote(options.get("new_table")));
            }
        }
        sql.append(trigger.forEachRow() ? " FOR EACH ROW" : " FOR EACH STATEMENT");
        trigger.when().ifPresent(w -> sql.append(" WHEN (").append(w).append(')'));
        String execute = trigger.execute().orElse("");
        int nameEnd = QualifiedName.length(execute);
        sql.append(" EXECUTE FUNCTION ")
                .append(QualifiedName.parse(execute).sql(schema, ddl.qualified()))
                .append(execute.substring(nameEnd));
        return sql.toString();
    }

    private List<PlannedChange> enabled(
            String schema, Trigger trigger, @org.jspecify.annotations.Nullable String from) {
        String to = trigger.options().get("enabled");
        if (Objects.equals(from, to) || trigger.on().kind() == ObjectKind.VIEW) {
            return List.of();
        }
        String mode = to == null ? "ENABLE" : to.equals("DISABLED") ? "DISABLE" : "ENABLE " + to;
        return List.of(PostgresPlanner.change(
                "set " + PostgresObjectDdl.named(trigger) + " mode",
                "ALTER TABLE " + on(schema, trigger) + " " + mode + " TRIGGER " + quote(trigger.name())));
    }

    private List<PlannedChange> comment(String schema, Trigger trigger, Optional<String> from) {
        return PostgresObjectDdl.comment(
                "TRIGGER " + quote(trigger.name()) + " ON " + on(schema, trigger),
                from,
                trigger.comment(),
                "trigger: \"" + trigger.name() + "\"");
    }
}

package io.plumb.engine.dialect.mysql;

import static io.plumb.engine.dialect.mysql.MysqlDdl.literal;
import static io.plumb.engine.dialect.mysql.MysqlDdl.quote;

import io.plumb.engine.plan.ObjectDdl;
import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.Argument;
import io.plumb.engine.schema.Event;
import io.plumb.engine.schema.ObjectKind;
import io.plumb.engine.schema.Routine;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.schema.Trigger;
import io.plumb.engine.schema.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code MysqlObjectDdl} writes MySQL's and MariaDB's statements for views, functions, procedures, triggers and
 * events. A view is replaced in place ({@code CREATE OR REPLACE VIEW}) on both servers; MariaDB replaces routines,
 * events and triggers that follow another too ({@code CREATE OR REPLACE}), where MySQL drops and creates them. Definers are left to the
 * server (the connected user), as they are left out of inspection.
 */
final class MysqlObjectDdl implements ObjectDdl {

    private final MysqlFlavour flavour;
    private final boolean qualified;

    MysqlObjectDdl(MysqlFlavour flavour, boolean qualified) {
        this.flavour = flavour;
        this.qualified = qualified;
    }

    @Override
    public List<PlannedChange> create(String schema, SchemaObject object) {
        String sql = createSql(schema, object, false);
        return List.of(new PlannedChange(comment("create", object), sql));
    }

    @Override
    public List<PlannedChange> drop(String schema, SchemaObject object) {
        return List.of(new PlannedChange(comment("drop", object), dropSql(schema, object)));
    }

    @Override
    public List<PlannedChange> replace(String schema, SchemaObject from, SchemaObject to) {
        return List.of(new PlannedChange(comment("modify", to), createSql(schema, to, true)));
    }

    /**
     * Returns whether the server replaces the object in place rather than dropping and creating it. MariaDB's {@code
     * CREATE OR REPLACE TRIGGER} puts the trigger last among those of its table, timing and event unless it says
     * which it follows: a trigger that follows none is dropped and created instead, so that the differ re-creates
     * the triggers that follow it, in their order.
     */
    static boolean replaceable(MysqlFlavour flavour, SchemaObject from, SchemaObject to) {
        if (from instanceof View) {
            return true;
        }
        if (from instanceof Trigger f && to instanceof Trigger t) {
            String follows = t.options().get(MysqlObjectOptions.FOLLOWS);
            return flavour == MysqlFlavour.MARIADB
                    && follows != null
                    && follows.equals(f.options().get(MysqlObjectOptions.FOLLOWS));
        }
        return flavour == MysqlFlavour.MARIADB;
    }

    // The reference's plan comments: create "v" view, create trigger "t".
    private static String comment(String verb, SchemaObject object) {
        String label = object.kind().label();
        return object.kind() == ObjectKind.TRIGGER
                ? verb + " " + label + " \"" + object.name() + "\""
                : verb + " \"" + object.name() + "\" " + label;
    }

    private String name(String schema, String name) {
        return qualified ? quote(schema) + "." + quote(name) : quote(name);
    }

    private String dropSql(String schema, SchemaObject object) {
        return "DROP " + object.kind().sql() + " " + name(schema, object.name());
    }

    private String createSql(String schema, SchemaObject object, boolean replace) {
        String create = replace ? "CREATE OR REPLACE " : "CREATE ";
        if (object instanceof View v) {
            return create + view(schema, v);
        } else if (object instanceof Routine r) {
            return create + routine(schema, r);
        } else if (object instanceof Trigger t) {
            return create + trigger(schema, t);
        } else if (object instanceof Event e) {
            return create + event(schema, e);
        }
        throw ObjectDdl.unsupported(flavour == MysqlFlavour.MARIADB ? "mariadb" : "mysql", object);
    }

    private String view(String schema, View view) {
        Map<String, String> options = view.options();
        StringBuilder sql = new StringBuilder();
        if (options.containsKey(MysqlObjectOptions.ALGORITHM)) {
            sql.append("ALGORITHM = ")
                    .append(options.get(MysqlObjectOptions.ALGORITHM))
                    .append(' ');
        }
        if (options.containsKey(MysqlObjectOptions.SECURITY)) {
            sql.append("SQL SECURITY ")
                    .append(options.get(MysqlObjectOptions.SECURITY))
                    .append(' ');
        }
        // A view's names are resolved when it is created, in the session's default database, not the view's.
        String query = qualified ? MysqlObjectTexts.qualified(view.query(), schema) : view.query();
        sql.append("VIEW ").append(name(schema, view.name())).append(" AS ").append(query);
        if (options.containsKey(MysqlObjectOptions.CHECK_OPTION)) {
            sql.append(" WITH ")
                    .append(options.get(MysqlObjectOptions.CHECK_OPTION))
                    .append(" CHECK OPTION");
        }
        return sql.toString();
    }

    private String routine(String schema, Routine routine) {
        boolean function = routine.kind() == ObjectKind.FUNCTION;
        List<String> args = new ArrayList<>();
        for (Argument argument : routine.arguments()) {
            String mode = function ? "" : argument.mode().map(m -> m + " ").orElse("");
            args.add(mode + quote(argument.name()) + " " + argument.type());
        }
        StringBuilder sql = new StringBuilder(routine.kind().sql())
                .append(' ')
                .append(name(schema, routine.name()))
                .append('(')
                .append(String.join(", ", args))
                .append(')');
        routine.returns().ifPresent(r -> sql.append(" RETURNS ").append(r));
        Map<String, String> options = routine.options();
        if ("true".equals(options.get(MysqlObjectOptions.DETERMINISTIC))) {
            sql.append("\n  DETERMINISTIC");
        }
        if (options.containsKey(MysqlObjectOptions.DATA_ACCESS)) {
            sql.append("\n  ")
                    .append(options.get(MysqlObjectOptions.DATA_ACCESS).replace('_', ' '));
        }
        if (options.containsKey(MysqlObjectOptions.SECURITY)) {
            sql.append("\n  SQL SECURITY ").append(options.get(MysqlObjectOptions.SECURITY));
        }
        routine.comment().ifPresent(c -> sql.append("\n  COMMENT ").append(literal(c)));
        return sql.append('\n').append(routine.body()).toString();
    }

    private String trigger(String schema, Trigger trigger) {
        StringBuilder sql = new StringBuilder("TRIGGER ")
                .append(name(schema, trigger.name()))
                .append(' ')
                .append(trigger.timing())
                .append(' ')
                .append(String.join(" OR ", trigger.events()))
                .append(" ON ")
                .append(name(schema, trigger.on().identity()))
                .append(" FOR EACH ROW");
        String follows = trigger.options().get(MysqlObjectOptions.FOLLOWS);
        if (follows != null) {
            sql.append(" FOLLOWS ").append(quote(follows));
        }
        return sql.append('\n').append(trigger.body().orElse("")).toString();
    }

    private String event(String schema, Event event) {
        Map<String, String> options = event.options();
        StringBuilder sql = new StringBuilder("EVENT ")
                .append(name(schema, event.name()))
                .append(" ON SCHEDULE ")
                .append(event.schedule());
        if (options.containsKey(MysqlObjectOptions.ON_COMPLETION)) {
            sql.append(" ON COMPLETION ").append(options.get(MysqlObjectOptions.ON_COMPLETION));
        }
        String status = options.get(MysqlObjectOptions.STATUS);
        if (status != null) {
            sql.append(status.equals("SLAVESIDE_DISABLED") ? " DISABLE ON SLAVE" : " DISABLE");
        }
        event.comment().ifPresent(c -> sql.append(" COMMENT ").append(literal(c)));
        return sql.append("\nDO ").append(event.body()).toString();
    }
}

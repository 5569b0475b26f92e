package io.plumb.engine.dialect.sqlite;

import static io.plumb.engine.dialect.sqlite.SqliteDdl.quote;

import io.plumb.engine.plan.ObjectDdl;
import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.schema.Trigger;
import io.plumb.engine.schema.View;
import java.util.List;

/**
 * The {@code SqliteObjectDdl} writes SQLite's statements for views and triggers. SQLite replaces neither in place,
 * so a changed one is dropped and created again; it has no other kinds of objects.
 */
final class SqliteObjectDdl implements ObjectDdl {

    @Override
    public List<PlannedChange> create(String schema, SchemaObject object) {
        if (object instanceof View v && !v.materialized()) {
            return List.of(new PlannedChange(
                    "create \"" + v.name() + "\" view", "CREATE VIEW " + quote(v.name()) + " AS " + v.query()));
        }
        if (object instanceof Trigger t && t.body().isPresent()) {
            return List.of(new PlannedChange("create trigger \"" + t.name() + "\"", createTrigger(t)));
        }
        throw ObjectDdl.unsupported("sqlite", object);
    }

    @Override
    public List<PlannedChange> drop(String schema, SchemaObject object) {
        String what = object instanceof View
                ? "drop \"" + object.name() + "\" view"
                : "drop trigger \"" + object.name() + "\"";
        return List.of(new PlannedChange(what, dropSql(object)));
    }

    @Override
    public List<PlannedChange> replace(String schema, SchemaObject from, SchemaObject to) {
        throw ObjectDdl.unsupported("sqlite", to);
    }

    private static String dropSql(SchemaObject object) {
        return (object instanceof View ? "DROP VIEW " : "DROP TRIGGER ") + quote(object.name());
    }

    private static String createTrigger(Trigger t) {
        StringBuilder sql = new StringBuilder("CREATE TRIGGER ")
                .append(quote(t.name()))
                .append(' ')
                .append(t.timing())
                .append(' ');
        for (String event : t.events()) {
            sql.append(event);
            if (event.equals("UPDATE") && !t.updateOf().isEmpty()) {
                sql.append(" OF ")
                        .append(String.join(
                                ", ",
                                t.updateOf().stream().map(SqliteDdl::quote).toList()));
            }
        }
        sql.append(" ON ").append(quote(t.on().identity())).append(" FOR EACH ROW");
        t.when().ifPresent(w -> sql.append(" WHEN ").append(w));
        sql.append(' ').append(t.body().orElseThrow());
        return sql.toString();
    }
}

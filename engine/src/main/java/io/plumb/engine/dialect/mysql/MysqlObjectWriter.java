package io.plumb.engine.dialect.mysql;

import io.plumb.engine.schema.Argument;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.Event;
import io.plumb.engine.schema.ObjectKind;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Routine;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.schema.Trigger;
import io.plumb.engine.schema.View;
import io.plumb.engine.spec.HclSyntax;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code MysqlObjectWriter} prints the views, functions, procedures, triggers and events of a realm as HCL
 * blocks, in one deterministic order whatever order they were read in: by kind (views, functions, procedures,
 * triggers, events), then by schema in realm order, then by name. Inside a block, {@code schema} (or a trigger's
 * {@code on}) comes first, then the nested {@code column}, {@code arg} or {@code before}/{@code after} blocks, then
 * the other attributes, the body {@code as} last but for {@code depends_on}.
 */
final class MysqlObjectWriter {

    private static final List<ObjectKind> ORDER =
            List.of(ObjectKind.VIEW, ObjectKind.FUNCTION, ObjectKind.PROCEDURE, ObjectKind.TRIGGER, ObjectKind.EVENT);

    private MysqlObjectWriter() {}

    /** Returns the printed blocks, each ending with a newline. */
    static List<String> write(Realm realm) {
        List<String> blocks = new ArrayList<>();
        for (ObjectKind kind : ORDER) {
            for (Schema schema : realm.schemas()) {
                schema.objects().stream()
                        .filter(o -> o.kind() == kind)
                        .sorted(Comparator.comparing(SchemaObject::name))
                        .forEach(o -> blocks.add(block(realm, schema.name(), o)));
            }
        }
        return blocks;
    }

    private static String block(Realm realm, String schema, SchemaObject object) {
        Body body = new Body(1);
        if (object instanceof Trigger t) {
            // table.NAME, unless another schema has a table of that name: table.SCHEMA.NAME.
            String table = t.on().identity();
            boolean shared = realm.schemas().stream()
                            .filter(s -> s.table(table).isPresent())
                            .count()
                    > 1;
            body.attr("on", HclSyntax.ref(shared ? List.of("table", schema, table) : List.of("table", table)));
        } else {
            body.attr("schema", HclSyntax.ref(List.of("schema", schema)));
        }
        if (object instanceof View v) {
            view(v, body);
        } else if (object instanceof Routine r) {
            routine(r, body);
        } else if (object instanceof Trigger t) {
            trigger(t, body);
        } else if (object instanceof Event e) {
            event(e, body);
        }
        return object.kind().block() + " " + HclSyntax.quote(object.name()) + " {\n" + body.text() + "}\n";
    }

    private static void view(View view, Body body) {
        for (Column column : view.columns()) {
            Body c = body.block("column", column.name());
            c.attr("null", Boolean.toString(column.nullable()));
            c.attr("type", HclSyntax.type(column.type()));
            body.end(c);
        }
        body.attr("as", text(view.query(), body.depth()));
        options(view.options(), body);
    }

    private static void routine(Routine routine, Body body) {
        for (Argument argument : routine.arguments()) {
            Body a = body.block("arg", argument.name());
            a.attr("type", type(argument.type()));
            argument.mode().ifPresent(m -> a.attr("mode", m));
            body.end(a);
        }
        routine.returns().ifPresent(r -> body.attr("return", type(r)));
        body.attr("as", text(routine.body(), body.depth()));
        options(routine.options(), body);
        routine.comment().ifPresent(c -> body.attr("comment", HclSyntax.quote(c)));
    }

    private static void trigger(Trigger trigger, Body body) {
        Body timing = body.block(trigger.timing().toLowerCase(Locale.ROOT), null);
        trigger.events().forEach(e -> timing.attr(e.toLowerCase(Locale.ROOT), "true"));
        body.end(timing);
        String follows = trigger.options().get(MysqlObjectOptions.FOLLOWS);
        if (follows != null) {
            body.attr("follows", HclSyntax.ref(List.of("trigger", follows)));
        }
        body.attr("as", text(trigger.body().orElse(""), body.depth()));
    }

    private static void event(Event event, Body body) {
        MysqlEventSchedule schedule = MysqlEventSchedule.parse(event.schedule());
        if (!schedule.at().isEmpty()) {
            body.attr("at", HclSyntax.quote(schedule.at()));
        } else {
            body.attr("every", HclSyntax.quote(schedule.every()));
        }
        if (!schedule.starts().isEmpty()) {
            body.attr("starts", HclSyntax.quote(schedule.starts()));
        }
        if (!schedule.ends().isEmpty()) {
            body.attr("ends", HclSyntax.quote(schedule.ends()));
        }
        body.attr("as", text(event.body(), body.depth()));
        options(event.options(), body);
        event.comment().ifPresent(c -> body.attr("comment", HclSyntax.quote(c)));
    }

    // Options are identifiers (READS_SQL_DATA, LOCAL) but for deterministic, a bool.
    private static void options(Map<String, String> options, Body body) {
        options.forEach((key, value) -> {
            if (!key.equals(MysqlObjectOptions.FOLLOWS)) {
                body.attr(key, value);
            }
        });
    }

    private static String type(String type) {
        return HclSyntax.type(MysqlObjectTypes.columnType(type));
    }

    /**
     * Returns an SQL text as a quoted string when it is one line, else as a {@code <<-SQL} heredoc indented one
     * level deeper than the attribute, with template introducers escaped.
     */
    static String text(String sql, int depth) {
        boolean markerLine = sql.lines().anyMatch(l -> l.strip().equals("SQL"));
        if (!sql.contains("\n") || markerLine) {
            return HclSyntax.quote(sql);
        }
        String indent = "  ".repeat(depth + 1);
        StringBuilder out = new StringBuilder("<<-SQL\n");
        for (String line : sql.split("\n", -1)) {
            String escaped = line.replace("${", "$${").replace("%{", "%%{");
            out.append(escaped.isBlank() ? "" : indent + escaped).append('\n');
        }
        return out.append("  ".repeat(depth)).append("SQL").toString();
    }

    /** A block body being printed: attributes and nested blocks, with the {@code =} of attribute runs aligned. */
    private static final class Body {

        private final int depth;
        private final List<String[]> items = new ArrayList<>();

        Body(int depth) {
            this.depth = depth;
        }

        int depth() {
            return depth;
        }

        void attr(String name, String expression) {
            items.add(new String[] {name, expression});
        }

        Body block(String type, @org.jspecify.annotations.Nullable String label) {
            Body child = new Body(depth + 1);
            child.items.add(new String[] {type + (label == null ? "" : " " + HclSyntax.quote(label))});
            return child;
        }

        void end(Body child) {
            String header = child.items.get(0)[0];
            String indent = "  ".repeat(depth);
            Body inner = new Body(child.depth);
            inner.items.addAll(child.items.subList(1, child.items.size()));
            items.add(new String[] {indent + header + " {\n" + inner.text() + indent + "}\n"});
        }

        String text() {
            StringBuilder out = new StringBuilder();
            String indent = "  ".repeat(depth);
            int i = 0;
            while (i < items.size()) {
                if (items.get(i).length == 1) {
                    out.append(items.get(i)[0]);
                    i++;
                    continue;
                }
                int end = i;
                int width = 0;
                while (end < items.size() && items.get(end).length == 2) {
                    width = Math.max(width, items.get(end)[0].length());
                    end++;
                }
                for (String[] attr : items.subList(i, end)) {
                    out.append(indent).append(attr[0]).append(" ".repeat(width - attr[0].length()));
                    out.append(" = ").append(attr[1]).append('\n');
                }
                i = end;
            }
            return out.toString();
        }
    }
}

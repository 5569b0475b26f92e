package io.plumb.engine.dialect.postgres;

import static io.plumb.engine.dialect.postgres.PostgresDdl.literal;

import io.plumb.engine.schema.EventTrigger;
import io.plumb.engine.schema.ObjectKind;
import io.plumb.engine.schema.ObjectRef;
import io.plumb.engine.schema.Trigger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code TriggerQuery} reads the triggers of the tables and views of a set of schemas from {@code pg_trigger}
 * (not the internal ones that implement foreign keys, nor the clones a partition gets from its parent), and the
 * event triggers whose functions live in those schemas from {@code pg_event_trigger}. The {@code WHEN} condition is
 * taken from {@code pg_get_triggerdef}, which prints it normalised.
 */
final class TriggerQuery {

    private static final String TRIGGERS = "SELECT n.nspname, c.relname, c.relkind::text, t.tgname, t.tgtype,"
            + " pg_get_triggerdef(t.oid, true), fn.nspname, f.proname, t.tgargs, t.tgnargs, t.tgenabled::text,"
            + " array(SELECT a.attname FROM unnest(t.tgattr::int2[]) WITH ORDINALITY k(num, ord)"
            + " JOIN pg_attribute a ON a.attrelid = t.tgrelid AND a.attnum = k.num ORDER BY k.ord),"
            + " t.tgconstraint <> 0, t.tgdeferrable, t.tginitdeferred, rn.nspname, r.relname,"
            + " obj_description(t.oid, 'pg_trigger'), t.tgoldtable, t.tgnewtable"
            + " FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_proc f ON f.oid = t.tgfoid JOIN pg_namespace fn ON fn.oid = f.pronamespace"
            + " LEFT JOIN pg_class r ON r.oid = t.tgconstrrelid LEFT JOIN pg_namespace rn ON rn.oid = r.relnamespace"
            + " WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND $FILTER AND "
            + PostgresObjects.notExtension("pg_class", "c.oid")
            + " ORDER BY n.nspname, c.relname, t.tgname";

    private static final String EVENT_TRIGGERS = "SELECT t.evtname, t.evtevent, t.evttags, n.nspname, f.proname,"
            + " t.evtenabled::text, obj_description(t.oid, 'pg_event_trigger')"
            + " FROM pg_event_trigger t JOIN pg_proc f ON f.oid = t.evtfoid"
            + " JOIN pg_namespace n ON n.oid = f.pronamespace WHERE $FILTER AND "
            + PostgresObjects.notExtension("pg_event_trigger", "t.oid")
            + " ORDER BY t.evtname";

    private final CatalogQuery query;

    TriggerQuery(CatalogQuery query) {
        this.query = query;
    }

    void read(Connection connection, PostgresObjects out) throws SQLException {
        try (PreparedStatement st = query.prepare(connection, TRIGGERS);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                String schema = rs.getString(1);
                out.add(schema, trigger(rs, schema));
            }
        }
        try (PreparedStatement st = query.prepare(connection, EVENT_TRIGGERS);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                java.sql.Array tags = rs.getArray(3);
                out.add(new EventTrigger(
                        rs.getString(1),
                        rs.getString(2),
                        tags == null
                                ? List.of()
                                : Arrays.stream((Object[]) tags.getArray())
                                        .map(String::valueOf)
                                        .toList(),
                        new ObjectRef(ObjectKind.FUNCTION, rs.getString(4), rs.getString(5)),
                        rs.getString(6),
                        Optional.ofNullable(rs.getString(7))));
            }
        }
    }

    private static Trigger trigger(ResultSet rs, String schema) throws SQLException {
        int type = rs.getInt(5);
        ObjectRef on = rs.getString(3).equals("v")
                ? new ObjectRef(ObjectKind.VIEW, schema, rs.getString(2))
                : ObjectRef.table(schema, rs.getString(2));
        String timing = (type & 64) != 0 ? "INSTEAD OF" : (type & 2) != 0 ? "BEFORE" : "AFTER";
        List<String> events = new ArrayList<>();
        if ((type & 4) != 0) {
            events.add("INSERT");
        }
        if ((type & 16) != 0) {
            events.add("UPDATE");
        }
        if ((type & 8) != 0) {
            events.add("DELETE");
        }
        if ((type & 32) != 0) {
            events.add("TRUNCATE");
        }
        Map<String, String> options = new LinkedHashMap<>();
        if (rs.getBoolean(13)) {
            options.put("constraint", "true");
            if (rs.getBoolean(14)) {
                options.put("deferrable", "true");
            }
            if (rs.getBoolean(15)) {
                options.put("initially", "DEFERRED");
            }
            if (rs.getString(17) != null) {
                options.put("from", QualifiedName.text(schema, rs.getString(16), rs.getString(17)));
            }
        }
        switch (rs.getString(11)) {
            case "D" -> options.put("enabled", "DISABLED");
            case "R" -> options.put("enabled", "REPLICA");
            case "A" -> options.put("enabled", "ALWAYS");
            default -> {}
        }
        if (rs.getString(19) != null) {
            options.put("old_table", rs.getString(19));
        }
        if (rs.getString(20) != null) {
            options.put("new_table", rs.getString(20));
        }
        java.sql.Array columns = rs.getArray(12);
        List<String> updateOf = columns == null
                ? List.of()
                : Arrays.stream((Object[]) columns.getArray())
                        .map(String::valueOf)
                        .toList();
        String execute = QualifiedName.text(schema, rs.getString(7), rs.getString(8)) + "("
                + String.join(
                        ", ",
                        args(rs.getBytes(9), rs.getInt(10)).stream()
                                .map(a -> literal(a))
                                .toList()) + ")";
        return new Trigger(
                rs.getString(4),
                on,
                timing,
                events,
                updateOf,
                (type & 1) != 0,
                when(rs.getString(6)),
                Optional.empty(),
                Optional.of(execute),
                options,
                Optional.ofNullable(rs.getString(18)),
                List.of(new ObjectRef(ObjectKind.FUNCTION, rs.getString(7), rs.getString(8))));
    }

    // tgargs holds the arguments as NUL-terminated strings.
    private static List<String> args(byte[] bytes, int count) {
        List<String> args = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length && args.size() < count; i++) {
            if (bytes[i] == 0) {
                args.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return args;
    }

    /** Returns the condition of {@code ... WHEN (condition) EXECUTE FUNCTION ...}, as the definition prints it. */
    static Optional<String> when(String definition) {
        int start = definition.indexOf(" WHEN (");
        int end = definition.lastIndexOf(") EXECUTE FUNCTION ");
        if (start < 0 || end < start) {
            return Optional.empty();
        }
        return Optional.of(definition.substring(start + " WHEN (".length(), end));
    }
}

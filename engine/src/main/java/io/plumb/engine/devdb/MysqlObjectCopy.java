package io.plumb.engine.devdb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code MysqlObjectCopy} reads the statements that recreate a MySQL or MariaDB schema's functions, procedures,
 * views, triggers and events in another schema, in the order a copy runs them after its tables and rows: routines
 * (views may call them), views in dependency order, triggers (after the rows, so that copying rows fires none, in
 * their firing order), then events.
 *
 * <p>The statements name their objects without a schema and are run with the target as the default database, so
 * the copy's objects use the copy's tables: {@code SHOW CREATE VIEW} with the source as the default database prints
 * the source's own tables unqualified, and a body that names its schema in backquotes ({@code `src`.`t`}) has that
 * qualifier removed.
 */
final class MysqlObjectCopy {

    private MysqlObjectCopy() {}

    /** Returns the statements, read with {@code admin} (whose default database this changes to the source). */
    static List<String> statements(Connection admin, String source) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement use = admin.createStatement()) {
            use.execute("USE " + MysqlIsolation.quote(source));
        }
        for (String[] routine : rows(
                admin,
                "SELECT ROUTINE_TYPE, ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?"
                        + " AND ROUTINE_TYPE IN ('FUNCTION', 'PROCEDURE') ORDER BY ROUTINE_TYPE, ROUTINE_NAME",
                source)) {
            out.add(unqualified(show(admin, "SHOW CREATE " + routine[0] + " " + quote(routine[1]), 3), source));
        }
        out.addAll(views(admin, source));
        for (String[] trigger : rows(
                admin,
                "SELECT TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, EVENT_OBJECT_TABLE, ACTION_STATEMENT, DEFINER"
                        + " FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?"
                        + " ORDER BY EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER",
                source)) {
            out.add("CREATE DEFINER = " + definer(trigger[5]) + " TRIGGER " + quote(trigger[0]) + " " + trigger[1] + " "
                    + trigger[2] + " ON " + quote(trigger[3]) + " FOR EACH ROW " + unqualified(trigger[4], source));
        }
        for (String[] event : rows(
                admin,
                "SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ? ORDER BY EVENT_NAME",
                source)) {
            out.add(unqualified(show(admin, "SHOW CREATE EVENT " + quote(event[0]), 4), source));
        }
        return out;
    }

    // A view is created after the views its definition names.
    private static List<String> views(Connection admin, String source) throws SQLException {
        Map<String, String> definitions = new LinkedHashMap<>();
        for (String[] view : rows(
                admin,
                "SELECT TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME",
                source)) {
            definitions.put(view[0], show(admin, "SHOW CREATE VIEW " + quote(view[0]), 2));
        }
        List<String> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String view : definitions.keySet()) {
            visit(view, definitions, done, new HashSet<>(), ordered);
        }
        return ordered;
    }

    private static void visit(
            String view, Map<String, String> definitions, Set<String> done, Set<String> visiting, List<String> out) {
        if (done.contains(view) || !visiting.add(view)) {
            return;
        }
        String definition = definitions.getOrDefault(view, "");
        String body = definition.substring(definition.indexOf(" AS ") + 4);
        for (String other : definitions.keySet()) {
            if (!other.equals(view) && body.contains(quote(other))) {
                visit(other, definitions, done, visiting, out);
            }
        }
        done.add(view);
        out.add(definition);
    }

    private static String show(Connection admin, String sql, int column) throws SQLException {
        try (Statement statement = admin.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            if (!rows.next()) {
                throw new SQLException("no definition from " + sql);
            }
            String definition = rows.getString(column);
            if (definition == null) {
                throw new SQLException("no definition from " + sql + ": the user may lack the privilege to read it");
            }
            return definition;
        }
    }

    private static List<String[]> rows(Connection admin, String sql, String schema) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement query = admin.prepareStatement(sql)) {
            query.setString(1, schema);
            try (ResultSet rs = query.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    String[] row = new String[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = String.valueOf(rs.getString(i + 1));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    // user@host, where the user may itself hold an @.
    private static String definer(String definer) {
        int at = definer.lastIndexOf('@');
        return at < 0 ? quote(definer) : quote(definer.substring(0, at)) + "@" + quote(definer.substring(at + 1));
    }

    /** Returns the text without the backquoted qualifier of the source schema outside string literals. */
    static String unqualified(String text, String schema) {
        String prefix = quote(schema) + ".";
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != c) {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, text.length());
                out.append(text, i, end);
                i = end;
            } else if (text.startsWith(prefix, i)) {
                i += prefix.length();
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String quote(String name) {
        return MysqlIsolation.quote(name);
    }
}

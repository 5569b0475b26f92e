package io.plumb.engine.dialect.mysql;

import io.plumb.engine.schema.Argument;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.Event;
import io.plumb.engine.schema.ObjectKind;
import io.plumb.engine.schema.ObjectRef;
import io.plumb.engine.schema.Routine;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.schema.Trigger;
import io.plumb.engine.schema.View;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The {@code MysqlObjectInspector} reads the views, functions, procedures, triggers and events of the inspected
 * schemas from {@code information_schema}, and counts what those schemas hold that the model does not: MariaDB's
 * sequences, system-versioned tables and packages, the {@code PARTITION BY} clauses of partitioned tables, and
 * privileges ({@link MysqlPrivileges}). Definers are the environment's, not the schema's, and are left
 * out; the servers record no dependencies between these objects, so none are read ({@code References} orders them
 * by the names their texts use).
 */
final class MysqlObjectInspector {

    /**
     * What the inspection found.
     *
     * @param objects the objects of each schema: views, functions, procedures, triggers, events, each by name
     * @param unsupported the counts of what was left out, by kind
     */
    record Found(Map<String, List<SchemaObject>> objects, Map<String, Integer> unsupported) {}

    private final MysqlFlavour flavour;

    MysqlObjectInspector(MysqlFlavour flavour) {
        this.flavour = flavour;
    }

    Found inspect(Connection connection, List<String> schemas) throws SQLException {
        Map<String, List<SchemaObject>> objects = new LinkedHashMap<>();
        schemas.forEach(s -> objects.put(s, new ArrayList<>()));
        Map<String, Integer> unsupported = new TreeMap<>();
        String in = schemas.stream().map(n -> "?").collect(Collectors.joining(",", "(", ")"));
        views(connection, schemas, in, objects);
        routines(connection, schemas, in, objects, unsupported);
        triggers(connection, schemas, in, objects);
        events(connection, schemas, in, objects);
        String others = "SELECT TABLE_TYPE, COUNT(*) FROM information_schema.TABLES WHERE TABLE_TYPE NOT IN"
                + " ('BASE TABLE', 'VIEW') AND TABLE_SCHEMA IN " + in + " GROUP BY TABLE_TYPE";
        MysqlInspector.query(
                connection,
                others,
                schemas,
                rs -> unsupported.merge(tableKind(rs.getString(1)), rs.getInt(2), Integer::sum));
        // A partitioned table is kept as a table; its PARTITION BY clause is what the model leaves out.
        String partitioned = "SELECT COUNT(DISTINCT TABLE_SCHEMA, TABLE_NAME) FROM information_schema.PARTITIONS"
                + " WHERE PARTITION_NAME IS NOT NULL AND TABLE_SCHEMA IN " + in;
        MysqlInspector.query(connection, partitioned, schemas, rs -> {
            if (rs.getInt(1) > 0) {
                unsupported.merge("PARTITION BY clause", rs.getInt(1), Integer::sum);
            }
        });
        MysqlPrivileges.count(connection, schemas, in, unsupported);
        return new Found(objects, unsupported);
    }

    private static String tableKind(String type) {
        return switch (type) {
            case "SEQUENCE" -> "sequence";
            case "SYSTEM VERSIONED" -> "system-versioned table";
            case "TEMPORARY" -> "temporary table";
            default -> type.toLowerCase(Locale.ROOT);
        };
    }

    private void views(Connection connection, List<String> schemas, String in, Map<String, List<SchemaObject>> out)
            throws SQLException {
        // MySQL 8 has no ALGORITHM column in VIEWS; its views are read without one.
        String algorithm = flavour == MysqlFlavour.MARIADB ? "ALGORITHM" : "'UNDEFINED' AS ALGORITHM";
        Map<List<String>, List<Column>> columns = new LinkedHashMap<>();
        String columnSql = "SELECT c.TABLE_SCHEMA, c.TABLE_NAME, c.COLUMN_NAME, c.COLUMN_TYPE, c.IS_NULLABLE"
                + " FROM information_schema.COLUMNS c JOIN information_schema.VIEWS v"
                + " ON v.TABLE_SCHEMA = c.TABLE_SCHEMA AND v.TABLE_NAME = c.TABLE_NAME WHERE c.TABLE_SCHEMA IN " + in
                + " ORDER BY c.TABLE_SCHEMA, c.TABLE_NAME, c.ORDINAL_POSITION";
        MysqlInspector.query(connection, columnSql, schemas, rs -> columns.computeIfAbsent(
                        List.of(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                .add(Column.of(
                        rs.getString(3), MysqlObjectTypes.columnType(rs.getString(4)), "YES".equals(rs.getString(5)))));
        String sql = "SELECT TABLE_SCHEMA, TABLE_NAME, VIEW_DEFINITION, CHECK_OPTION, SECURITY_TYPE, " + algorithm
                + " FROM information_schema.VIEWS WHERE TABLE_SCHEMA IN " + in + " ORDER BY TABLE_SCHEMA, TABLE_NAME";
        MysqlInspector.query(connection, sql, schemas, rs -> {
            String schema = rs.getString(1);
            String name = rs.getString(2);
            Map<String, String> options = new LinkedHashMap<>();
            String check = rs.getString(4);
            if (check != null && !check.equals("NONE")) {
                options.put(MysqlObjectOptions.CHECK_OPTION, check);
            }
            if ("INVOKER".equals(rs.getString(5))) {
                options.put(MysqlObjectOptions.SECURITY, "INVOKER");
            }
            String alg = rs.getString(6);
            if (alg != null && !alg.equals("UNDEFINED")) {
                options.put(MysqlObjectOptions.ALGORITHM, alg);
            }
            String query = MysqlObjectTexts.unqualified(orEmpty(rs.getString(3)), schema);
            out.computeIfAbsent(schema, k -> new ArrayList<>())
                    .add(new View(
                            name,
                            false,
                            columns.getOrDefault(List.of(schema, name), List.of()),
                            query.strip(),
                            List.of(),
                            Optional.empty(),
                            List.of(),
                            options));
        });
    }

    private void routines(
            Connection connection,
            List<String> schemas,
            String in,
            Map<String, List<SchemaObject>> out,
            Map<String, Integer> unsupported)
            throws SQLException {
        Map<List<String>, List<Argument>> arguments = new LinkedHashMap<>();
        String parameters = "SELECT SPECIFIC_SCHEMA, ROUTINE_TYPE, SPECIFIC_NAME, PARAMETER_MODE, PARAMETER_NAME,"
                + " DTD_IDENTIFIER FROM information_schema.PARAMETERS WHERE ORDINAL_POSITION > 0"
                + " AND SPECIFIC_SCHEMA IN " + in + " ORDER BY SPECIFIC_SCHEMA, SPECIFIC_NAME, ORDINAL_POSITION";
        MysqlInspector.query(connection, parameters, schemas, rs -> {
            String mode = rs.getString(4);
            arguments
                    .computeIfAbsent(List.of(rs.getString(1), rs.getString(2), rs.getString(3)), k -> new ArrayList<>())
                    .add(new Argument(
                            orEmpty(rs.getString(5)),
                            MysqlObjectTypes.canonical(rs.getString(6)),
                            mode == null || mode.equals("IN") ? Optional.empty() : Optional.of(mode),
                            Optional.empty()));
        });
        String sql = "SELECT ROUTINE_SCHEMA, ROUTINE_TYPE, ROUTINE_NAME, DTD_IDENTIFIER, ROUTINE_DEFINITION,"
                + " IS_DETERMINISTIC, SQL_DATA_ACCESS, SECURITY_TYPE, ROUTINE_COMMENT FROM information_schema.ROUTINES"
                + " WHERE ROUTINE_SCHEMA IN " + in + " ORDER BY ROUTINE_SCHEMA, ROUTINE_TYPE, ROUTINE_NAME";
        MysqlInspector.query(connection, sql, schemas, rs -> {
            String schema = rs.getString(1);
            String type = rs.getString(2);
            String name = rs.getString(3);
            if (!type.equals("FUNCTION") && !type.equals("PROCEDURE")) {
                // MariaDB's Oracle-mode packages, counted once (a package's body is part of it).
                if (type.equals("PACKAGE")) {
                    unsupported.merge("package", 1, Integer::sum);
                }
                return;
            }
            boolean function = type.equals("FUNCTION");
            Map<String, String> options = new LinkedHashMap<>();
            if ("YES".equals(rs.getString(6))) {
                options.put(MysqlObjectOptions.DETERMINISTIC, "true");
            }
            String access = rs.getString(7);
            if (access != null && !access.equals("CONTAINS SQL")) {
                options.put(MysqlObjectOptions.DATA_ACCESS, access.replace(' ', '_'));
            }
            if ("INVOKER".equals(rs.getString(8))) {
                options.put(MysqlObjectOptions.SECURITY, "INVOKER");
            }
            out.computeIfAbsent(schema, k -> new ArrayList<>())
                    .add(new Routine(
                            function ? ObjectKind.FUNCTION : ObjectKind.PROCEDURE,
                            name,
                            "",
                            arguments.getOrDefault(List.of(schema, type, name), List.of()),
                            function ? Optional.of(MysqlObjectTypes.canonical(rs.getString(4))) : Optional.empty(),
                            "",
                            orEmpty(rs.getString(5)).strip(),
                            options,
                            text(rs.getString(9)),
                            List.of()));
        });
    }

    private static void triggers(
            Connection connection, List<String> schemas, String in, Map<String, List<SchemaObject>> out)
            throws SQLException {
        String sql = "SELECT TRIGGER_SCHEMA, TRIGGER_NAME, EVENT_MANIPULATION, EVENT_OBJECT_TABLE, ACTION_ORDER,"
                + " ACTION_STATEMENT, ACTION_TIMING FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA IN " + in
                + " ORDER BY TRIGGER_SCHEMA, EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER";
        List<String> previous = new ArrayList<>();
        MysqlInspector.query(connection, sql, schemas, rs -> {
            String schema = rs.getString(1);
            String name = rs.getString(2);
            String table = rs.getString(4);
            String timing = rs.getString(7);
            String event = rs.getString(3);
            Map<String, String> options = new LinkedHashMap<>();
            List<ObjectRef> dependsOn = new ArrayList<>();
            // Triggers of one table, timing and event fire in ACTION_ORDER; each follows the one before it.
            List<String> group = List.of(schema, table, timing, event);
            if (rs.getInt(5) > 1
                    && previous.size() == 5
                    && previous.subList(0, 4).equals(group)) {
                options.put(MysqlObjectOptions.FOLLOWS, previous.get(4));
                dependsOn.add(new ObjectRef(ObjectKind.TRIGGER, schema, table + "." + previous.get(4)));
            }
            previous.clear();
            previous.addAll(group);
            previous.add(name);
            out.computeIfAbsent(schema, k -> new ArrayList<>())
                    .add(new Trigger(
                            name,
                            ObjectRef.table(schema, table),
                            timing,
                            List.of(event),
                            List.of(),
                            true,
                            Optional.empty(),
                            Optional.of(orEmpty(rs.getString(6)).strip()),
                            Optional.empty(),
                            options,
                            Optional.empty(),
                            dependsOn));
        });
    }

    private static void events(
            Connection connection, List<String> schemas, String in, Map<String, List<SchemaObject>> out)
            throws SQLException {
        String format = "'%Y-%m-%d %H:%i:%s'";
        String sql = "SELECT EVENT_SCHEMA, EVENT_NAME, EVENT_DEFINITION, EVENT_TYPE, DATE_FORMAT(EXECUTE_AT, " + format
                + "), INTERVAL_VALUE, INTERVAL_FIELD, DATE_FORMAT(STARTS, " + format + "), DATE_FORMAT(ENDS, "
                + format + "), STATUS, ON_COMPLETION, EVENT_COMMENT, DATE_FORMAT(CREATED, " + format + ")"
                + " FROM information_schema.EVENTS WHERE EVENT_SCHEMA IN " + in + " ORDER BY EVENT_SCHEMA, EVENT_NAME";
        MysqlInspector.query(connection, sql, schemas, rs -> {
            String schema = rs.getString(1);
            MysqlEventSchedule schedule;
            if ("ONE TIME".equals(rs.getString(4))) {
                schedule = MysqlEventSchedule.at(orEmpty(rs.getString(5)));
            } else {
                // A recurring event created without STARTS starts when it was created: that is no part of the schema.
                String starts = rs.getString(8);
                if (starts != null && starts.equals(rs.getString(13))) {
                    starts = null;
                }
                schedule = new MysqlEventSchedule(
                        "",
                        orEmpty(rs.getString(6)) + " " + orEmpty(rs.getString(7)),
                        orEmpty(starts),
                        orEmpty(rs.getString(9)));
            }
            Map<String, String> options = new LinkedHashMap<>();
            if ("PRESERVE".equals(rs.getString(11))) {
                options.put(MysqlObjectOptions.ON_COMPLETION, "PRESERVE");
            }
            String status = rs.getString(10);
            if (status != null && !status.equals("ENABLED")) {
                options.put(MysqlObjectOptions.STATUS, status);
            }
            out.computeIfAbsent(schema, k -> new ArrayList<>())
                    .add(new Event(
                            rs.getString(2),
                            schedule.sql(),
                            orEmpty(rs.getString(3)).strip(),
                            options,
                            text(rs.getString(12)),
                            List.of()));
        });
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }

    private static Optional<String> text(@Nullable String text) {
        return text == null || text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}

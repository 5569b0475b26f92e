package io.plumb.engine.dialect.mysql;

import io.plumb.engine.dialect.InspectOptions;
import io.plumb.engine.dialect.Inspector;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code MysqlInspector} reads MySQL and MariaDB schemas from {@code information_schema}, one query per kind of
 * object for all inspected schemas at once: the given schemas, else the connection's database, else every schema
 * that is not the server's own.
 */
public final class MysqlInspector implements Inspector {

    private static final List<String> SYSTEM = List.of("mysql", "information_schema", "performance_schema", "sys");

    private final MysqlFlavour flavour;

    /** Creates the inspector of a flavour. */
    public MysqlInspector(MysqlFlavour flavour) {
        this.flavour = flavour;
    }

    @Override
    public Realm inspect(Connection connection, InspectOptions options) throws SQLException {
        List<String> names = schemaNames(connection, options);
        if (names.isEmpty()) {
            return new Realm(List.of());
        }
        MysqlVersion version = MysqlVersion.of(connection);
        Map<String, Schema> schemas = schemas(connection, names, MysqlFeatures.schemaComments(flavour, version));
        Map<List<String>, MysqlTableParts> tables = new LinkedHashMap<>();
        String in = names.stream().map(n -> "?").collect(Collectors.joining(",", "(", ")"));
        query(connection, MysqlQueries.TABLES + in + " ORDER BY TABLE_SCHEMA, TABLE_NAME", names, rs -> {
            MysqlTableParts parts = MysqlTableParts.of(rs);
            tables.put(List.of(parts.schema(), parts.name()), parts);
        });
        query(connection, MysqlQueries.COLUMNS + in + MysqlQueries.COLUMNS_ORDER, names, rs -> part(tables, rs)
                .addColumn(MysqlColumnRow.of(rs), flavour));
        query(connection, MysqlQueries.indexes(flavour) + in + MysqlQueries.INDEXES_ORDER, names, rs -> part(tables, rs)
                .addIndexPart(rs, flavour));
        query(connection, MysqlQueries.FOREIGN_KEYS + in + MysqlQueries.FOREIGN_KEYS_ORDER, names, rs -> part(
                        tables, rs)
                .addForeignKeyPart(rs));
        // Checks a MariaDB before 10.2.22 keeps are named in TABLE_CONSTRAINTS and written in SHOW CREATE TABLE only.
        Map<List<String>, List<String>> shownChecks = new LinkedHashMap<>();
        if (MysqlFeatures.checkCatalogue(flavour, version)) {
            query(connection, MysqlQueries.checks(flavour) + in + MysqlQueries.CHECKS_ORDER, names, rs -> part(
                            tables, rs)
                    .addCheck(rs, flavour));
        } else if (MysqlFeatures.checks(flavour, version)) {
            query(connection, MysqlQueries.CHECK_NAMES + in + MysqlQueries.CHECK_NAMES_ORDER, names, rs -> shownChecks
                    .computeIfAbsent(List.of(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                    .add(rs.getString(3)));
        }
        for (MysqlTableParts parts : tables.values()) {
            List<String> checks = shownChecks.getOrDefault(List.of(parts.schema(), parts.name()), List.of());
            if (parts.hasFulltext() || !checks.isEmpty()) {
                String sql = "SHOW CREATE TABLE " + MysqlDdl.quote(parts.schema()) + "." + MysqlDdl.quote(parts.name());
                query(connection, sql, List.of(), rs -> {
                    String shown = rs.getString(2);
                    parts.addParsers(shown);
                    for (String check : checks) {
                        String expr = MysqlShownChecks.expression(shown, check)
                                .orElseThrow(() -> new SQLException("cannot find check \"" + check + "\" of table \""
                                        + parts.name() + "\" in SHOW CREATE TABLE"));
                        parts.addCheck(check, expr, null, flavour);
                    }
                });
            }
        }
        MysqlObjectInspector.Found objects = new MysqlObjectInspector(flavour).inspect(connection, names);
        List<Schema> result = new ArrayList<>();
        for (String name : names) {
            Schema schema = schemas.get(name);
            if (schema == null) {
                continue;
            }
            List<Table> own = tables.values().stream()
                    .filter(t -> t.schema().equals(name))
                    .map(MysqlTableParts::table)
                    .toList();
            result.add(schema.withTables(own).withObjects(objects.objects().getOrDefault(name, List.of())));
        }
        return MysqlCanonical.of(new Realm(result, List.of(), objects.unsupported()));
    }

    private static MysqlTableParts part(Map<List<String>, MysqlTableParts> tables, ResultSet rs) throws SQLException {
        MysqlTableParts parts = tables.get(List.of(rs.getString("TABLE_SCHEMA"), rs.getString("TABLE_NAME")));
        // Views have columns but are not base tables: their rows land in a throwaway holder.
        return parts != null ? parts : MysqlTableParts.ignored();
    }

    private static List<String> schemaNames(Connection connection, InspectOptions options) throws SQLException {
        if (!options.schemas().isEmpty()) {
            return options.schemas();
        }
        String bound = connection.getCatalog();
        if (bound != null && !bound.isEmpty()) {
            return List.of(bound);
        }
        List<String> names = new ArrayList<>();
        query(connection, "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA ORDER BY SCHEMA_NAME", List.of(), rs -> {
            String name = rs.getString(1);
            if (!SYSTEM.contains(name)) {
                names.add(name);
            }
        });
        return names;
    }

    private static Map<String, Schema> schemas(Connection connection, List<String> names, boolean comments)
            throws SQLException {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        String in = names.stream().map(n -> "?").collect(Collectors.joining(",", "(", ")"));
        query(connection, MysqlQueries.schemas(comments) + in, names, rs -> {
            Map<String, String> options = new LinkedHashMap<>();
            options.put(MysqlSpecDialect.CHARSET, rs.getString("DEFAULT_CHARACTER_SET_NAME"));
            options.put(MysqlSpecDialect.COLLATE, rs.getString("DEFAULT_COLLATION_NAME"));
            String name = rs.getString("SCHEMA_NAME");
            String comment = rs.getString("SCHEMA_COMMENT");
            schemas.put(
                    name,
                    new Schema(
                            name,
                            List.of(),
                            comment == null || comment.isEmpty() ? Optional.empty() : Optional.of(comment),
                            options));
        });
        return schemas;
    }

    /** What to do with each row of a query. */
    @FunctionalInterface
    interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Runs the query with string arguments and hands each row to the consumer. */
    static void query(Connection connection, String sql, List<String> args, RowConsumer consumer) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                statement.setString(i + 1, args.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(rs);
                }
            }
        }
    }
}

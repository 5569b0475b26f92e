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
        Map<String, Schema> schemas = schemas(connection, names, flavour);
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
        query(connection, MysqlQueries.checks(flavour) + in + MysqlQueries.CHECKS_ORDER, names, rs -> part(tables, rs)
                .addCheck(rs, flavour));
        for (MysqlTableParts parts : tables.values()) {
            if (parts.hasFulltext()) {
                String sql = "SHOW CREATE TABLE " + MysqlDdl.quote(parts.schema()) + "." + MysqlDdl.quote(parts.name());
                query(connection, sql, List.of(), rs -> parts.addParsers(rs.getString(2)));
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

    private static Map<String, Schema> schemas(Connection connection, List<String> names, MysqlFlavour flavour)
            throws SQLException {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        String in = names.stream().map(n -> "?").collect(Collectors.joining(",", "(", ")"));
        query(connection, MysqlQueries.schemas(flavour) + in, names, rs -> {
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

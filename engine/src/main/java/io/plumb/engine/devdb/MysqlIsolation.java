package io.plumb.engine.devdb;

import io.plumb.engine.db.DatabaseException;
import io.plumb.engine.db.DatabaseUrl;
import io.plumb.engine.db.DriverLogs;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code MysqlIsolation} isolates MySQL and MariaDB databases as schemas of their own on the dev server. A server
 * cannot copy a schema, so a snapshot and a clone recreate every table from its {@code SHOW CREATE TABLE} (keeping
 * keys, indexes, foreign keys and the auto-increment counter) and copy its rows with {@code INSERT ... SELECT},
 * foreign key checks off, then recreates routines, views, triggers and events ({@link MysqlObjectCopy}): triggers
 * after the rows, so that copying the rows fires none.
 *
 * <p>A snapshot remembers the statements that copy it (its recipe: table definitions, row copies, other objects), and
 * all statements of a copy go in one round trip (the server, not the driver, splits them, so {@code BEGIN ... END}
 * bodies pass whole), so a clone costs the server's table creation and row copies, not the catalog's reads.
 */
final class MysqlIsolation extends ServerIsolation {

    private static final Pattern TABLE_NAME = Pattern.compile("CREATE TABLE `((?:[^`]|``)+)`");

    private MysqlIsolation(DatabaseUrl devUrl, Path workingDirectory, AdminConnection.Opener opener) {
        super(devUrl, workingDirectory, opener);
    }

    /**
     * Opens an isolation on the MySQL or MariaDB server of a dev URL; the URL's own schema is not used.
     *
     * @throws DatabaseException when the server cannot be reached
     */
    static MysqlIsolation open(DatabaseUrl url, Path workingDirectory) {
        String jdbc = "jdbc:mariadb://" + (url.host().isEmpty() ? "localhost" : url.host()) + ":"
                + (url.port() < 0 ? 3306 : url.port()) + "/";
        Properties properties = new Properties();
        DriverLogs.silence();
        properties.setProperty("user", url.loginUser().isEmpty() ? "root" : url.loginUser());
        url.loginPassword().ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("allowMultiQueries", "true");
        return new MysqlIsolation(url, workingDirectory, () -> DriverManager.getConnection(jdbc, properties));
    }

    @Override
    void create(Connection admin, String name) throws SQLException {
        execute(admin, List.of("CREATE DATABASE " + quote(name)));
    }

    @Override
    List<String> copy(Connection admin, String source, String target, List<String> known) throws SQLException {
        List<String> statements = new ArrayList<>();
        statements.add("CREATE DATABASE " + quote(target));
        statements.add("SET FOREIGN_KEY_CHECKS = 0");
        statements.add("USE " + quote(target));
        List<String> recipe = known;
        if (known.isEmpty()) {
            Contents contents = Contents.read(admin, source);
            statements.addAll(contents.recipe(source, Set.of()));
            // The target is a snapshot no one writes to: its copies need not copy the tables that have no rows.
            recipe = contents.recipe(target, emptyTables(admin, source, contents.tables()));
        } else {
            statements.addAll(known);
        }
        statements.add("SET FOREIGN_KEY_CHECKS = 1");
        // The administrative connection must not stay on a schema that a later drop removes.
        statements.add("USE information_schema");
        execute(admin, statements);
        return recipe;
    }

    /** What a copy reads of a schema: table definitions, the columns an insert may set, the other objects. */
    private record Contents(List<String> tables, Map<String, String> columns, List<String> objects) {

        static Contents read(Connection admin, String schema) throws SQLException {
            return new Contents(
                    tableDefinitions(admin, schema),
                    copiedColumns(admin, schema),
                    MysqlObjectCopy.statements(admin, schema));
        }

        /**
         * Returns the statements that, run in a new schema as the default database with foreign key checks off,
         * fill it with this state, reading the rows from {@code rowsFrom}: tables, rows (but for the tables known to
         * have none), then the other objects.
         */
        List<String> recipe(String rowsFrom, Set<String> empty) {
            List<String> recipe = new ArrayList<>(tables);
            for (String table : tables) {
                String name = nameOf(table);
                if (empty.contains(name)) {
                    continue;
                }
                // A table with generated columns lists the others on both sides, since the server computes those.
                String list = columns.get(name);
                recipe.add("INSERT INTO " + quote(name) + (list == null ? "" : " (" + list + ")") + " SELECT "
                        + (list == null ? "*" : list) + " FROM " + quote(rowsFrom) + "." + quote(name));
            }
            recipe.addAll(objects);
            return recipe;
        }
    }

    @Override
    boolean copiesOnlyUnconnected() {
        return false;
    }

    @Override
    void drop(Connection admin, String name) throws SQLException {
        execute(admin, List.of("DROP DATABASE IF EXISTS " + quote(name)));
    }

    private static List<String> tableDefinitions(Connection admin, String schema) throws SQLException {
        List<String> definitions = new ArrayList<>();
        for (String table : names(admin, schema, "BASE TABLE")) {
            try (Statement statement = admin.createStatement();
                    ResultSet rows =
                            statement.executeQuery("SHOW CREATE TABLE " + quote(schema) + "." + quote(table))) {
                rows.next();
                definitions.add(rows.getString(2));
            }
        }
        return definitions;
    }

    /** Returns the tables, of the definitions, that hold no row, read in one query. */
    private static Set<String> emptyTables(Connection admin, String schema, List<String> definitions)
            throws SQLException {
        Set<String> empty = new HashSet<>();
        if (definitions.isEmpty()) {
            return empty;
        }
        List<String> probes = new ArrayList<>();
        for (String definition : definitions) {
            String name = nameOf(definition);
            probes.add("SELECT " + literal(name) + " FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM " + quote(schema) + "."
                    + quote(name) + ")");
        }
        try (Statement statement = admin.createStatement();
                ResultSet rows = statement.executeQuery(String.join(" UNION ALL ", probes))) {
            while (rows.next()) {
                empty.add(rows.getString(1));
            }
        }
        return empty;
    }

    private static String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** Returns, per table that has generated columns, the list of the columns an insert may set. */
    private static Map<String, String> copiedColumns(Connection admin, String schema) throws SQLException {
        Map<String, List<String>> all = new LinkedHashMap<>();
        Map<String, Boolean> generated = new LinkedHashMap<>();
        String sql = "SELECT table_name, column_name, extra FROM information_schema.columns WHERE table_schema = ?"
                + " ORDER BY table_name, ordinal_position";
        try (PreparedStatement query = admin.prepareStatement(sql)) {
            query.setString(1, schema);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String table = rows.getString(1);
                    String extra = String.valueOf(rows.getString(3)).toUpperCase(java.util.Locale.ROOT);
                    // DEFAULT_GENERATED is MySQL's mark of an expression default, which an insert may set.
                    if (extra.matches(".*\\b(VIRTUAL|STORED|PERSISTENT) GENERATED.*")) {
                        generated.put(table, true);
                    } else {
                        all.computeIfAbsent(table, t -> new ArrayList<>()).add(quote(rows.getString(2)));
                    }
                }
            }
        }
        Map<String, String> lists = new LinkedHashMap<>();
        for (String table : generated.keySet()) {
            lists.put(table, String.join(", ", all.getOrDefault(table, List.of())));
        }
        return lists;
    }

    private static List<String> names(Connection admin, String schema, String type) throws SQLException {
        List<String> names = new ArrayList<>();
        String sql = "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_type = ?"
                + " ORDER BY table_name";
        try (PreparedStatement query = admin.prepareStatement(sql)) {
            query.setString(1, schema);
            query.setString(2, type);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }

    private static String nameOf(String definition) {
        Matcher m = TABLE_NAME.matcher(definition);
        if (!m.find()) {
            throw new IllegalStateException("not a table definition: " + definition);
        }
        return m.group(1).replace("``", "`");
    }

    private static void execute(Connection admin, List<String> statements) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute(String.join(";\n", statements));
        }
    }

    static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}

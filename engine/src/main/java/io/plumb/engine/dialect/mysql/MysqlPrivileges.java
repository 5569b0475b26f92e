package io.plumb.engine.dialect.mysql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code MysqlPrivileges} counts the privileges granted on the inspected schemas and their objects, which the model
 * does not hold, for the not-supported warning: on MySQL and MariaDB privileges belong to accounts, and a grant
 * names the schema, table, column or routine it is on. Each account (or role) counts once per object it holds
 * privileges on, however many privileges: {@code GRANT SELECT, INSERT ON t TO u} is one table privilege. Schema
 * grants count when they name the schema, with or without its wildcards escaped ({@code app\_db} for {@code app_db}),
 * not when a pattern with {@code %} matches it; table and column grants only while their table exists (the servers
 * keep a dropped table's grants, which come back with a table of its name). Left out as the server's own: the
 * installation's grant on the schema {@code test} to the anonymous account or {@code PUBLIC}, and the grant a
 * routine's creator gets on it automatically ({@code automatic_sp_privileges}, granted by the creator to itself).
 * The {@code information_schema} views show the inspecting account what it may see; grants on routines are read
 * from {@code mysql.procs_priv} when the account may read it, and are not counted otherwise.
 */
final class MysqlPrivileges {

    // A schema grant's name with its escaped wildcards unescaped; CHAR(92), a backslash, whatever the SQL mode.
    private static final String UNESCAPED =
            "REPLACE(REPLACE(p.TABLE_SCHEMA, CONCAT(CHAR(92), '_'), '_')," + " CONCAT(CHAR(92), '%'), '%')";

    private MysqlPrivileges() {}

    /** Adds the counts of the schemas' privileges, by kind, to {@code unsupported}; zero counts are not added. */
    static void count(Connection connection, List<String> schemas, String in, Map<String, Integer> unsupported)
            throws SQLException {
        List<String> twice = new ArrayList<>(schemas);
        twice.addAll(schemas);
        String schema = "SELECT COUNT(DISTINCT p.GRANTEE, p.TABLE_SCHEMA) FROM information_schema.SCHEMA_PRIVILEGES p"
                + " WHERE (p.TABLE_SCHEMA IN " + in + " OR " + UNESCAPED + " IN " + in + ")"
                + " AND NOT (p.TABLE_SCHEMA = 'test' AND p.GRANTEE IN ('''''@''%''', '''PUBLIC''@'''''))";
        add(connection, schema, twice, "schema privilege", unsupported);
        String table = "SELECT COUNT(DISTINCT p.GRANTEE, p.TABLE_SCHEMA, p.TABLE_NAME)"
                + " FROM information_schema.TABLE_PRIVILEGES p JOIN information_schema.TABLES t"
                + " ON t.TABLE_SCHEMA = p.TABLE_SCHEMA AND t.TABLE_NAME = p.TABLE_NAME WHERE p.TABLE_SCHEMA IN " + in;
        add(connection, table, schemas, "table privilege", unsupported);
        String column = "SELECT COUNT(DISTINCT p.GRANTEE, p.TABLE_SCHEMA, p.TABLE_NAME, p.COLUMN_NAME)"
                + " FROM information_schema.COLUMN_PRIVILEGES p JOIN information_schema.COLUMNS c"
                + " ON c.TABLE_SCHEMA = p.TABLE_SCHEMA AND c.TABLE_NAME = p.TABLE_NAME"
                + " AND c.COLUMN_NAME = p.COLUMN_NAME WHERE p.TABLE_SCHEMA IN " + in;
        add(connection, column, schemas, "column privilege", unsupported);
        String routine = "SELECT COUNT(*) FROM mysql.procs_priv p WHERE p.Db IN " + in
                // The creator's automatic grant: its own account, at the host it connected from, is the grantor.
                + " AND NOT (LEFT(p.Grantor, CHAR_LENGTH(p.User) + 1) = CONCAT(p.User, '@')"
                + " AND p.Proc_priv = 'Execute,Alter Routine')";
        try {
            add(connection, routine, schemas, "routine privilege", unsupported);
        } catch (SQLException e) {
            // An account without SELECT on mysql.procs_priv cannot see grants on routines; those are not counted.
            if (!isAccessDenied(e)) {
                throw e;
            }
        }
    }

    private static void add(
            Connection connection, String sql, List<String> args, String kind, Map<String, Integer> unsupported)
            throws SQLException {
        MysqlInspector.query(connection, sql, args, rs -> {
            if (rs.getInt(1) > 0) {
                unsupported.merge(kind, rs.getInt(1), Integer::sum);
            }
        });
    }

    // ER_TABLEACCESS_DENIED_ERROR (1142), ER_DBACCESS_DENIED_ERROR (1044), ER_ACCESS_DENIED_ERROR (1045).
    private static boolean isAccessDenied(SQLException e) {
        int code = e.getErrorCode();
        return code == 1142 || code == 1044 || code == 1045;
    }
}

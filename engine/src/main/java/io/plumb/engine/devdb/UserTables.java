package io.plumb.engine.devdb;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.DatabaseException;
import io.plumb.engine.db.SqlErrors;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code UserTables} lists the tables and views a user created on a PostgreSQL or MySQL/MariaDB server, from the
 * standard information schema, so that cleanliness checks and cleaning need no dialect inspector: the bound schema's
 * when the URL names one, else those of every schema that is not the system's.
 */
public final class UserTables {

    /**
     * A table or view, by schema.
     *
     * @param schema the schema's name
     * @param table the table's name
     * @param isView whether it is a view
     */
    public record Name(String schema, String table, boolean isView) {}

    private UserTables() {}

    /**
     * Returns the user tables and views in schema then name order.
     *
     * @throws DatabaseException when the catalog cannot be read
     */
    public static List<Name> of(Database db) {
        return of(db, db.boundSchema());
    }

    /** Returns the user tables and views of one schema, or of every user schema when empty. */
    public static List<Name> of(Database db, Optional<String> schema) {
        String sql = "SELECT table_schema, table_name, table_type FROM information_schema.tables WHERE "
                + (schema.isPresent() ? "table_schema = ?" : "table_schema NOT IN (" + systemSchemas(db) + ")")
                + " ORDER BY table_schema, table_name";
        List<Name> names = new ArrayList<>();
        try (PreparedStatement query = db.connection().prepareStatement(sql)) {
            if (schema.isPresent()) {
                query.setString(1, schema.get());
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(new Name(
                            rows.getString(1),
                            rows.getString(2),
                            rows.getString(3).contains("VIEW")));
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("listing the tables of " + db.url() + ": " + SqlErrors.message(e), e);
        }
        return names;
    }

    /**
     * Returns the schemas of a server that are not the user's, as an SQL list of literals to close a {@code NOT IN
     * (} with; PostgreSQL's catalog, toast and temporary schemas all start with {@code pg_}.
     */
    static String systemSchemas(Database db) {
        return db.dialect().name().equals("postgres")
                ? "'information_schema') AND table_schema NOT LIKE 'pg\\_%' AND (true"
                : "'mysql', 'information_schema', 'performance_schema', 'sys'";
    }
}

package io.plumb.engine.devdb;

import static io.plumb.engine.devdb.ServerIsolationTest.execute;
import static io.plumb.engine.devdb.ServerIsolationTest.query;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.db.Database;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A use of a PostgreSQL dev database leaves its default privileges for all schemas as it found them ({@link
 * DefaultPrivileges}): they belong to the database, which cleaning keeps, not to a schema it drops.
 */
class PostgresDevDatabaseTest {

    private static final String DATABASE = "devdb_default_privileges_test";

    private static final String ROLE = "devdb_default_privileges_role";

    private static final String DEFAULTS =
            "SELECT defaclobjtype::text || ' ' || defaclacl::text FROM pg_default_acl WHERE defaclnamespace = 0 ORDER BY 1";

    private static Database fresh() throws SQLException {
        String admin = TestServers.postgresUrl();
        try (Database server = Database.open(admin, Path.of("."))) {
            execute(server, "DROP DATABASE IF EXISTS " + DATABASE);
            execute(server, "CREATE DATABASE " + DATABASE);
        }
        return Database.open(admin.replaceFirst("/postgres\\?", "/" + DATABASE + "?"), Path.of("."));
    }

    @Test
    void aUseThatChangesTheDefaultPrivilegesLeavesThemAsBefore() throws SQLException {
        try (Database dev = fresh()) {
            execute(dev, "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO PUBLIC");
            execute(dev, "ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC");
            List<String> before = query(dev, DEFAULTS);
            assertThat(before).hasSize(2);
            List<String> seen = DevDatabase.use(dev, () -> {
                try {
                    // One entry removed (back to the built-in default), one changed, one added.
                    execute(dev, "ALTER DEFAULT PRIVILEGES REVOKE SELECT ON TABLES FROM PUBLIC");
                    execute(dev, "ALTER DEFAULT PRIVILEGES REVOKE ALL ON FUNCTIONS FROM CURRENT_USER");
                    execute(dev, "ALTER DEFAULT PRIVILEGES REVOKE USAGE ON TYPES FROM PUBLIC");
                    execute(dev, "CREATE ROLE " + ROLE);
                    execute(
                            dev,
                            "ALTER DEFAULT PRIVILEGES GRANT SELECT ON SEQUENCES TO " + ROLE + " WITH GRANT OPTION");
                    return query(dev, DEFAULTS);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(seen).hasSize(3).doesNotContainAnyElementsOf(before);
            assertThat(query(dev, DEFAULTS)).isEqualTo(before);
        } finally {
            try (Database server = Database.open(TestServers.postgresUrl(), Path.of("."))) {
                execute(server, "DROP DATABASE IF EXISTS " + DATABASE);
                execute(server, "DROP ROLE IF EXISTS " + ROLE);
            }
        }
    }

    @Test
    void aUseThatRevokesADefaultPrivilegeLeavesNone() throws SQLException {
        try (Database dev = fresh()) {
            DevDatabase.use(dev, () -> {
                try {
                    execute(dev, "ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC");
                    execute(dev, "CREATE FUNCTION f() RETURNS integer LANGUAGE sql AS 'SELECT 1'");
                    return null;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(query(dev, DEFAULTS)).isEmpty();
        }
    }
}

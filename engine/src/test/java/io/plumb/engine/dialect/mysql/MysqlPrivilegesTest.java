package io.plumb.engine.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.db.Database;
import io.plumb.engine.devdb.EmbeddedServers;
import io.plumb.engine.schema.Realm;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Grants privileges on a MariaDB schema's objects and checks how inspection counts them in {@link
 * Realm#unsupported()} ({@link MysqlPrivileges}): once per account and object, never for a schema without grants,
 * and without failing for an account that may not read the grants on routines.
 */
class MysqlPrivilegesTest {

    // Accounts are the server's, shared by the tests' databases: each test drops the ones it created.
    private static final String USER = "privileges_test_user";
    private static final String ROLE = "privileges_test_role";

    private static void execute(Connection c, String... statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    @AfterEach
    void dropAccounts() throws SQLException {
        try (Connection c = MariaServer.get().connect()) {
            execute(c, "DROP USER IF EXISTS " + USER, "DROP ROLE IF EXISTS " + ROLE);
        }
    }

    private static String schemaWithObjects() throws SQLException {
        return MysqlObjectsTest.load(
                """
                CREATE TABLE t (a int, b int);
                CREATE VIEW v AS SELECT a FROM t;
                CREATE FUNCTION f() RETURNS int RETURN 1;
                CREATE PROCEDURE p() SELECT 1;
                """);
    }

    @Test
    void aSchemaWithoutGrantsCountsNothing() throws SQLException {
        String db = schemaWithObjects();
        try (Connection c = MariaServer.get().connect(db)) {
            Realm realm = MysqlObjectsTest.inspect(c, db);
            assertThat(realm.unsupported()).isEmpty();
            assertThat(realm.unsupportedWarning()).isEmpty();
        }
    }

    @Test
    void grantsOnTheSchemaAndItsObjectsAreCountedOncePerAccountAndObject() throws SQLException {
        String db = schemaWithObjects();
        String escaped = db.replace("_", "\\_");
        try (Connection c = MariaServer.get().connect(db)) {
            execute(
                    c,
                    "CREATE USER " + USER,
                    "CREATE ROLE " + ROLE,
                    "GRANT SELECT, INSERT ON t TO " + USER,
                    "GRANT SELECT ON v TO " + USER,
                    "GRANT SELECT ON t TO " + ROLE,
                    "GRANT UPDATE (a, b) ON t TO " + USER,
                    "GRANT EXECUTE ON FUNCTION f TO " + USER,
                    "GRANT EXECUTE ON PROCEDURE p TO " + ROLE,
                    // The schema by its name, and by its name with the wildcards escaped: one grant each.
                    "GRANT SELECT ON `" + db + "`.* TO " + USER,
                    "GRANT SELECT ON `" + escaped + "`.* TO " + ROLE,
                    // A pattern matching many schemas names none of them.
                    "GRANT SELECT ON `" + db.substring(0, 3) + "%`.* TO " + USER);
            Realm realm = MysqlObjectsTest.inspect(c, db);
            assertThat(realm.unsupported())
                    .isEqualTo(Map.of(
                            "table privilege", 3,
                            "column privilege", 2,
                            "routine privilege", 2,
                            "schema privilege", 2));
            assertThat(realm.unsupportedWarning())
                    .hasValue("warning: 2 column privileges, 2 routine privileges, 2 schema privileges and 3 table"
                            + " privileges are not supported by plumb yet and left out of the schema");
            // The server keeps the grants of a dropped table; they are not counted while no table has its name.
            execute(c, "DROP VIEW v", "DROP TABLE t");
            assertThat(MysqlObjectsTest.inspect(c, db).unsupported())
                    .isEqualTo(Map.of("routine privilege", 2, "schema privilege", 2));
        }
    }

    @Test
    void anAccountThatCannotReadTheGrantsOfRoutinesInspectsWithoutThem() throws SQLException {
        String db = MariaServer.get().freshDatabase("privileges");
        try (Connection c = MariaServer.get().connect(db)) {
            execute(
                    c,
                    "CREATE USER " + USER + " IDENTIFIED BY 'secret'",
                    "GRANT SELECT, CREATE, CREATE ROUTINE ON `" + db + "`.* TO " + USER);
        }
        String url = EmbeddedServers.mariadb().replaceFirst("//[^@/]*@", "//" + USER + ":secret@") + db;
        try (Database limited = Database.open(url, Path.of(""))) {
            // The creator of a routine gets EXECUTE and ALTER ROUTINE on it from the server, as its owner would.
            execute(limited.connection(), "CREATE TABLE t (a int)", "CREATE FUNCTION f() RETURNS int RETURN 1");
            Realm realm = MysqlObjectsTest.inspect(limited.connection(), db);
            assertThat(realm.schemas().get(0).tables()).hasSize(1);
            // Its own grant on the schema is what the account sees.
            assertThat(realm.unsupported()).isEqualTo(Map.of("schema privilege", 1));
        }
        try (Connection c = MariaServer.get().connect(db)) {
            assertThat(MariaServer.get()
                            .query(
                                    c,
                                    "SELECT concat_ws('|', User, Routine_name, Proc_priv) FROM mysql.procs_priv WHERE Db = '"
                                            + db + "'"))
                    .containsExactly(USER + "|f|Execute,Alter Routine");
            assertThat(MysqlObjectsTest.inspect(c, db).unsupported()).isEqualTo(Map.of("schema privilege", 1));
        }
    }
}

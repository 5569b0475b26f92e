package io.plumb.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.db.Database;
import io.plumb.engine.devdb.IsolatedDatabase;
import io.plumb.engine.devdb.TestDialect;
import io.plumb.engine.migrate.DirReplay;
import io.plumb.engine.migrate.MigrationFile;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SQL desired state (and a migration directory replayed on a dev database) leaves nothing on the dev server: the
 * databases, roles, users and tablespaces its statements created are dropped once the state is read, and nothing
 * that existed before is. Every name here is this class's own, as the servers are shared with tests running at the
 * same time.
 */
class ServerObjectsLoadTest {

    @TempDir
    Path dir;

    private Realm load(Database dev, String sql) throws IOException {
        Files.writeString(dir.resolve("state.sql"), sql);
        return new SourceLoader(dir, Map.of(), name -> null).load(List.of("file://state.sql"), dev.dialect(), dev);
    }

    @Test
    void postgresDatabasesRolesAndTablespacesTheFileCreatedAreDropped() throws Exception {
        Path location = Files.createDirectory(dir.resolve("tablespace"));
        try (IsolatedDatabase isolated = TestDialect.POSTGRES.fresh()) {
            Database dev = isolated.database();
            Realm realm = load(
                    dev,
                    """
                    CREATE ROLE srvobj_load_owner;
                    CREATE TABLESPACE srvobj_load_space LOCATION '%s';
                    CREATE DATABASE srvobj_load_other OWNER srvobj_load_owner TABLESPACE srvobj_load_space;
                    CREATE USER "SrvObj_Load_Reader";
                    CREATE ROLE srvobj_load_renamed;
                    ALTER ROLE srvobj_load_renamed RENAME TO srvobj_load_renamed_to;
                    CREATE ROLE srvobj_load_gone;
                    DROP ROLE srvobj_load_gone;
                    CREATE TABLE t (a int);
                    GRANT SELECT ON t TO "SrvObj_Load_Reader";
                    GRANT CONNECT ON DATABASE postgres TO "SrvObj_Load_Reader";
                    ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO srvobj_load_owner;
                    """
                            .formatted(location));

            assertThat(realm.schemas().stream().flatMap(s -> s.tables().stream()))
                    .extracting(table -> table.name())
                    .containsExactly("t");
            assertThat(postgresLeftovers(dev)).isEmpty();
            // The same file loads again: nothing it created the first time is in its way.
            assertThat(load(
                                    dev,
                                    "CREATE DATABASE srvobj_load_other; CREATE ROLE srvobj_load_owner; CREATE TABLE t (a int);")
                            .schemas())
                    .isNotEmpty();
            assertThat(postgresLeftovers(dev)).isEmpty();
        }
    }

    @Test
    void postgresObjectsThatExistedBeforeStayAndAFailedLoadStillDropsWhatItCreated() throws Exception {
        try (IsolatedDatabase isolated = TestDialect.POSTGRES.fresh()) {
            Database dev = isolated.database();
            execute(dev, "CREATE ROLE srvobj_fail_existing");
            try {
                assertThatThrownBy(
                                () -> load(
                                        dev,
                                        """
                                CREATE DATABASE srvobj_fail_before_failure;
                                CREATE TABLE t (a int);
                                  CREATE ROLE srvobj_fail_existing;
                                """))
                        .isInstanceOf(SourceException.class)
                        .hasMessageStartingWith(
                                "state.sql:3:3: executing statement \"CREATE ROLE srvobj_fail_existing;\"")
                        .hasMessageContaining("already exists");
                assertThat(query(dev, "SELECT datname FROM pg_database WHERE datname = 'srvobj_fail_before_failure'"))
                        .isEmpty();
                assertThat(query(dev, "SELECT rolname FROM pg_roles WHERE rolname = 'srvobj_fail_existing'"))
                        .containsExactly("srvobj_fail_existing");
                // Dropping a role that existed before is the file's to do, not something to undo or redo.
                load(dev, "CREATE TABLE t (a int);");
                assertThat(query(dev, "SELECT rolname FROM pg_roles WHERE rolname = 'srvobj_fail_existing'"))
                        .containsExactly("srvobj_fail_existing");
            } finally {
                execute(dev, "DROP ROLE IF EXISTS srvobj_fail_existing");
            }
        }
    }

    @Test
    void aReplayedMigrationDirectoryLeavesNoDatabaseOrRoleOnThePostgresServer() throws Exception {
        try (IsolatedDatabase isolated = TestDialect.POSTGRES.fresh()) {
            Database dev = isolated.database();
            Realm realm = DirReplay.replay(
                    dev,
                    List.of(
                            file("1_init.sql", "CREATE DATABASE srvobj_replay_migrated;\nCREATE TABLE t (a int);\n"),
                            file(
                                    "2_role.sql",
                                    "CREATE ROLE srvobj_replay_migrator;\nGRANT SELECT ON t TO srvobj_replay_migrator;\n")));
            assertThat(realm.schemas().stream().flatMap(s -> s.tables().stream()))
                    .extracting(table -> table.name())
                    .containsExactly("t");
            assertThat(
                            query(
                                    dev,
                                    "SELECT datname FROM pg_database WHERE datname = 'srvobj_replay_migrated'"
                                            + " UNION ALL SELECT rolname FROM pg_roles WHERE rolname = 'srvobj_replay_migrator'"))
                    .isEmpty();
        }
    }

    @Test
    void mariadbSchemasUsersAndRolesTheFileCreatedAreDroppedAndThoseThatExistedStay() throws Exception {
        try (IsolatedDatabase isolated = TestDialect.MARIADB.fresh()) {
            Database dev = isolated.database();
            execute(dev, "CREATE DATABASE IF NOT EXISTS srvobj_my_kept");
            execute(dev, "CREATE USER IF NOT EXISTS srvobj_my_kept_user@localhost");
            try {
                Realm realm = load(
                        dev,
                        """
                        CREATE DATABASE srvobj_my_other;
                        CREATE SCHEMA IF NOT EXISTS `srvobj_my_maybe`;
                        CREATE DATABASE IF NOT EXISTS srvobj_my_kept;
                        CREATE USER srvobj_my_u1@'localhost' IDENTIFIED BY 'a, b', 'srvobj_my_u2' IDENTIFIED BY 'c';
                        CREATE USER IF NOT EXISTS srvobj_my_kept_user@localhost;
                        CREATE OR REPLACE ROLE srvobj_my_role;
                        CREATE TABLE t (a int);
                        """);
                assertThat(realm.schemas()).extracting(Schema::name).hasSize(1);
                assertThat(realm.schemas().get(0).tables())
                        .extracting(table -> table.name())
                        .containsExactly("t");
                assertThat(
                                query(
                                        dev,
                                        "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'srvobj\\_my\\_%'"))
                        .containsExactly("srvobj_my_kept");
                assertThat(query(
                                dev,
                                "SELECT concat(User, '@', Host) FROM mysql.user WHERE User LIKE 'srvobj\\_my\\_%'"))
                        .containsExactly("srvobj_my_kept_user@localhost");
            } finally {
                execute(dev, "DROP DATABASE IF EXISTS srvobj_my_kept");
                execute(dev, "DROP USER IF EXISTS srvobj_my_kept_user@localhost");
            }
        }
    }

    private static List<String> postgresLeftovers(Database dev) throws SQLException {
        return query(
                dev,
                "SELECT datname FROM pg_database WHERE datname LIKE 'srvobj\\_load\\_%'"
                        + " UNION ALL SELECT rolname FROM pg_roles WHERE lower(rolname) LIKE 'srvobj\\_load\\_%'"
                        + " UNION ALL SELECT spcname FROM pg_tablespace WHERE spcname LIKE 'srvobj\\_load\\_%'");
    }

    private static MigrationFile file(String name, String text) {
        return new MigrationFile(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void execute(Database db, String sql) throws SQLException {
        try (Statement statement = db.connection().createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> query(Database db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = db.connection().createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}

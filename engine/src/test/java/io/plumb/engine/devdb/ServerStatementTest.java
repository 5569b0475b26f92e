package io.plumb.engine.devdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.devdb.ServerObjects.Created;
import io.plumb.engine.devdb.ServerObjects.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a statement does to server objects, read from its text, as {@link ServerObjects} relies on. */
class ServerStatementTest {

    private static ServerStatement postgres(String sql) {
        return ServerStatement.parse(sql, true);
    }

    private static ServerStatement mysql(String sql) {
        return ServerStatement.parse(sql, false);
    }

    @Test
    void postgresCreatesOneNamedObjectWhateverFollowsItsName() {
        ServerStatement role = postgres("-- readers\n/* all of them */ create role Reader IN ROLE a, b LOGIN;");
        assertThat(role.creates()).isTrue();
        assertThat(role.objects()).containsExactly(new Created(Kind.ROLE, "reader", false));
        assertThat(postgres("CREATE DATABASE \"Other \"\"db\"\"\" OWNER x").objects())
                .containsExactly(new Created(Kind.DATABASE, "Other \"db\"", false));
        assertThat(postgres("CREATE TABLESPACE ts LOCATION '/x'").objects())
                .containsExactly(new Created(Kind.TABLESPACE, "ts", false));
        assertThat(postgres("CREATE GROUP g").objects()).containsExactly(new Created(Kind.ROLE, "g", false));
    }

    @Test
    void postgresStatementsOfTheDatabaseItselfAreNone() {
        assertThat(postgres("CREATE USER MAPPING FOR u SERVER s")).isEqualTo(ServerStatement.NONE);
        assertThat(postgres("CREATE SCHEMA other")).isEqualTo(ServerStatement.NONE);
        assertThat(postgres("CREATE TABLE database (a int)")).isEqualTo(ServerStatement.NONE);
        assertThat(postgres("SELECT 'CREATE ROLE r'")).isEqualTo(ServerStatement.NONE);
    }

    @Test
    void postgresDropsListsAndRenames() {
        ServerStatement drop = postgres("DROP ROLE IF EXISTS a, \"B\"");
        assertThat(drop.drops()).isTrue();
        assertThat(drop.objects())
                .containsExactly(new Created(Kind.ROLE, "a", false), new Created(Kind.ROLE, "B", false));
        ServerStatement rename = postgres("ALTER DATABASE a RENAME TO \"B\"");
        assertThat(rename.objects()).containsExactly(new Created(Kind.DATABASE, "a", false));
        assertThat(rename.renamedTo()).isEqualTo("B");
    }

    @Test
    void mysqlUsersAreAccountsWithTheirHostAndOptionsAreSkipped() {
        ServerStatement users = mysql("CREATE OR REPLACE USER IF NOT EXISTS u1@localhost IDENTIFIED BY 'a, b',"
                + " 'u''2' REQUIRE SSL, `u3`@'10.0.%' WITH MAX_QUERIES_PER_HOUR 1");
        assertThat(users.creates()).isTrue();
        assertThat(users.ifNotExists()).isTrue();
        assertThat(users.objects())
                .containsExactly(
                        new Created(Kind.ROLE, "'u1'@'localhost'", true),
                        new Created(Kind.ROLE, "'u''2'@'%'", true),
                        new Created(Kind.ROLE, "'u3'@'10.0.%'", true));
        assertThat(ServerStatement.accountParts("'u''2'@'%'")).containsExactly("u'2", "%");
        assertThat(mysql("CREATE USER u DEFAULT ROLE r1, r2").objects())
                .containsExactly(new Created(Kind.ROLE, "'u'@'%'", true));
        assertThat(mysql("CREATE ROLE r WITH ADMIN CURRENT_USER").objects())
                .containsExactly(new Created(Kind.ROLE, "'r'", false));
    }

    @Test
    void mysqlSchemasAndRenamedUsers() {
        assertThat(mysql("# a dump\nCREATE SCHEMA IF NOT EXISTS `App`").objects())
                .containsExactly(new Created(Kind.DATABASE, "App", false));
        assertThat(mysql("DROP DATABASE IF EXISTS app").drops()).isTrue();
        ServerStatement rename = mysql("RENAME USER a TO b@localhost");
        assertThat(rename.objects()).containsExactly(new Created(Kind.ROLE, "'a'@'%'", true));
        assertThat(rename.renamedTo()).isEqualTo("'b'@'localhost'");
        assertThat(mysql("CREATE TABLE t (a int)")).isEqualTo(ServerStatement.NONE);
    }

    private static Created role(String name) {
        return new Created(Kind.ROLE, name, false);
    }

    private static Created account(String name) {
        return new Created(Kind.ROLE, name, true);
    }

    @Test
    void postgresChangesToRolesDatabasesAndTablespacesNameTheirTargets() {
        assertThat(postgres("ALTER ROLE r SET search_path = x").change())
                .isEqualTo(new ServerChange(List.of(role("r")), List.of()));
        assertThat(postgres("alter user \"R\" with login").change())
                .isEqualTo(new ServerChange(List.of(role("R")), List.of()));
        assertThat(postgres("ALTER GROUP g ADD USER a, \"B\"").change())
                .isEqualTo(new ServerChange(List.of(role("g")), List.of(role("a"), role("B"))));
        assertThat(postgres("ALTER DATABASE d SET timezone = 'UTC'").change())
                .isEqualTo(new ServerChange(List.of(new Created(Kind.DATABASE, "d", false)), List.of()));
        assertThat(postgres("COMMENT ON TABLESPACE ts IS 'x'").change())
                .isEqualTo(new ServerChange(List.of(new Created(Kind.TABLESPACE, "ts", false)), List.of()));
        assertThat(postgres("ALTER USER MAPPING FOR u SERVER s OPTIONS (a 'b')"))
                .isEqualTo(ServerStatement.NONE);
        assertThat(postgres("COMMENT ON TABLE t IS 'x'")).isEqualTo(ServerStatement.NONE);
        assertThat(postgres("ALTER TABLE t ADD COLUMN role int")).isEqualTo(ServerStatement.NONE);
    }

    @Test
    void postgresGrantsOutliveTheDevDatabaseOnlyOnServerObjectsAndAsMemberships() {
        assertThat(postgres("GRANT CONNECT, CREATE ON DATABASE d1, d2 TO a, GROUP b, PUBLIC WITH GRANT OPTION")
                        .change())
                .isEqualTo(new ServerChange(
                        List.of(new Created(Kind.DATABASE, "d1", false), new Created(Kind.DATABASE, "d2", false)),
                        List.of(role("a"), role("b"), role("public"))));
        assertThat(postgres("GRANT SET ON PARAMETER work_mem TO a").change())
                .isEqualTo(new ServerChange(List.of(), List.of(role("a"))));
        assertThat(postgres("GRANT r1, \"R2\" TO m WITH ADMIN OPTION").change())
                .isEqualTo(new ServerChange(List.of(role("r1"), role("R2")), List.of(role("m"))));
        assertThat(postgres("REVOKE ADMIN OPTION FOR r1 FROM m CASCADE").change())
                .isEqualTo(new ServerChange(List.of(role("r1")), List.of(role("m"))));
        assertThat(postgres("REVOKE ALL ON TABLESPACE ts FROM a").change())
                .isEqualTo(new ServerChange(List.of(new Created(Kind.TABLESPACE, "ts", false)), List.of(role("a"))));
        assertThat(postgres("GRANT SELECT (a, b), UPDATE ON TABLE t TO r")).isEqualTo(ServerStatement.NONE);
        assertThat(postgres("GRANT USAGE ON SCHEMA s TO r")).isEqualTo(ServerStatement.NONE);
        assertThat(postgres("REVOKE GRANT OPTION FOR SELECT ON t FROM r")).isEqualTo(ServerStatement.NONE);
    }

    @Test
    void mysqlGrantsAndAccountChangesNameTheirAccounts() {
        assertThat(mysql("GRANT SELECT (a, `to`), INSERT ON db.* TO u@localhost, 'v' IDENTIFIED BY 'p, q'")
                        .change())
                .isEqualTo(new ServerChange(List.of(), List.of(account("'u'@'localhost'"), account("'v'"))));
        assertThat(mysql("REVOKE ALL PRIVILEGES, GRANT OPTION FROM u@'%'").change())
                .isEqualTo(new ServerChange(List.of(), List.of(account("'u'@'%'"))));
        assertThat(mysql("GRANT r TO u WITH ADMIN OPTION").change())
                .isEqualTo(new ServerChange(List.of(), List.of(account("'u'"))));
        assertThat(mysql("ALTER USER IF EXISTS u@localhost ACCOUNT LOCK, w").change())
                .isEqualTo(new ServerChange(List.of(account("'u'@'localhost'"), account("'w'")), List.of()));
        assertThat(mysql("ALTER USER USER() IDENTIFIED BY 'x'").change())
                .isEqualTo(new ServerChange(List.of(), List.of()));
        assertThat(mysql("SET PASSWORD FOR u@localhost = PASSWORD('x')").change())
                .isEqualTo(new ServerChange(List.of(), List.of(account("'u'@'localhost'"))));
        assertThat(mysql("SET DEFAULT ROLE r FOR u").change())
                .isEqualTo(new ServerChange(List.of(), List.of(account("'u'"))));
        assertThat(mysql("SET DEFAULT ROLE r").change()).isEqualTo(new ServerChange(List.of(), List.of()));
        assertThat(mysql("ALTER DATABASE d CHARACTER SET utf8mb4")).isEqualTo(ServerStatement.NONE);
        assertThat(mysql("SET NAMES utf8mb4")).isEqualTo(ServerStatement.NONE);
    }
}

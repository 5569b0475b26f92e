package io.plumb.engine.devdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.devdb.ServerObjects.Created;
import io.plumb.engine.devdb.ServerObjects.Kind;
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
        assertThat(postgres("ALTER ROLE r SET search_path = x")).isEqualTo(ServerStatement.NONE);
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
}

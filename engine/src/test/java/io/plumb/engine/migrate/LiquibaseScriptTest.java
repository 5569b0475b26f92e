package io.plumb.engine.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LiquibaseScriptTest {

    private static MigrationScript parse(String text) {
        return parse(text, ScannerOptions.POSTGRES);
    }

    private static MigrationScript parse(String text, ScannerOptions options) {
        MigrationFile file = new MigrationFile(
                "1_users.sql", text.getBytes(StandardCharsets.UTF_8), DirFormat.LIQUIBASE, "1", "users");
        return MigrationScript.parse(file, options);
    }

    private static String described(Statement s) {
        return s.line() + ":" + s.column() + " " + s.text() + " " + s.comments();
    }

    @Test
    void aChangelogWithoutSpecialChangesetsReadsAsAPlainFileWithChangesetLinesAsComments() {
        MigrationScript script = parse(
                """
                --liquibase formatted sql
                --changeset ada:1
                CREATE TABLE users (id int);
                --rollback DROP TABLE users;
                --changeset ada:2 runOnChange:true
                INSERT INTO users VALUES (1); INSERT INTO users VALUES (2);
                """);
        assertThat(script.statements())
                .extracting(LiquibaseScriptTest::described)
                .containsExactly(
                        "3:1 CREATE TABLE users (id int); [--liquibase formatted sql, --changeset ada:1]",
                        "6:1 INSERT INTO users VALUES (1); [--rollback DROP TABLE users;, --changeset ada:2"
                                + " runOnChange:true]",
                        "6:31 INSERT INTO users VALUES (2); []");
        assertThat(script.directives().txMode()).isEmpty();
    }

    private static final String BY_DATABASE =
            """
            --liquibase formatted sql
            --changeset ada:1
            CREATE TABLE a (id int);
            --changeset ada:2 dbms:postgresql
            CREATE TABLE pg (id int);
            --changeset ada:3 dbms:mysql,mariadb
            CREATE TABLE my (id int);
            --changeset ada:4 dbms:mariadb
            CREATE TABLE maria (id int);
            --changeset ada:5 dbms:!postgresql
            CREATE TABLE not_pg (id int);
            --changeset ada:6 dbms:SQLite,none
            CREATE TABLE never (id int);
            --changeset ada:7 dbms:all
            CREATE TABLE every (id int);
            --changeset ada:8 dbms:oracle,!sqlite
            CREATE TABLE ora (id int);
            """;

    @Test
    void aChangesetForOtherDatabasesDoesNotRunAsLiquibaseMatchesItsDbmsList() {
        assertThat(tables(parse(BY_DATABASE, ScannerOptions.POSTGRES))).containsExactly("a", "pg", "every");
        assertThat(tables(parse(BY_DATABASE, ScannerOptions.MYSQL)))
                .containsExactly("a", "my", "maria", "not_pg", "every");
        assertThat(tables(parse(BY_DATABASE, ScannerOptions.SQLITE))).containsExactly("a", "not_pg", "every");
        // Where the database is not known (import), every changeset is kept.
        assertThat(tables(parse(BY_DATABASE, ScannerOptions.GENERIC)))
                .containsExactly("a", "pg", "my", "maria", "not_pg", "never", "every", "ora");
        // The statements keep their lines.
        assertThat(parse(BY_DATABASE, ScannerOptions.POSTGRES).statements())
                .extracting(Statement::line)
                .containsExactly(3, 5, 15);
    }

    private static java.util.List<String> tables(MigrationScript script) {
        return script.statements().stream()
                .map(s -> s.text().replaceFirst("CREATE TABLE (\\w+) .*", "$1"))
                .toList();
    }

    @Test
    void splitStatementsFalseRunsTheChangesetAsOneStatementAndRunInTransactionFalseRunsTheFileOutsideOne() {
        MigrationScript script = parse(
                """
                --liquibase formatted sql

                --changeset ada:1
                CREATE TABLE users (id int);

                --changeset ada:2 splitStatements:false runInTransaction:false
                -- counts users
                CREATE FUNCTION n() RETURNS int LANGUAGE plpgsql AS '
                BEGIN
                  RETURN (SELECT count(*) FROM users);
                END;
                ';
                --rollback DROP FUNCTION n;

                --changeset ada:3
                CREATE INDEX CONCURRENTLY users_id ON users (id);
                """);
        assertThat(script.statements())
                .extracting(LiquibaseScriptTest::described)
                .containsExactly(
                        "4:1 CREATE TABLE users (id int); [--changeset ada:1]",
                        "8:1 CREATE FUNCTION n() RETURNS int LANGUAGE plpgsql AS '\nBEGIN\n  RETURN (SELECT count(*)"
                                + " FROM users);\nEND;\n'; [--changeset ada:2 splitStatements:false"
                                + " runInTransaction:false, -- counts users]",
                        "16:1 CREATE INDEX CONCURRENTLY users_id ON users (id); [--changeset ada:3]");
        assertThat(script.directives().txMode()).isEqualTo(Optional.of("none"));
    }

    @Test
    void aFileWithoutTheHeaderIsPlainSqlWhateverItsComments() {
        MigrationScript script =
                parse("--changeset ada:1 splitStatements:false\nINSERT INTO t VALUES (1); INSERT INTO t VALUES (2);\n");
        assertThat(script.statements()).hasSize(2);
    }

    @Test
    void anEndDelimiterSplitsTheChangesetThereAndAWordOrSlashOnlyOnALineOfItsOwn() {
        MigrationScript script = parse(
                """
                --liquibase formatted sql
                --changeset ada:1 endDelimiter:GO
                CREATE TABLE category (id int)
                go
                INSERT INTO category VALUES (1); INSERT INTO category VALUES (2)
                GO
                --changeset ada:2 endDelimiter://
                CREATE PROCEDURE p() BEGIN SELECT 1; SELECT '//'; END//
                SELECT 2//
                --changeset ada:3 endDelimiter:/
                SELECT 6 / 3
                /
                --changeset ada:4 endDelimiter:;
                SELECT 4; SELECT 5;
                """,
                ScannerOptions.MYSQL);
        assertThat(script.statements())
                .extracting(LiquibaseScriptTest::described)
                .containsExactly(
                        "3:1 CREATE TABLE category (id int) [--changeset ada:1 endDelimiter:GO]",
                        // MySQL's driver runs one statement a call: a piece holding two runs as two.
                        "5:1 INSERT INTO category VALUES (1); []",
                        "5:34 INSERT INTO category VALUES (2) []",
                        "8:1 CREATE PROCEDURE p() BEGIN SELECT 1; SELECT '//'; END [--changeset ada:2 endDelimiter://]",
                        "9:1 SELECT 2 []",
                        "11:1 SELECT 6 / 3 [--changeset ada:3 endDelimiter:/]",
                        "14:1 SELECT 4; [--changeset ada:4 endDelimiter:;]",
                        "14:11 SELECT 5; []");
        // PostgreSQL's driver runs a piece whole.
        assertThat(parse(
                                """
                                --liquibase formatted sql
                                --changeset ada:1 endDelimiter:GO
                                INSERT INTO category VALUES (1); INSERT INTO category VALUES (2)
                                GO
                                """)
                        .statements())
                .extracting(Statement::text)
                .containsExactly("INSERT INTO category VALUES (1); INSERT INTO category VALUES (2)");
    }

    @Test
    void anIgnoredChangesetAndIgnoredLinesDoNotRunAndTheOtherLinesKeepTheirNumbers() {
        MigrationScript script = parse(
                """
                --liquibase formatted sql
                --changeset ada:1
                CREATE TABLE a (id int);
                --ignoreLines:start
                DROP TABLE a;
                --ignoreLines:end
                --ignoreLines:1
                DROP TABLE a;
                INSERT INTO a VALUES (1);
                --changeset ada:2 ignore:true
                DROP TABLE a;
                --changeset ada:3 ignore:false
                INSERT INTO a VALUES (2);
                """);
        assertThat(script.statements())
                .extracting(LiquibaseScriptTest::described)
                .containsExactly(
                        "3:1 CREATE TABLE a (id int); [--changeset ada:1]",
                        "9:1 INSERT INTO a VALUES (1); []",
                        "13:1 INSERT INTO a VALUES (2); [--changeset ada:3 ignore:false]");
    }

    @Test
    void preconditionsGuardTheirChangesetsStatementsFromTheirLine() {
        MigrationScript script = parse(
                """
                --liquibase formatted sql
                --changeset ada:1
                CREATE TABLE a (id int);
                --changeset ada:2
                  --preconditions onFail:MARK_RAN onError:warn onFailMessage:"already there"
                --precondition-sql-check expectedResult:0 SELECT count(*) FROM a
                --precondition-table-exists table:a schema:public
                INSERT INTO a VALUES (1);
                INSERT INTO a VALUES (2);
                --changeset ada:3
                -- precondition-view-exists view:v
                --precondition-sql-check expectedResult:'a b' SELECT 'a b'
                INSERT INTO a VALUES (3);
                """);
        assertThat(script.statements()).hasSize(4);
        assertThat(script.guards())
                .containsExactly(
                        new Guard(
                                1,
                                3,
                                5,
                                3,
                                "changeset ada:2",
                                java.util.List.of(
                                        new Precondition.SqlCheck("0", "SELECT count(*) FROM a"),
                                        new Precondition.Exists(false, Optional.of("public"), "a")),
                                Guard.Action.MARK_RAN,
                                Guard.Action.WARN),
                        new Guard(
                                3,
                                4,
                                11,
                                1,
                                "changeset ada:3",
                                java.util.List.of(
                                        new Precondition.Exists(true, Optional.empty(), "v"),
                                        new Precondition.SqlCheck("a b", "SELECT 'a b'")),
                                Guard.Action.HALT,
                                Guard.Action.HALT));
    }

    @Test
    void aMalformedPreconditionOrIgnoreLinesIsAnErrorAtItsLine() {
        assertThatThrownBy(() ->
                        parse("--liquibase formatted sql\n--changeset a:1\n--precondition-row-count 3\nSELECT 1;\n"))
                .isInstanceOf(MigrationFileException.class)
                .hasMessageStartingWith("1_users.sql:3:1: unsupported precondition \"row-count\"");
        assertThatThrownBy(() -> parse("--liquibase formatted sql\n--changeset a:1\n--precondition-sql-check SELECT\n"))
                .hasMessageStartingWith("1_users.sql:3:1: --precondition-sql-check needs an expected result");
        assertThatThrownBy(() -> parse("--liquibase formatted sql\n--changeset a:1\n --precondition-table-exists x\n"))
                .hasMessageStartingWith("1_users.sql:3:2: --precondition-table-exists needs a table name");
        assertThatThrownBy(() -> parse("--liquibase formatted sql\n--changeset a:1\n--preconditions onFail:STOP\n"))
                .hasMessageStartingWith("1_users.sql:3:1: unknown precondition action \"STOP\"");
        assertThatThrownBy(() -> parse("--liquibase formatted sql\n--changeset a:1\n--ignoreLines:start\nSELECT 1;\n"))
                .hasMessage("1_users.sql:3:1: --ignoreLines:start has no --ignoreLines:end");
        assertThatThrownBy(() -> parse("--liquibase formatted sql\n--changeset a:1\n--ignoreLines:end\n"))
                .hasMessageStartingWith("1_users.sql:3:1: unknown --ignoreLines value \"end\"");
    }

    @Test
    void propertiesAreExpandedAsLiquibaseExpandsThemTheFirstDefinitionForTheDatabaseWinning() {
        String changelog =
                """
                --liquibase formatted sql
                --property name:table value:items
                --property name:table value:other
                --property name:kind value:pg dbms:postgresql
                --property name:kind value:my dbms:mysql,mariadb
                --changeset ada:1
                --precondition-table-exists table:${table}
                INSERT INTO ${table} (kind, note) VALUES ('${kind}', '${undefined}');
                """;
        MigrationScript postgres = parse(changelog);
        assertThat(postgres.statements())
                .extracting(Statement::text)
                .containsExactly("INSERT INTO items (kind, note) VALUES ('pg', '${undefined}');");
        assertThat(postgres.guards().get(0).conditions())
                .containsExactly(new Precondition.Exists(false, Optional.empty(), "items"));
        assertThat(parse(changelog, ScannerOptions.MYSQL).statements())
                .extracting(Statement::text)
                .containsExactly("INSERT INTO items (kind, note) VALUES ('my', '${undefined}');");
    }
}

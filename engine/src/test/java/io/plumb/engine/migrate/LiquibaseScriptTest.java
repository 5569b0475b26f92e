package io.plumb.engine.migrate;

import static org.assertj.core.api.Assertions.assertThat;

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
}

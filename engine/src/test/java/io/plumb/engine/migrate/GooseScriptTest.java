package io.plumb.engine.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GooseScriptTest {

    private static MigrationScript parse(String text) {
        MigrationFile file =
                new MigrationFile("3_users.sql", text.getBytes(StandardCharsets.UTF_8), DirFormat.GOOSE, "3", "users");
        return MigrationScript.parse(file, ScannerOptions.POSTGRES);
    }

    @Test
    void theUpSectionRunsWithBlocksAsOneStatementAndTheDownSectionDoesNot() {
        MigrationScript script = parse(
                """
                -- a file comment
                -- +goose Up
                CREATE TABLE users (id int);
                -- the name
                ALTER TABLE users ADD name text; ALTER TABLE users ADD age int;

                -- +goose StatementBegin
                -- counts users
                CREATE FUNCTION n() RETURNS int AS 'SELECT 1; SELECT 2;'
                LANGUAGE sql;
                -- +goose StatementEnd
                -- +goose Down
                DROP TABLE users;
                """);
        assertThat(script.statements())
                .extracting(s -> s.line() + ":" + s.column() + " " + s.text() + " " + s.comments())
                .containsExactly(
                        "3:1 CREATE TABLE users (id int); []",
                        "5:1 ALTER TABLE users ADD name text; [-- the name]",
                        "5:34 ALTER TABLE users ADD age int; []",
                        "9:1 CREATE FUNCTION n() RETURNS int AS 'SELECT 1; SELECT 2;'\nLANGUAGE sql; [-- counts users]");
        assertThat(script.down()).isEqualTo(Optional.of("DROP TABLE users;\n"));
        assertThat(script.directives().txMode()).isEmpty();
    }

    @Test
    void noTransactionRunsTheFileOutsideOne() {
        MigrationScript script =
                parse("-- +goose NO TRANSACTION\n-- +goose Up\nCREATE INDEX CONCURRENTLY i ON t (c);\n");
        assertThat(script.directives().txMode()).isEqualTo(Optional.of("none"));
        assertThat(script.statements()).hasSize(1);
    }

    @Test
    void malformedSectionsAreErrorsAtTheirLine() {
        assertThatThrownBy(() -> parse("CREATE TABLE t (id int);\n"))
                .isInstanceOf(MigrationFileException.class)
                .hasMessage("3_users.sql:1:1: statement before -- +goose Up: only comments may precede it");
        assertThatThrownBy(() -> parse("-- only a comment\n"))
                .hasMessage("3_users.sql:1:1: no -- +goose Up annotation: goose runs the lines after it");
        assertThatThrownBy(() -> parse("-- +goose Down\nDROP TABLE t;\n"))
                .hasMessageStartingWith("3_users.sql:1:1: unexpected -- +goose Down");
        assertThatThrownBy(() -> parse("-- +goose Up\n-- +goose Up\n"))
                .hasMessage("3_users.sql:2:1: unexpected -- +goose Up: a file has one Up section");
        assertThatThrownBy(() -> parse("-- +goose Up\n\n-- +goose StatementBegin\nSELECT 1;\n"))
                .hasMessage("3_users.sql:3:1: -- +goose StatementBegin without -- +goose StatementEnd");
        assertThatThrownBy(() -> parse("-- +goose Up\n-- +goose StatementEnd\n"))
                .hasMessage("3_users.sql:2:1: unexpected -- +goose StatementEnd: no StatementBegin is open");
        assertThatThrownBy(() -> parse("-- +goose Up\n-- +goose ENVSUB ON\n"))
                .hasMessageStartingWith("3_users.sql:2:11: unknown goose annotation \"ENVSUB ON\"");
        assertThatThrownBy(() -> parse("-- +goose Up\nSELECT (1;\n")).hasMessageStartingWith("3_users.sql:2:8: ");
    }

    @Test
    void onMysqlAndSqliteABlockOfSeveralStatementsRunsThemOneByOneAndABodyStaysWhole() {
        String text =
                """
                -- +goose Up
                -- +goose StatementBegin
                -- owners first
                CREATE TABLE owners (id int PRIMARY KEY);

                CREATE TABLE repos (id int, owner int REFERENCES owners (id));
                -- +goose StatementEnd
                -- +goose StatementBegin
                CREATE PROCEDURE touch() BEGIN
                  UPDATE owners SET id = id;
                  DELETE FROM repos WHERE owner IS NULL;
                END;
                -- +goose StatementEnd
                """;
        MigrationFile file =
                new MigrationFile("3_users.sql", text.getBytes(StandardCharsets.UTF_8), DirFormat.GOOSE, "3", "users");
        assertThat(MigrationScript.parse(file, ScannerOptions.MYSQL).statements())
                .extracting(s -> s.line() + ":" + s.column() + " "
                        + s.text().lines().findFirst().orElseThrow() + " " + s.comments())
                .containsExactly(
                        "4:1 CREATE TABLE owners (id int PRIMARY KEY); [-- owners first]",
                        "6:1 CREATE TABLE repos (id int, owner int REFERENCES owners (id)); []",
                        "9:1 CREATE PROCEDURE touch() BEGIN []");
        // sqlite-jdbc runs the first statement of a call only: the block is split there too.
        assertThat(MigrationScript.parse(file, ScannerOptions.SQLITE).statements())
                .extracting(Statement::line)
                .containsExactly(4, 6, 9);
        // PostgreSQL runs several statements in one call: the block stays one statement there, as goose sends it.
        assertThat(MigrationScript.parse(file, ScannerOptions.POSTGRES).statements())
                .hasSize(2);
    }
}

package io.plumb.engine.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DbmateScriptTest {

    private static MigrationScript parse(String text) {
        MigrationFile file = new MigrationFile(
                "20240101000000_users.sql",
                text.getBytes(StandardCharsets.UTF_8),
                DirFormat.DBMATE,
                "20240101000000",
                "users");
        return MigrationScript.parse(file, ScannerOptions.SQLITE);
    }

    @Test
    void theUpSectionRunsAndTheDownSectionDoesNot() {
        MigrationScript script = parse(
                """

                -- migrate:up
                CREATE TABLE users (id int);

                -- the name
                ALTER TABLE users ADD name text;
                -- migrate:down
                DROP TABLE users;
                """);
        assertThat(script.statements())
                .extracting(s -> s.line() + ":" + s.column() + " " + s.text() + " " + s.comments())
                .containsExactly(
                        "3:1 CREATE TABLE users (id int); []", "6:1 ALTER TABLE users ADD name text; [-- the name]");
        assertThat(script.down()).isEqualTo(Optional.of("DROP TABLE users;\n"));
        assertThat(script.directives().txMode()).isEmpty();
    }

    @Test
    void transactionFalseRunsTheFileOutsideOne() {
        assertThat(parse("-- migrate:up transaction:false\nVACUUM;\n")
                        .directives()
                        .txMode())
                .isEqualTo(Optional.of("none"));
        assertThat(parse("-- migrate:up transaction:true\nVACUUM;\n")
                        .directives()
                        .txMode())
                .isEmpty();
    }

    @Test
    void malformedSectionsAreErrorsAtTheirLine() {
        assertThatThrownBy(() -> parse("-- a comment\n\n  DROP TABLE t;\n-- migrate:up\n"))
                .isInstanceOf(MigrationFileException.class)
                .hasMessage("20240101000000_users.sql:3:3: statement before -- migrate:up: only comments may precede"
                        + " it");
        assertThatThrownBy(() -> parse("CREATE TABLE t (id int);\n"))
                .hasMessageStartingWith("20240101000000_users.sql:1:1: statement before -- migrate:up");
        assertThatThrownBy(() -> parse("-- nothing\n"))
                .hasMessage(
                        "20240101000000_users.sql:1:1: no -- migrate:up annotation: dbmate runs the lines after it");
        assertThatThrownBy(() -> parse("-- migrate:down\n-- migrate:up\n"))
                .hasMessage(
                        "20240101000000_users.sql:1:1: unexpected -- migrate:down: expected it after -- migrate:up");
        assertThatThrownBy(() -> parse("-- migrate:up\n-- migrate:up\n"))
                .hasMessage("20240101000000_users.sql:2:1: unexpected -- migrate:up: a file has one up section");
        assertThatThrownBy(() -> parse("-- migrate:up transaction:maybe\n"))
                .hasMessageStartingWith("20240101000000_users.sql:1:15: unknown dbmate option \"transaction:maybe\"");
        assertThatThrownBy(() -> parse("-- migrate:sideways\n"))
                .hasMessageStartingWith("20240101000000_users.sql:1:12: unknown dbmate annotation \"sideways\"");
    }
}

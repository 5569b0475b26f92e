package io.plumb.engine.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MigrationFileTest {

    @Test
    void textThatIsNotUtf8IsAnErrorAtItsPosition() {
        // A Latin-1 "é": replacing it with U+FFFD would run other SQL than the file holds.
        byte[] content =
                "CREATE TABLE t (id int);\nINSERT INTO t VALUES ('caf\u00e9');\n".getBytes(StandardCharsets.ISO_8859_1);
        MigrationFile file = new MigrationFile("2_latin1.sql", content);

        assertThatThrownBy(file::text)
                .isInstanceOfSatisfying(MigrationFileException.class, e -> {
                    assertThat(e.file()).isEqualTo("2_latin1.sql");
                    assertThat(e.line()).isEqualTo(2);
                })
                .hasMessage("2_latin1.sql:2:27: not UTF-8 text (byte 0xe9)");
    }

    @Test
    void utf8TextIsReadAsItIs() {
        String text = "INSERT INTO t VALUES ('caf\u00e9 \uD83D\uDE00');\n";
        assertThat(new MigrationFile("1_utf8.sql", text.getBytes(StandardCharsets.UTF_8)).text())
                .isEqualTo(text);
    }
}

package io.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The malformed inputs {@link MalformedInputFuzzTest} and its exploration runs found, each kept as a focused case. */
class BadInputErrorsTest {

    private static final String DEV = "sqlite://dev?mode=memory";

    @TempDir
    Path dir;

    private CliRun inspect(String hcl) throws IOException {
        Files.writeString(dir.resolve("schema.hcl"), hcl);
        return CliRun.of(dir, dir, "schema", "inspect", "--url", "file://schema.hcl", "--dev-url", DEV);
    }

    @Test
    void aKeyOrIndexWithoutColumnsIsAnErrorAtItsAttribute() throws IOException {
        String table =
                "schema \"main\" {}\ntable \"t\" {\n  schema = schema.main\n  column \"a\" {\n    type = int\n  }\n";

        CliRun key = inspect(table + "  primary_key {\n    columns = []\n  }\n}\n");
        CliRun index = inspect(table + "  index \"i\" {\n    columns = []\n  }\n}\n");

        assertThat(key.exitCode()).isEqualTo(1);
        assertThat(key.err())
                .isEqualTo("plumb: schema.hcl:8:15: primary key of table \"t\": expected at least one column\n");
        assertThat(index.exitCode()).isEqualTo(1);
        assertThat(index.err())
                .isEqualTo("plumb: schema.hcl:8:15: index \"i\" of table \"t\": expected at least one column\n");
    }

    @Test
    void aByteOrderMarkIsNamed() throws IOException {
        CliRun run = inspect("\uFEFFschema \"main\" {}\n");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("plumb: schema.hcl:1:1: unexpected character U+FEFF (a byte order mark; save the file as"
                        + " UTF-8 without one)\n");
    }

    @Test
    void aMigrationFileThatIsNotUtf8OrHoldsANulIsRefusedAtItsPosition() throws IOException {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.write(
                migrations.resolve("1_latin1.sql"),
                "CREATE TABLE t (name text DEFAULT 'caf\u00e9');\n".getBytes(StandardCharsets.ISO_8859_1));
        // The sum is over bytes, so hashing works; running the file is what refuses it.
        assertThat(CliRun.of(dir, dir, "migrate", "hash").exitCode()).isZero();
        CliRun latin1 = CliRun.of(dir, dir, "migrate", "validate", "--dev-url", DEV);
        assertThat(latin1.exitCode()).isEqualTo(1);
        assertThat(latin1.err()).isEqualTo("plumb: 1_latin1.sql:1:39: not UTF-8 text (byte 0xe9)\n");

        Files.writeString(migrations.resolve("1_latin1.sql"), "CREATE TABLE t (id int);\nSELECT 'a\u0000b';\n");
        assertThat(CliRun.of(dir, dir, "migrate", "hash").exitCode()).isZero();

        CliRun nul = CliRun.of(dir, dir, "migrate", "validate", "--dev-url", DEV);

        assertThat(nul.exitCode()).isEqualTo(1);
        assertThat(nul.err()).isEqualTo("plumb: 1_latin1.sql:2:10: unexpected NUL character (U+0000) in SQL text\n");
    }

    @Test
    void aFailingStatementOfADirectoryNamesItsFileLineAndColumn() throws IOException {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("1_a.sql"), "CREATE TABLE t (id int);\n");
        Files.writeString(migrations.resolve("2_b.sql"), "-- again\n  CREATE TABLE t (id int);\n");
        assertThat(CliRun.of(dir, dir, "migrate", "hash").exitCode()).isZero();

        CliRun run = CliRun.of(dir, dir, "migrate", "validate", "--dev-url", DEV);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("plumb: 2_b.sql:2:3: executing statement \"CREATE TABLE t (id int);\" from version \"2\":"
                        + " table t already exists\n");
    }
}

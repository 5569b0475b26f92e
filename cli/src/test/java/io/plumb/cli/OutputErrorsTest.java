package io.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run whose standard output cannot be written (here {@code /dev/full}, a full disk) fails and says so. */
class OutputErrorsTest {
    private static final Path FULL = Path.of("/dev/full");

    @TempDir
    Path dir;

    @BeforeEach
    void needsDevFull() throws IOException {
        Assumptions.assumeTrue(Files.exists(FULL), "no /dev/full on this system");
        Files.writeString(
                dir.resolve("schema.hcl"),
                "table \"t\" {\n  schema = schema.main\n  column \"id\" {\n"
                        + "    type = int\n  }\n}\nschema \"main\" {\n}\n");
        Files.createDirectories(dir.resolve("migrations"));
    }

    @Test
    void schemaInspectIntoAFullDiskFails() throws IOException {
        assertFailsOnFullDisk("schema", "inspect", "--url", "sqlite://" + dir.resolve("db.sqlite") + "?mode=memory");
    }

    @Test
    void schemaDiffIntoAFullDiskFails() throws IOException {
        assertFailsOnFullDisk(
                "schema",
                "diff",
                "--from",
                "sqlite://from?mode=memory",
                "--to",
                "file://schema.hcl",
                "--dev-url",
                "sqlite://dev?mode=memory");
    }

    @Test
    void migrateStatusIntoAFullDiskFails() throws IOException {
        assertFailsOnFullDisk("migrate", "status", "--url", "sqlite://status?mode=memory");
    }

    @Test
    void helpIntoAFullDiskFails() throws IOException {
        assertFailsOnFullDisk("--help");
    }

    @Test
    void aFailingCommandStillFailsWithItsOwnError() throws IOException {
        Run run = runIntoFullDisk("migrate", "status", "--dir", "file://nowhere", "--url", "sqlite://x?mode=memory");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("plumb: migration directory nowhere was not found\n");
    }

    @Test
    void outputThatFitsIsNotAnError() throws IOException {
        StringWriter err = new StringWriter();
        Path file = dir.resolve("out.txt");
        int code;
        try (FileOutputStream out = new FileOutputStream(file.toFile())) {
            CheckedWriter writer = CheckedWriter.of(out, StandardCharsets.UTF_8);
            code = Plumb.execute(CliEnvironment.of(dir, Map.of(), writer, new PrintWriter(err)), "--version");
        }
        assertThat(code).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(Files.readString(file)).isNotEmpty();
    }

    private void assertFailsOnFullDisk(String... args) throws IOException {
        Run run = runIntoFullDisk(args);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("plumb: cannot write standard output: No space left on device\n");
    }

    private Run runIntoFullDisk(String... args) throws IOException {
        StringWriter err = new StringWriter();
        try (FileOutputStream full = new FileOutputStream(FULL.toFile())) {
            CheckedWriter out = CheckedWriter.of(full, StandardCharsets.UTF_8);
            int code = Plumb.execute(
                    CliEnvironment.of(dir, Map.of("TMPDIR", dir.toString()), out, new PrintWriter(err)), args);
            return new Run(code, err.toString());
        }
    }

    private record Run(int exitCode, String err) {}
}

package io.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateValidateCommandTest {

    private static final String DEV = "sqlite://dev?mode=memory";

    @TempDir
    Path cwd;

    private Path dir;

    @BeforeEach
    void vector() throws IOException {
        dir = cwd.resolve("migrations");
        MigrateHashCommandTest.writeVector(dir);
        Files.writeString(dir.resolve("atlas.sum"), MigrateHashCommandTest.VECTOR_SUM);
    }

    @Test
    void aValidDirectoryPrintsNothing() {
        CliRun run = MigrateRun.at(cwd, "migrate", "validate", "--dev-url", DEV);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void anEditedFileIsBlamedWithTheReferenceBlock() throws IOException {
        Files.writeString(dir.resolve("2_second.sql"), "CREATE TABLE t3 (id int);\n");

        CliRun run = MigrateRun.at(cwd, "migrate", "validate");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .isEqualTo("You have a checksum error in your migration directory.\n\n"
                        + "\tL3: 2_second.sql was edited\n\n"
                        + "Please check your migration files and run 'plumb migrate hash' to re-hash the contents\n\n");
        assertThat(run.err()).isEqualTo("plumb: checksum mismatch\n");
    }

    @Test
    void aMissingSumFileIsReported() throws IOException {
        Files.delete(dir.resolve("atlas.sum"));

        CliRun run = MigrateRun.at(cwd, "migrate", "validate");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .as("without a blamed line, no blank line follows the first, as in the reference")
                .isEqualTo("You have a checksum error in your migration directory.\n"
                        + "Please check your migration files and run 'plumb migrate hash' to re-hash the contents\n\n");
        assertThat(run.err()).isEqualTo("plumb: checksum file not found\n");
    }

    @Test
    void theDevDatabaseCatchesABadStatement() throws IOException {
        Files.writeString(dir.resolve("3_bad.sql"), "CREATE TABLE t1 (id int);\n");
        MigrateRun.at(cwd, "migrate", "hash");

        CliRun run = MigrateRun.at(cwd, "migrate", "validate", "--dev-url", DEV);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo("plumb: 3_bad.sql:1:1: executing statement \"CREATE TABLE t1 (id int);\" from version \"3\":"
                        + " table t1 already exists\n");
    }

    @Test
    void aMalformedFileIsReportedAtItsPosition() throws IOException {
        Files.writeString(dir.resolve("3_bad.sql"), "-- atlas:txtar\n\n-- notes.txt --\nhello\n");
        MigrateRun.at(cwd, "migrate", "hash");

        CliRun run = MigrateRun.at(cwd, "migrate", "validate", "--dev-url", DEV);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("plumb: 3_bad.sql:3:1: unexpected section \"notes.txt\"");
    }

    @Test
    void aDirtyDevDatabaseIsRefused() throws IOException {
        String devFile = "sqlite://dev.db";
        assertThat(MigrateRun.at(cwd, "migrate", "validate", "--dev-url", devFile)
                        .exitCode())
                .isZero();
        Files.writeString(cwd.resolve("schema.sql"), "CREATE TABLE users (id int);\n");
        assertThat(MigrateRun.at(
                                cwd,
                                "schema",
                                "apply",
                                "--url",
                                devFile,
                                "--to",
                                "file://schema.sql",
                                "--dev-url",
                                DEV,
                                "--auto-approve")
                        .exitCode())
                .isZero();

        CliRun run = MigrateRun.at(cwd, "migrate", "validate", "--dev-url", devFile);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("plumb: the dev database sqlite://dev.db is not clean: found table \"users\" in"
                        + " schema \"main\"\n");
    }
}

package io.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateLintCommandTest {

    private static final String DEV = "sqlite://dev?mode=memory";

    @TempDir
    Path cwd;

    private Path dir;

    @BeforeEach
    void directory() throws IOException {
        dir = cwd.resolve("migrations");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("1_init.sql"), "CREATE TABLE users (id int);\n");
        Files.writeString(
                dir.resolve("2_drop.sql"),
                "-- atlas:txtar\n\n-- checks.sql --\nSELECT NOT EXISTS (SELECT * FROM users);\n"
                        + "-- migration.sql --\nDROP TABLE users;\n");
        hash();
    }

    @Test
    void goodChecksPrintNothing() {
        CliRun run = MigrateRun.at(cwd, "migrate", "lint", "--dev-url", DEV);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void problemsArePrintedOnePerLineAndFailTheCommand() throws IOException {
        Files.writeString(
                dir.resolve("3_posts.sql"),
                "-- atlas:txtar\n\n-- checks.sql --\nSELECT count(*) = 0 FROM posts;\nSELECT 1, 2;\n"
                        + "-- migration.sql --\nCREATE TABLE posts (id int);\n");
        hash();

        CliRun run = MigrateRun.at(cwd, "migrate", "lint", "--dev-url", DEV);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .isEqualTo("3_posts.sql:4:1: check \"checks.sql\" fails on the dev database before version 3: no such"
                        + " table: posts\n"
                        + "3_posts.sql:5:1: check \"checks.sql\" returns 2 columns, expected one boolean\n");
        assertThat(run.err()).isEqualTo("plumb: 2 problems found in the pre-migration checks of migrations\n");
    }

    @Test
    void latestLimitsTheFilesWhoseChecksAreValidated() throws IOException {
        Files.writeString(
                dir.resolve("2_drop.sql"),
                "-- atlas:txtar\n\n-- checks.sql --\nSELECT 'text';\n-- migration.sql --\nDROP TABLE users;\n");
        Files.writeString(dir.resolve("3_t.sql"), "CREATE TABLE t (id int);\n");
        hash();

        assertThat(MigrateRun.at(cwd, "migrate", "lint", "--dev-url", DEV, "--latest", "1")
                        .exitCode())
                .isZero();
        CliRun run = MigrateRun.at(cwd, "migrate", "lint", "--dev-url", DEV, "--latest", "2");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .isEqualTo("2_drop.sql:4:1: check \"checks.sql\" returns \"text\", expected one boolean\n");
        assertThat(run.err()).isEqualTo("plumb: 1 problem found in the pre-migration checks of migrations\n");
    }

    @Test
    void theJsonFormatListsTheProblems() throws IOException {
        Files.writeString(
                dir.resolve("2_drop.sql"),
                "-- atlas:txtar\n\n-- checks.sql --\nSELECT 'text';\n-- migration.sql --\nDROP TABLE users;\n");
        hash();

        CliRun run = MigrateRun.at(cwd, "migrate", "lint", "--dev-url", DEV, "--format", "{{ json . }}");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .isEqualTo("{\"Problems\":[{\"File\":\"2_drop.sql\",\"Line\":4,\"Column\":1,"
                        + "\"Text\":\"check \\\"checks.sql\\\" returns \\\"text\\\", expected one boolean\"}]}\n");
        Files.writeString(
                dir.resolve("2_drop.sql"),
                "-- atlas:txtar\n\n-- checks.sql --\nSELECT true;\n-- migration.sql --\nDROP TABLE users;\n");
        hash();
        CliRun clean = MigrateRun.at(cwd, "migrate", "lint", "--dev-url", DEV, "--format", "{{ json . }}");
        assertThat(clean.exitCode()).as(clean.err()).isZero();
        assertThat(clean.out()).isEqualTo("{\"Problems\":[]}\n");
    }

    @Test
    void theChecksumIsVerifiedFirst() throws IOException {
        Files.writeString(dir.resolve("1_init.sql"), "CREATE TABLE users (id int, name text);\n");

        CliRun run = MigrateRun.at(cwd, "migrate", "lint", "--dev-url", DEV);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("You have a checksum error in your migration directory.");
        assertThat(run.err()).isEqualTo("plumb: checksum mismatch\n");
    }

    @Test
    void usageErrorsExitWithTwo() {
        CliRun noDev = MigrateRun.at(cwd, "migrate", "lint");
        assertThat(noDev.exitCode()).isEqualTo(2);
        assertThat(noDev.err()).startsWith("required flag(s) \"dev-url\" not set");

        CliRun gitBase = MigrateRun.at(cwd, "migrate", "lint", "--dev-url", DEV, "--git-base", "main");
        assertThat(gitBase.exitCode()).isEqualTo(2);
        assertThat(gitBase.err()).startsWith("--git-base is not supported yet: use --latest N");

        CliRun negative = MigrateRun.at(cwd, "migrate", "lint", "--dev-url", DEV, "--latest", "-1");
        assertThat(negative.exitCode()).isEqualTo(2);
        assertThat(negative.err()).startsWith("--latest must be 0 or more, found -1");

        CliRun format = MigrateRun.at(cwd, "migrate", "lint", "--dev-url", DEV, "--format", "sql");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).startsWith("unsupported --format \"sql\"");
    }

    @Test
    void theDevUrlMayComeFromTheEnv() throws IOException {
        Files.writeString(cwd.resolve("atlas.hcl"), "env \"local\" {\n  dev = \"" + DEV + "\"\n}\n");

        CliRun run = MigrateRun.at(cwd, "migrate", "lint", "--env", "local");

        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private void hash() {
        assertThat(MigrateRun.at(cwd, "migrate", "hash").exitCode()).isZero();
    }
}

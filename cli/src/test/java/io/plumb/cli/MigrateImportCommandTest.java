package io.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateImportCommandTest {

    @TempDir
    Path cwd;

    @Test
    void importWritesAtlasFilesAndASumThatValidates() throws IOException {
        Path flyway = Files.createDirectories(cwd.resolve("db/migration"));
        Files.writeString(flyway.resolve("V1__users.sql"), "CREATE TABLE users (id int);\n");
        Files.writeString(flyway.resolve("V2__names.sql"), "-- names\nALTER TABLE users ADD name text;");
        Files.writeString(flyway.resolve("U2__names.sql"), "ALTER TABLE users DROP name;\n");

        CliRun run = MigrateRun.at(
                cwd, "migrate", "import", "--from", "file://db/migration?format=flyway", "--to", "file://migrations");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
        assertThat(cwd.resolve("migrations/1_users.sql")).hasContent("CREATE TABLE users (id int);\n");
        assertThat(cwd.resolve("migrations/2_names.sql")).hasContent("-- names\nALTER TABLE users ADD name text;\n");
        assertThat(MigrateRun.at(cwd, "migrate", "validate", "--dev-url", "sqlite://dev?mode=memory")
                        .exitCode())
                .isZero();
    }

    @Test
    void theDirFormatFlagNamesTheSourceFormatAndAnEmptySourceImportsNothing() throws IOException {
        Files.createDirectories(cwd.resolve("goose"));

        CliRun run = MigrateRun.at(
                cwd, "migrate", "import", "--from", "file://goose", "--dir-format", "goose", "--to", "file://out");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEqualTo("nothing to import\n");
        assertThat(cwd.resolve("out/atlas.sum")).doesNotExist();
    }

    @Test
    void anAtlasSourceANonEmptyTargetAndAMalformedFileAreErrors() throws IOException {
        MigrateHashCommandTest.writeVector(cwd.resolve("migrations"));
        Path goose = Files.createDirectories(cwd.resolve("goose"));
        Files.writeString(goose.resolve("1_a.sql"), "-- +goose Up\nCREATE TABLE a (id int);\n");

        CliRun atlas = MigrateRun.at(cwd, "migrate", "import", "--from", "file://migrations", "--to", "file://out");
        assertThat(atlas.exitCode()).isEqualTo(1);
        assertThat(atlas.err()).isEqualTo("plumb: cannot import a migration directory already in \"atlas\" format\n");

        CliRun full = MigrateRun.at(cwd, "migrate", "import", "--from", "file://goose?format=goose");
        assertThat(full.exitCode()).isEqualTo(1);
        assertThat(full.err()).isEqualTo("plumb: target migration directory must be empty\n");

        Files.writeString(goose.resolve("2_b.sql"), "CREATE TABLE b (id int);\n-- +goose Up\n");
        CliRun malformed =
                MigrateRun.at(cwd, "migrate", "import", "--from", "file://goose?format=goose", "--to", "file://out");
        assertThat(malformed.exitCode()).isEqualTo(1);
        assertThat(malformed.err())
                .isEqualTo("plumb: 2_b.sql:1:1: statement before -- +goose Up: only comments may precede it\n");
        assertThat(cwd.resolve("out")).isEmptyDirectory();
    }
}

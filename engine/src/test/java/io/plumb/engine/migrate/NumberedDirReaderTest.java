package io.plumb.engine.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NumberedDirReaderTest {

    @TempDir
    Path root;

    private MigrationDir dir(String format, String... names) throws IOException {
        Path dir = Files.createDirectories(root.resolve(format));
        for (String name : names) {
            Files.writeString(dir.resolve(name), "-- +goose Up\n-- migrate:up\n");
        }
        return MigrationDir.open("file://" + format + "?format=" + format, root);
    }

    @Test
    void golangMigrateRunsUpFilesInNumericOrderWithoutTheirDownFiles() throws IOException {
        MigrationDir dir = dir(
                "golang-migrate", "10_ten.up.sql", "10_ten.down.sql", "9_nine.up.sql", "9_nine.down.sql", "11.up.sql");
        assertThat(dir.files())
                .extracting(f -> f.name() + " " + f.version() + " " + f.description())
                .containsExactly("9_nine.up.sql 9 nine", "10_ten.up.sql 10 ten", "11.up.sql 11 ");
    }

    @Test
    void gooseAndDbmateRunSqlFilesInNumericOrder() throws IOException {
        assertThat(dir("goose", "00002_b.sql", "00001_a.sql").files())
                .extracting(MigrationFile::version)
                .containsExactly("00001", "00002");
        assertThat(dir("dbmate", "20240102000000_b.sql", "20240101000000_a.sql").files())
                .extracting(MigrationFile::description)
                .containsExactly("a", "b");
    }

    @Test
    void badAndDuplicateVersionsAndStrayFilesAreErrorsNamingTheFile() throws IOException {
        assertThatThrownBy(() -> dir("goose", "1_a.sql", "init_b.sql").files())
                .isInstanceOf(MigrationFileException.class)
                .hasMessage("init_b.sql:1:1: invalid goose version \"init\": expected the file name to start with a"
                        + " number followed by _");
        assertThatThrownBy(() -> dir("dbmate", "1_a.sql", "001_b.sql").files())
                .hasMessage("1_a.sql:1:1: duplicate dbmate version 1: 001_b.sql has it too");
        assertThatThrownBy(() -> dir("golang-migrate", "1_a.up.sql", "2_b.sql").files())
                .hasMessage("2_b.sql:1:1: not a golang-migrate migration file: expected VERSION_DESCRIPTION.up.sql"
                        + " or VERSION_DESCRIPTION.down.sql");
    }

    @Test
    void aGooseGoMigrationIsRefusedRatherThanLeftOut() throws IOException {
        MigrationDir dir = dir("goose", "1_a.sql", "2_b.go", "migrations_test.go", "helpers.go", "3_c_test.go");
        assertThatThrownBy(dir::files)
                .isInstanceOf(MigrationFileException.class)
                .hasMessage("2_b.go:1:1: goose Go migration: plumb runs the SQL migrations of a goose directory"
                        + " only, and running them without this one would leave it out");
        // Go files that are no migrations (test files, helpers) are not goose's business either.
        Files.delete(root.resolve("goose").resolve("2_b.go"));
        assertThat(dir.files()).extracting(MigrationFile::name).containsExactly("1_a.sql");
    }

    @Test
    void aLiquibaseDirectoryWithSeveralChangelogsAndNoMasterIsRefused() throws IOException {
        MigrationDir dir = dir("liquibase", "1_a.sql", "a.yaml", "b.xml");
        assertThatThrownBy(dir::files)
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("holds several Liquibase changelogs (a.yaml, b.xml) and none is the master");
    }

    @Test
    void versionsCompareAsNumbersWhenBothAreNumbers() {
        assertThat(NumberedDirReader.compareNumbers("9", "10")).isNegative();
        assertThat(NumberedDirReader.compareNumbers("010", "9")).isPositive();
        assertThat(NumberedDirReader.compareNumbers("a", "b")).isNegative();
    }
}

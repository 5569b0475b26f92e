package io.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateNewCommandTest {

    @TempDir
    Path cwd;

    @Test
    void writesAnEmptyDatedFileIntoANewDirectoryAndHashesIt() {
        CliRun run = MigrateRun.at(cwd, "migrate", "new", "add_users");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(cwd.resolve("migrations/20240613061102_add_users.sql")).isEmptyFile();
        assertThat(MigrateRun.at(cwd, "migrate", "validate").exitCode()).isZero();
        assertThat(cwd.resolve("migrations/atlas.sum")).content().contains("20240613061102_add_users.sql h1:");
    }

    @Test
    void withoutANameTheFileIsTheVersionAlone() {
        CliRun run = MigrateRun.at(cwd, "migrate", "new", "--dir", "file://db/migrations");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(cwd.resolve("db/migrations/20240613061102.sql")).isEmptyFile();
    }

    @Test
    void aSecondFileInTheSameSecondIsDatedAfterTheNewestAndReplacesNothing() throws IOException {
        MigrateRun.at(cwd, "migrate", "new", "first");
        Files.writeString(cwd.resolve("migrations/20240613061102_first.sql"), "CREATE TABLE t (id int);\n");
        MigrateRun.at(cwd, "migrate", "hash");

        CliRun run = MigrateRun.at(cwd, "migrate", "new", "first");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(cwd.resolve("migrations/20240613061102_first.sql")).hasContent("CREATE TABLE t (id int);\n");
        assertThat(MigrateRun.at(cwd, "migrate", "new", "second").exitCode()).isZero();
        assertThat(files())
                .containsExactly(
                        "20240613061102_first.sql",
                        "20240613061103_first.sql",
                        "20240613061104_second.sql",
                        "atlas.sum");
    }

    @Test
    void aBrokenSumIsRefusedAndTheDirectoryLeftAlone() throws IOException {
        Files.createDirectories(cwd.resolve("migrations"));
        Files.writeString(cwd.resolve("migrations/1_init.sql"), "CREATE TABLE t (id int);\n");

        CliRun run = MigrateRun.at(cwd, "migrate", "new", "next");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("You have a checksum error in your migration directory.");
        assertThat(run.err()).isEqualTo("plumb: checksum file not found\n");
        assertThat(files()).containsExactly("1_init.sql");
    }

    @Test
    void aNameWithAPathIsRefused() {
        CliRun run = MigrateRun.at(cwd, "migrate", "new", "../x");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("plumb: invalid migration name \"../x\"");
        assertThat(cwd.resolve("migrations")).doesNotExist();
    }

    @Test
    void editRunsTheEditorOnTheFileThenHashes() throws IOException {
        Path editor = script("editor.sh", "#!/bin/sh\nprintf 'CREATE TABLE t (id int);\\n' >> \"$1\"\n");

        CliRun run = MigrateRun.at(cwd, Map.of("EDITOR", editor.toString()), "migrate", "new", "edited", "--edit");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(cwd.resolve("migrations/20240613061102_edited.sql")).hasContent("CREATE TABLE t (id int);\n");
        assertThat(MigrateRun.at(cwd, "migrate", "validate").exitCode()).isZero();
    }

    @Test
    void theEditorIsAShellCommandTheFileIsAppendedTo() throws IOException {
        CliRun run = MigrateRun.at(
                cwd,
                Map.of("EDITOR", "printf 'CREATE TABLE r (id int);\\n' >"),
                "migrate",
                "new",
                "redirected",
                "--edit");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(cwd.resolve("migrations/20240613061102_redirected.sql")).hasContent("CREATE TABLE r (id int);\n");
        assertThat(MigrateRun.at(cwd, "migrate", "validate").exitCode()).isZero();
    }

    @Test
    void aFailingEditorFailsTheCommandButTheDirectoryStaysHashed() throws IOException {
        Path editor = script("broken.sh", "#!/bin/sh\nprintf 'SELECT 1;\\n' >> \"$1\"\nexit 3\n");

        CliRun run = MigrateRun.at(cwd, Map.of("EDITOR", editor.toString()), "migrate", "new", "--edit");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("plumb: the editor \"" + editor + "\" exited with status 3 on"
                        + " migrations/20240613061102.sql; the file is kept\n");
        assertThat(MigrateRun.at(cwd, "migrate", "validate").exitCode()).isZero();
    }

    @Test
    void aMissingEditorIsNamed() {
        CliRun run = MigrateRun.at(cwd, Map.of("EDITOR", "/no/such/editor"), "migrate", "new", "--edit");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .startsWith("plumb: cannot run the editor \"/no/such/editor\" on" + " migrations/20240613061102.sql: ");
    }

    private Path script(String name, String text) throws IOException {
        Path file = cwd.resolve(name);
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private java.util.List<String> files() throws IOException {
        try (Stream<Path> listing = Files.list(cwd.resolve("migrations"))) {
            return listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}

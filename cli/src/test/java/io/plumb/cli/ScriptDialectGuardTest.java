package io.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scripts run under PostgreSQL must use its database: one that never does (here, one that runs SQLite inside with a
 * literal dev URL) fails, however well its own lines pass.
 */
class ScriptDialectGuardTest {

    @TempDir
    Path dir;

    private Path tmp;

    @BeforeEach
    void makeDirectories() throws IOException {
        tmp = Files.createDirectory(dir.resolve("tmp"));
    }

    @Test
    void aScriptThatNeverUsedItsPostgresDatabaseFails() throws IOException {
        Files.writeString(
                dir.resolve("sqlite-inside.txtar"),
                """
                plumb schema inspect --url sqlite://dev?mode=memory
                ! stderr .
                """);

        CliRun run = CliRun.of(dir, tmp, "script", "run", "--dialect", "postgres", "sqlite-inside.txtar");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .startsWith("FAIL sqlite-inside\n")
                .contains("deferred action failed: script never used its postgres database: pass URL or DEV_URL")
                .endsWith("0 passed, 1 failed\n");
    }

    @Test
    void dialectUrlsAndDatabaseCommandsCountAsUse() throws IOException {
        Files.writeString(dir.resolve("url.txtar"), "plumb schema inspect --url URL\n");
        Files.writeString(dir.resolve("dev.txtar"), "plumb schema inspect --url DEV_URL\n");
        Files.writeString(dir.resolve("query.txtar"), "query 'SELECT 1'\nstdout '\\A1\\n\\z'\n");

        CliRun run =
                CliRun.of(dir, tmp, "script", "run", "--dialect", "postgres", "url.txtar", "dev.txtar", "query.txtar");

        assertThat(run.out()).as(run.err()).endsWith("3 passed, 0 failed\n");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void aScriptSkippedByItsOnlyLineIsNotGuarded() throws IOException {
        Files.writeString(dir.resolve("mysql-only.txtar"), "only mysql8 maria\nplumb schema inspect --url URL\n");

        CliRun run = CliRun.of(dir, tmp, "script", "run", "--dialect", "postgres", "mysql-only.txtar");

        assertThat(run.out()).as(run.err()).startsWith("SKIP mysql-only\n").endsWith("0 passed, 0 failed, 1 skipped\n");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void sqliteScriptsAreNotGuarded() throws IOException {
        Files.writeString(dir.resolve("files-only.txtar"), "exists a.txt\n-- a.txt --\nhello\n");

        CliRun run = CliRun.of(dir, tmp, "script", "run", "files-only.txtar");

        assertThat(run.out()).isEqualTo("PASS files-only\n1 passed, 0 failed\n");
        assertThat(run.exitCode()).isZero();
    }
}

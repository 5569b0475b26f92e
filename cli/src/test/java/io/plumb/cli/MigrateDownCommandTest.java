package io.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate down}'s text and JSON reports, its exit codes and what it reads from {@code atlas.hcl}, on SQLite;
 * the scripts {@code testdata/migrate/down-*.txtar} run it on all three dialects.
 */
class MigrateDownCommandTest {

    private static final String DEV = "sqlite://dev?mode=memory";

    @TempDir
    Path cwd;

    @TempDir
    Path tmp;

    private String url;

    @BeforeEach
    void history() throws IOException {
        Path dir = Files.createDirectories(cwd.resolve("migrations"));
        Files.writeString(dir.resolve("1_users.sql"), "CREATE TABLE users (id integer PRIMARY KEY, name text);\n");
        Files.writeString(dir.resolve("2_posts.sql"), "CREATE TABLE posts (id integer PRIMARY KEY);\n");
        url = "sqlite://" + cwd.resolve("app.db");
        assertThat(run("migrate", "hash").exitCode()).isZero();
        CliRun apply = run("migrate", "apply", "--url", url);
        assertThat(apply.exitCode()).as(apply.err()).isZero();
    }

    private CliRun run(String... args) {
        return CliRun.of(cwd, tmp, args);
    }

    private void exec(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + cwd.resolve("app.db"));
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String masked(String out) {
        return out.replaceAll("\\((?:[0-9.]+(?:ns|µs|ms|s))\\)", "(D)")
                .replaceAll("-- [0-9.]+(?:ns|µs|ms|s)\n", "-- D\n");
    }

    @Test
    void printsApplysLayout() {
        CliRun down = run("migrate", "down", "--url", url, "--dev-url", DEV);
        assertThat(down.exitCode()).as(down.err()).isZero();
        assertThat(masked(down.out()))
                .isEqualTo("Migrating down from version 2 to 1 (1 migrations in total):\n"
                        + "\n"
                        + "  -- checks before reverting version 2\n"
                        + "    -> SELECT NOT EXISTS (SELECT 1 FROM \"posts\");\n"
                        + "  -- ok (D)\n"
                        + "\n"
                        + "  -- reverting version 2\n"
                        + "    -> PRAGMA foreign_keys = off;\n"
                        + "    -> DROP TABLE `posts`;\n"
                        + "    -> PRAGMA foreign_keys = on;\n"
                        + "  -- ok (D)\n"
                        + "\n"
                        + "  -------------------------\n"
                        + "  -- D\n"
                        + "  -- 1 migration\n"
                        + "  -- 1 check\n"
                        + "  -- 3 sql statements\n");
        assertThat(down.err()).isEmpty();
        CliRun status = run("migrate", "status", "--url", url);
        assertThat(status.out()).contains("-- Current Version: 1\n").contains("-- Pending Files:   1\n");
    }

    @Test
    void jsonHasTheReferenceFields() {
        CliRun down = run("migrate", "down", "--url", url, "--dev-url", DEV, "--format", "{{ json . }}");
        assertThat(down.exitCode()).as(down.err()).isZero();
        assertThat(down.out())
                .matches("\\{\"Planned\":\\[\\{\"Name\":\"2_posts.sql\",\"Version\":\"2\",\"Description\":\"posts\"}],"
                        + "\"Reverted\":\\[\\{\"Name\":\"2_posts.sql\",\"Version\":\"2\",\"Description\":\"posts\","
                        + "\"Start\":\"[^\"]+\",\"End\":\"[^\"]+\",\"Skipped\":0,\"Applied\":\\[\"PRAGMA foreign_keys = off\","
                        + "\"DROP TABLE `posts`\",\"PRAGMA foreign_keys = on\"],\"Scope\":\"versions\"}],"
                        + "\"Current\":\"2\",\"Target\":\"1\",\"Total\":1,\"Start\":\"[^\"]+\",\"End\":\"[^\"]+\","
                        + "\"URL\":\"sqlite://[^\"]+app.db\",\"Status\":\"APPLIED\"}\n");
    }

    @Test
    void aFailedCheckIsExitOneWithOneErrorLine() throws SQLException {
        exec("INSERT INTO posts (id) VALUES (1)");
        CliRun down = run("migrate", "down", "--url", url, "--dev-url", DEV);
        assertThat(down.exitCode()).isEqualTo(1);
        assertThat(down.err())
                .isEqualTo("plumb: data-loss check failed before reverting version 2: table \"posts\" is not empty\n");
        assertThat(down.out()).contains("  -- 1 migration with errors\n  -- 0 checks ok, 1 failure\n");
    }

    @Test
    void usageErrorsAreExitTwoAndPasswordsAreNeverPrinted() {
        CliRun noDev = run("migrate", "down", "--url", url);
        assertThat(noDev.exitCode()).isEqualTo(2);
        assertThat(noDev.err()).startsWith("required flag(s) \"dev-url\" not set\n");

        CliRun both = run("migrate", "down", "2", "--to-version", "1", "--url", url, "--dev-url", DEV);
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).startsWith("AMOUNT and --to-version are mutually exclusive\n");

        CliRun unreachable = run(
                "migrate",
                "down",
                "--url",
                "postgres://app:s3cr3t-pw@127.0.0.1:1/app?sslmode=disable",
                "--dev-url",
                DEV);
        assertThat(unreachable.exitCode()).isEqualTo(1);
        assertThat(unreachable.err()).startsWith("plumb: ").contains("xxxxx").doesNotContain("s3cr3t-pw");
        assertThat(unreachable.err().lines()).hasSize(1);
    }

    @Test
    void anEnvGivesUrlDevAndDir() throws IOException {
        Files.writeString(
                cwd.resolve("atlas.hcl"),
                "env \"prod\" {\n  url = \"" + url + "\"\n  dev = \"" + DEV + "\"\n"
                        + "  migration {\n    dir = \"file://migrations\"\n  }\n}\n");
        CliRun down = run("migrate", "down", "--env", "prod", "--to-version", "1");
        assertThat(down.exitCode()).as(down.err()).isZero();
        assertThat(down.out()).startsWith("Migrating down from version 2 to 1 (1 migrations in total):\n");
        CliRun again = run("migrate", "down", "--env", "prod", "--to-version", "1");
        assertThat(again.out()).isEqualTo("No migration files to revert\n");
    }
}

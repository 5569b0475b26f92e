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

/** The exit codes of {@code migrate drift} and {@code schema drift}, and what they read from {@code atlas.hcl}. */
class MigrateDriftCommandTest {

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
        CliRun apply = run("migrate", "apply", "1", "--url", url);
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

    @Test
    void pendingIsExitZeroDriftIsExitThree() throws SQLException {
        CliRun ok = run("migrate", "drift", "--url", url, "--dev-url", DEV);
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out())
                .isEqualTo("Drift Status: OK\n-- Current Version: 1\n-- Expected State: file://migrations (local)\n"
                        + "-- Pending Files: 1 (ignored)\n");

        exec("CREATE INDEX users_name ON users (name)");
        CliRun drift = run("migrate", "drift", "--url", url, "--dev-url", DEV);
        assertThat(drift.exitCode()).as(drift.err()).isEqualTo(DriftText.DRIFT).isEqualTo(3);
        assertThat(drift.out())
                .contains("   index main.users.users_name added\n")
                .contains("-- Fix:\nDROP INDEX `users_name`;\n");
        assertThat(drift.err()).isEmpty();
    }

    @Test
    void usageErrorsAreExitTwoAndErrorsExitOne() {
        CliRun usage = run("migrate", "drift", "--url", url);
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).contains("required flag(s) \"dev-url\" not set");

        CliRun missing = run("migrate", "drift", "--url", url, "--dev-url", DEV, "--dir", "file://nowhere");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("plumb: migration directory nowhere was not found\n");

        CliRun unreachable = run(
                "migrate",
                "drift",
                "--url",
                "postgres://app:s3cr3t-pw@127.0.0.1:1/app?sslmode=disable",
                "--dev-url",
                DEV);
        assertThat(unreachable.exitCode()).isEqualTo(1);
        assertThat(unreachable.err()).contains("xxxxx").doesNotContain("s3cr3t-pw");
        assertThat(unreachable.out()).isEmpty();
    }

    @Test
    void anEnvGivesUrlDevDirAndExclude() throws IOException, SQLException {
        Files.writeString(
                cwd.resolve("atlas.hcl"),
                "env \"prod\" {\n  url = \"" + url + "\"\n  dev = \"" + DEV + "\"\n"
                        + "  exclude = [\"scratch\"]\n  migration {\n    dir = \"file://migrations\"\n  }\n}\n");
        exec("CREATE TABLE scratch (x int)");
        CliRun excluded = run("migrate", "drift", "--env", "prod");
        assertThat(excluded.exitCode()).as(excluded.err()).isZero();
        assertThat(excluded.out()).startsWith("Drift Status: OK\n-- Current Version: 1\n");

        exec("CREATE TABLE other (x int)");
        CliRun drift = run("migrate", "drift", "--env", "prod", "--format", "json");
        assertThat(drift.exitCode()).as(drift.err()).isEqualTo(3);
        assertThat(drift.out())
                .startsWith("{\"status\":\"DRIFTED\",\"current_version\":\"1\",\"latest_version\":\"2\","
                        + "\"pending_files\":[\"2_posts.sql\"],\"expected_source\":\"file://migrations (local)\","
                        + "\"diverged\":[{\"kind\":\"table\",\"name\":\"main.other\",\"change\":\"added\","
                        + "\"detail\":\"\"}],");
    }

    @Test
    void schemaDriftHasTheSameExitCodes() throws IOException, SQLException {
        Files.writeString(cwd.resolve("schema.sql"), "CREATE TABLE users (id integer PRIMARY KEY, name text);\n");
        CliRun ok = run("schema", "drift", "--url", url, "--to", "file://schema.sql", "--dev-url", DEV);
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out()).isEqualTo("Drift Status: OK\n-- Expected State: file://schema.sql\n");

        exec("DROP TABLE users");
        CliRun drift = run("schema", "drift", "--url", url, "--to", "file://schema.sql", "--dev-url", DEV);
        assertThat(drift.exitCode()).isEqualTo(3);
        assertThat(drift.out()).contains("   table main.users dropped\n").contains("-- Fix:\nCREATE TABLE `users`");
    }
}

package io.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentCommandTest {

    @TempDir
    Path root;

    private void writeDir() throws Exception {
        Path dir = root.resolve("migrations");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("20260101000000_users.sql"), "CREATE TABLE users (id INTEGER PRIMARY KEY);\n");
        io.plumb.engine.migrate.MigrationDir.open("file://" + dir, root).rehash();
    }

    @Test
    void onceChecksEveryTargetPrintsASummaryAndExitsByTheWorstStatus() throws Exception {
        writeDir();
        Files.writeString(
                root.resolve("agent.hcl"),
                """
                target "shop" {
                  url = "sqlite://shop.db"
                  dir = "file://migrations"
                }
                """);
        CliRun pending = CliRun.of(root, Map.of(), "agent", "--config", "agent.hcl", "--once");
        assertThat(pending.exitCode()).as(pending.err()).isZero();
        assertThat(pending.out()).contains("pending  shop").contains("1 target(s): 0 synced, 1 pending");
        assertThat(pending.err()).contains("event=check target=\"shop\" status=pending");

        CliRun.of(root, Map.of(), "migrate", "apply", "--url", "sqlite://shop.db", "--dir", "file://migrations");
        CliRun drifted = null;
        try (var db = io.plumb.engine.db.Database.open("sqlite://shop.db", root);
                var s = db.connection().createStatement()) {
            s.execute("CREATE TABLE extra (id INTEGER)");
        }
        drifted = CliRun.of(root, Map.of(), "agent", "--config", "agent.hcl", "--once");
        assertThat(drifted.exitCode()).isEqualTo(1);
        assertThat(drifted.out()).contains("drifted  shop").contains("table main.extra added");
    }

    @Test
    void aLiteralPasswordIsRefusedAtItsPositionWithoutPrintingIt() throws Exception {
        Files.writeString(
                root.resolve("agent.hcl"),
                """
                target "prod" {
                  url = "postgres://app:hunter2@db:5432/shop"
                  dir = "file://migrations"
                }
                """);
        CliRun run = CliRun.of(root, Map.of(), "agent", "--config", "agent.hcl", "--once");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .startsWith("plumb: agent.hcl:2:3: ")
                .contains("literal password")
                .doesNotContain("hunter2")
                .doesNotContain("\tat ");
    }

    @Test
    void notifyTestSendsToTheChannelsAndFailsOnADeadOne() throws Exception {
        Files.writeString(
                root.resolve("agent.hcl"),
                """
                notify "webhook" "dead" {
                  url = "http://127.0.0.1:1/hook"
                }
                """);
        CliRun run = CliRun.of(root, Map.of(), "agent", "notify-test", "--config", "agent.hcl");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("channel dead: failed: ");
        CliRun missing = CliRun.of(root, Map.of(), "agent", "notify-test", "--config", "agent.hcl", "--channel", "x");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("no channel named \"x\"");
    }
}

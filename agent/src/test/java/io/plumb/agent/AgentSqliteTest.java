package io.plumb.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumb.agent.server.ApiServer;
import io.plumb.agent.store.TargetState;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentSqliteTest {

    @TempDir
    Path root;

    private static final String FILE1 = "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);\n";
    private static final String FILE2 = "CREATE INDEX users_email ON users (email);\n";

    @Test
    void statusChangesAreRecordedAndNotifiedOnceAfterTheReceiverWasDownForThreeCycles() throws Exception {
        Path dir = Fixture.migrations(root, FILE1, FILE2);
        try (HookReceiver receiver = new HookReceiver()) {
            receiver.down();
            AgentConfig config = Fixture.config(
                    root,
                    """
                    agent {
                      retry_initial_ms = 1
                    }
                    target "tenant" {
                      url = "sqlite://tenant.db"
                      dir = "file://migrations"
                    }
                    notify "webhook" "ops" {
                      url    = "%s"
                      secret = getenv("HOOK_SECRET")
                    }
                    """
                            .formatted(receiver.url()),
                    Map.of("HOOK_SECRET", "hush"));
            StringWriter log = new StringWriter();
            String url = "sqlite://" + root.resolve("tenant.db");
            try (Agent agent = Fixture.agent(config, log)) {
                Fixture.apply(url, dir, 1);
                assertThat(agent.runOnce()).isTrue();
                assertThat(status(agent)).isEqualTo("pending");
                Fixture.apply(url, dir, 1);
                agent.runOnce();
                assertThat(status(agent)).isEqualTo("synced");
                Fixture.execute(url, root, "CREATE TABLE extra (id INTEGER)");
                agent.runOnce();
                assertThat(status(agent)).isEqualTo("drifted");
                assertThat(receiver.received()).isEmpty();
                assertThat(agent.store().outboxCounts().failing()).isEqualTo(3);

                receiver.up();
                agent.runOnce();
                agent.runOnce();
                List<JsonNode> got = receiver.received();
                assertThat(got)
                        .extracting(n -> n.get("target").get("status").asText())
                        .containsExactly("pending", "synced", "drifted");
                assertThat(got).extracting(n -> n.get("id").asText()).doesNotHaveDuplicates();
                assertThat(got.get(1).get("target").get("previous_status").asText())
                        .isEqualTo("pending");
                assertThat(agent.store().outboxCounts().delivered()).isEqualTo(3);
                assertThat(agent.store().outboxCounts().pending()
                                + agent.store().outboxCounts().failing())
                        .isZero();

                TargetState state = agent.store().target("tenant").orElseThrow();
                assertThat(state.checks()).isEqualTo(5);
                assertThat(state.currentVersion()).contains("20260102000000");
                assertThat(state.reportJson()).contains("\"kind\":\"table\"").contains("main.extra");
                // The schema changed twice after the first sight: a changelog entry each, newest first.
                assertThat(agent.store().changelog("tenant", 10))
                        .hasSize(3)
                        .first()
                        .satisfies(e -> assertThat(e.diff()).contains("+table \"extra\""));
            }
            assertThat(log.toString())
                    .contains("event=check target=\"tenant\" status=drifted")
                    .contains("event=notify_failed")
                    .doesNotContain("hush");
        }
    }

    @Test
    void aDriftedTargetsPageShowsItsDiffAndSqlAfterTheAgentRestarts() throws Exception {
        Path dir = Fixture.migrations(root, FILE1, FILE2);
        AgentConfig config = Fixture.config(
                root,
                """
                target "tenant" {
                  url = "sqlite://tenant.db"
                  dir = "file://migrations"
                }
                """,
                Map.of());
        String url = "sqlite://" + root.resolve("tenant.db");
        Fixture.apply(url, dir, 2);
        Fixture.execute(url, root, "DROP INDEX users_email");
        try (Agent agent = Fixture.agent(config, new StringWriter())) {
            agent.runOnce();
            assertThat(status(agent)).isEqualTo("drifted");
        }
        // A new process on the same store: no check has run in it yet.
        try (Agent restarted = Fixture.agent(config, new StringWriter());
                ApiServer server = ApiServer.start(restarted, "127.0.0.1:0", Optional.empty())) {
            assertThat(restarted.lastReport("tenant")).isEmpty();
            HttpResponse<String> page = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/targets/tenant"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body())
                    .contains("users_email")
                    .contains("CREATE INDEX")
                    .contains("The diagram is drawn again at the target's next check.");
        }
    }

    @Test
    void unreachableTargetIsAnErrorAndTheLoopGoesOn() throws Exception {
        Fixture.migrations(root, FILE1);
        AgentConfig config = Fixture.config(
                root,
                """
                target "gone" {
                  url = "sqlite://missing/dir/x.db"
                  dir = "file://migrations"
                }
                target "fine" {
                  url = "sqlite://fine.db"
                  dir = "file://migrations"
                }
                """,
                Map.of());
        try (Agent agent = Fixture.agent(config, new StringWriter())) {
            agent.runOnce();
            assertThat(agent.store().target("gone").orElseThrow().status()).contains("error");
            assertThat(agent.store().target("fine").orElseThrow().status()).contains("pending");
        }
    }

    @Test
    void aNotificationTheReceiverRefusesForGoodIsNotRetried() throws Exception {
        Fixture.migrations(root, FILE1);
        try (HookReceiver receiver = new HookReceiver()) {
            receiver.answer(400);
            AgentConfig config = Fixture.config(
                    root,
                    """
                    target "tenant" {
                      url = "sqlite://tenant.db"
                      dir = "file://migrations"
                    }
                    notify "webhook" "ops" {
                      url = "%s"
                    }
                    """
                            .formatted(receiver.url()),
                    Map.of());
            StringWriter log = new StringWriter();
            try (Agent agent = Fixture.agent(config, log)) {
                agent.runOnce();
                agent.runOnce();
                assertThat(receiver.received()).hasSize(1);
                assertThat(agent.store().outboxCounts().failing()).isEqualTo(1);
                assertThat(agent.store().outboxCounts().delivered()).isZero();
            }
            assertThat(log.toString()).contains("event=notify_refused");
        }
    }

    private static String status(Agent agent) {
        return agent.store().target("tenant").orElseThrow().status().orElseThrow();
    }
}

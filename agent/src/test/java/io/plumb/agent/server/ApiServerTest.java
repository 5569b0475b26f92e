package io.plumb.agent.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumb.agent.Agent;
import io.plumb.agent.AgentConfig;
import io.plumb.agent.AgentException;
import io.plumb.agent.ChannelSetup;
import io.plumb.agent.ConfigReader;
import io.plumb.agent.DriftChecker;
import io.plumb.agent.store.JdbcStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiServerTest {

    @TempDir
    Path root;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private Agent agent() throws Exception {
        Path dir = root.resolve("migrations");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("20260101000000_users.sql"), "CREATE TABLE users (id INTEGER PRIMARY KEY);\n");
        io.plumb.engine.migrate.MigrationDir.open("file://" + dir, root).rehash();
        Path file = root.resolve("agent.hcl");
        Files.writeString(
                file,
                """
                agent {
                  poll_ms = 50
                }
                target "shop" {
                  url = "sqlite://shop.db"
                  dir = "file://migrations"
                }
                target "tenants/acme" {
                  url = "sqlite://acme.db"
                  dir = "file://migrations"
                }
                """);
        AgentConfig config = ConfigReader.read(file, Map.<String, String>of()::get);
        return new Agent(
                config,
                JdbcStore.open(config.store(), config.directory()),
                new DriftChecker(config.directory()),
                ChannelSetup.notifiers(config.channels()),
                new PrintWriter(new StringWriter(), true));
    }

    private HttpResponse<String> send(String method, URI uri, Optional<String> token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody());
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void jsonApiMetricsAndPages() throws Exception {
        try (Agent agent = agent();
                ApiServer server = ApiServer.start(agent, "127.0.0.1:0", Optional.empty())) {
            agent.start();
            String base = "http://127.0.0.1:" + server.port();
            JsonNode targets = poll(
                    base + "/api/targets", n -> n.get("counts").get("pending").asInt() == 2);
            assertThat(targets.get("targets"))
                    .extracting(t -> t.get("name").asText())
                    .containsExactly("shop", "tenants/acme");

            JsonNode one = json.readTree(send("GET", URI.create(base + "/api/targets/tenants%2Facme"), Optional.empty())
                    .body());
            assertThat(one.get("status").asText()).isEqualTo("pending");
            assertThat(one.get("report").get("pending_files").get(0).asText()).isEqualTo("20260101000000_users.sql");

            HttpResponse<String> changelog =
                    send("GET", URI.create(base + "/api/targets/shop/changelog"), Optional.empty());
            assertThat(changelog.statusCode()).isEqualTo(200);
            assertThat(json.readTree(changelog.body()).get("entries")).hasSize(1);

            long checks = agent.store().target("shop").orElseThrow().checks();
            HttpResponse<String> run = send("POST", URI.create(base + "/api/targets/shop/check"), Optional.empty());
            assertThat(run.statusCode()).isEqualTo(202);
            poll(base + "/api/targets/shop", n -> n.get("checks").asLong() > checks);
            assertThat(send("POST", URI.create(base + "/api/check"), Optional.empty())
                            .statusCode())
                    .isEqualTo(202);

            assertThat(send("GET", URI.create(base + "/api/targets/nope"), Optional.empty())
                            .statusCode())
                    .isEqualTo(404);
            assertThat(send("POST", URI.create(base + "/api/targets/nope/check"), Optional.empty())
                            .statusCode())
                    .isEqualTo(404);

            String metrics =
                    send("GET", URI.create(base + "/metrics"), Optional.empty()).body();
            assertThat(metrics)
                    .contains("# TYPE plumb_agent_checks_total counter")
                    .contains("plumb_agent_targets{status=\"pending\"} 2")
                    .contains("plumb_agent_outbox{state=\"pending\"} 0")
                    .containsPattern("plumb_agent_check_duration_seconds_count [1-9]");
            assertThat(send("GET", URI.create(base + "/"), Optional.empty()).body())
                    .contains("tenants/acme");
            assertThat(send("GET", URI.create(base + "/targets/shop"), Optional.empty())
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void tokenIsRequiredOffLoopbackAndChecked() throws Exception {
        try (Agent agent = agent()) {
            assertThatThrownBy(() -> ApiServer.start(agent, "0.0.0.0:0", Optional.empty()))
                    .isInstanceOf(AgentException.class)
                    .hasMessageContaining("not a loopback address")
                    .hasMessageContaining("token");
            try (ApiServer server = ApiServer.start(agent, "0.0.0.0:0", Optional.of("t0ken"))) {
                URI uri = URI.create("http://127.0.0.1:" + server.port() + "/api/targets");
                assertThat(send("GET", uri, Optional.empty()).statusCode()).isEqualTo(401);
                assertThat(send("GET", uri, Optional.of("wrong")).statusCode()).isEqualTo(401);
                assertThat(send("GET", uri, Optional.of("t0ken")).statusCode()).isEqualTo(200);
                URI metrics = URI.create("http://127.0.0.1:" + server.port() + "/metrics");
                assertThat(send("GET", metrics, Optional.empty()).statusCode()).isEqualTo(401);
            }
        }
    }

    private JsonNode poll(String url, java.util.function.Predicate<JsonNode> done) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = send("GET", URI.create(url), Optional.empty());
            if (response.statusCode() == 200) {
                last = json.readTree(response.body());
                if (done.test(last)) {
                    return last;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no answer of " + url + " satisfied the condition by the deadline; last: " + last);
    }
}

package io.plumb.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.agent.store.TargetState;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent against PostgreSQL and MariaDB targets on the embedded servers, with a PostgreSQL store. */
class AgentServersTest {

    @TempDir
    Path root;

    @Test
    void postgresAndMariadbTargetsWithPasswordsFromTheEnvironment() throws Exception {
        Path dir = Fixture.migrations(
                root,
                "CREATE TABLE users (id integer PRIMARY KEY, email varchar(100) NOT NULL);\n",
                "CREATE INDEX users_email ON users (email);\n");
        String[] pg = Servers.split(Servers.postgres("agent_pg_target"));
        String[] maria = Servers.split(Servers.mariadb("agent_maria_target"));
        String[] store = Servers.split(Servers.postgres("agent_pg_store"));
        Fixture.apply(pg[0].replace("@", ":" + pg[1] + "@"), dir, 2);
        Fixture.apply(maria[0].replace("@", ":" + maria[1] + "@"), dir, 1);
        AgentConfig config = Fixture.config(
                root,
                """
                agent {
                  store    = "%s"
                  store_password = getenv("STORE_PW")
                }
                target "pg" {
                  url      = "%s"
                  password = getenv("PG_PW")
                  dir      = "file://migrations"
                  dev      = "embedded://postgres/17/agent_dev"
                }
                target "maria" {
                  url      = "%s"
                  password = getenv("MARIA_PW")
                  dir      = "file://migrations"
                  dev      = "embedded://mariadb/11.4/agent_dev"
                }
                target "wrong" {
                  url      = "%s"
                  password = getenv("WRONG_PW")
                  dir      = "file://migrations"
                  dev      = "embedded://postgres/17/agent_dev"
                }
                """
                        .formatted(store[0], pg[0], maria[0], pg[0]),
                Map.of("STORE_PW", store[1], "PG_PW", pg[1], "MARIA_PW", maria[1], "WRONG_PW", "not-the-Pa55word"));
        StringWriter log = new StringWriter();
        try (Agent agent = Fixture.agent(config, log)) {
            assertThat(agent.runOnce()).isTrue();
            assertThat(status(agent, "pg")).isEqualTo("synced");
            assertThat(status(agent, "maria")).isEqualTo("pending");
            TargetState wrong = agent.store().target("wrong").orElseThrow();
            assertThat(wrong.status()).contains("error");
            assertThat(wrong.message())
                    .isNotEmpty()
                    .doesNotContain("not-the-Pa55word")
                    .doesNotContain(pg[1]);

            // Drift in an index on PostgreSQL: detected, and the report carries the SQL that undoes it.
            Fixture.execute(pg[0].replace("@", ":" + pg[1] + "@"), root, "DROP INDEX users_email");
            agent.runOnce();
            TargetState drifted = agent.store().target("pg").orElseThrow();
            assertThat(drifted.status()).contains("drifted");
            assertThat(drifted.reportJson()).contains("users_email").contains("CREATE INDEX");
        }
        assertThat(log.toString())
                .contains("target=\"wrong\" status=error")
                .doesNotContain("not-the-Pa55word")
                .doesNotContain(pg[1])
                .doesNotContain(store[1]);
    }

    // The status, followed by the message when it is an error, so that a failure says why.
    private static String status(Agent agent, String name) {
        TargetState state = agent.store().target(name).orElseThrow();
        String status = state.status().orElseThrow();
        return status.equals("error") ? status + ": " + state.message() : status;
    }
}

package io.plumb.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.hcl.HclException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderTest {

    @TempDir
    Path dir;

    private AgentConfig read(String text, Map<String, String> env) throws IOException {
        Path file = dir.resolve("agent.hcl");
        Files.writeString(file, text);
        return ConfigReader.read(file, env::get);
    }

    @Test
    void readsTargetsChannelsAndDefaults() throws IOException {
        AgentConfig config = read(
                """
                target "prod" {
                  url      = "postgres://app@db.internal:5432/shop?sslmode=disable"
                  password = getenv("PROD_PW")
                  dir      = "file://migrations"
                  dev      = "embedded://postgres/17/dev"
                  exclude  = ["audit_*"]
                  schedule = "*/30 * * * *"
                }
                target "local" {
                  url    = "sqlite://local.db"
                  schema = "file://schema.hcl"
                }
                notify "webhook" "ops" {
                  url    = "http://127.0.0.1:9/hook"
                  secret = getenv("HOOK_SECRET")
                }
                notify "smtp" "mail" {
                  host = "localhost"
                  port = 2525
                  from = "agent@example.com"
                  to   = ["dba@example.com"]
                }
                """,
                Map.of("PROD_PW", "s3cr:t@!", "HOOK_SECRET", "hush"));
        assertThat(config.store()).isEqualTo("sqlite://agent.db");
        assertThat(config.concurrency()).isEqualTo(4);
        assertThat(config.targets()).extracting(Target::name).containsExactly("prod", "local");
        Target prod = config.targets().get(0);
        assertThat(io.plumb.engine.db.DatabaseUrl.parse(prod.url()).loginPassword())
                .contains("s3cr:t@!");
        assertThat(prod.display()).doesNotContain("s3cr").contains("xxxxx");
        assertThat(prod.toString()).doesNotContain("s3cr");
        assertThat(prod.dir()).contains("file://" + dir.resolve("migrations"));
        assertThat(prod.schedule().toString()).isEqualTo("*/30 * * * *");
        assertThat(config.targets().get(1).schema()).containsExactly("file://" + dir.resolve("schema.hcl"));
        assertThat(config.targets().get(1).schedule().toString()).isEqualTo(Cron.TWICE_DAILY);
        assertThat(config.channels()).extracting(ChannelConfig::name).containsExactly("ops", "mail");
        assertThat(config.mask("the secret is hush")).isEqualTo("the secret is xxxxx");
    }

    @Test
    void literalPasswordInUrlIsRefusedAtItsPosition() {
        assertThatThrownBy(() -> read(
                        """
                        target "prod" {
                          dir = "file://migrations"
                          url = "postgres://app:hunter2@db:5432/shop"
                        }
                        """,
                        Map.of()))
                .isInstanceOf(HclException.class)
                .hasMessageStartingWith("agent.hcl:3:3: ")
                .hasMessageContaining("holds a literal password")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void literalPasswordAttributeIsRefused() {
        assertThatThrownBy(() -> read(
                        """
                        target "prod" {
                          url      = "postgres://app@db:5432/shop"
                          dir      = "file://migrations"
                          password = "hunter2"
                        }
                        """,
                        Map.of()))
                .isInstanceOf(HclException.class)
                .hasMessageStartingWith("agent.hcl:4:3: ")
                .hasMessageContaining("literal secret")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void unsetVariableIsRefused() {
        assertThatThrownBy(() -> read(
                        """
                        target "prod" {
                          url      = "postgres://app@db:5432/shop"
                          dir      = "file://migrations"
                          password = getenv("NOPE")
                        }
                        """,
                        Map.of()))
                .hasMessageStartingWith("agent.hcl:4:")
                .hasMessageContaining("environment variable \"NOPE\" is not set");
    }

    @Test
    void passwordFromFileIsTrimmed() throws IOException {
        Files.writeString(dir.resolve("pw.txt"), "from-a-file\n");
        AgentConfig config = read(
                """
                target "t" {
                  url      = "postgres://app@db:5432/shop"
                  dir      = "file://migrations"
                  password = file("pw.txt")
                }
                """,
                Map.of());
        assertThat(io.plumb.engine.db.DatabaseUrl.parse(config.targets().get(0).url())
                        .loginPassword())
                .contains("from-a-file");
    }

    @Test
    void malformedInputsNameTheirPosition() {
        assertThatThrownBy(() -> read("target \"t\" {\n  url = \"sqlite://a.db\"\n}\n", Map.of()))
                .hasMessageStartingWith("agent.hcl:1:1: ")
                .hasMessageContaining("exactly one of \"dir\"");
        assertThatThrownBy(() -> read(
                        "target \"t\" {\n  url = \"sqlite://a.db\"\n  dir = \"file://m\"\n  schedule = \"0 25 * * *\"\n}\n",
                        Map.of()))
                .hasMessageStartingWith("agent.hcl:4:")
                .hasMessageContaining("hour 25 out of range");
        assertThatThrownBy(() -> read("agent {\n  concurrency = 0\n}\n", Map.of()))
                .hasMessageStartingWith("agent.hcl:2:")
                .hasMessageContaining("expected at least 1");
        assertThatThrownBy(() -> read("notify \"pager\" \"p\" {\n}\n", Map.of()))
                .hasMessageStartingWith("agent.hcl:1:1: ")
                .hasMessageContaining("unknown kind");
        assertThatThrownBy(() -> read("targets \"t\" {\n}\n", Map.of()))
                .hasMessageStartingWith("agent.hcl:1:1: ")
                .hasMessageContaining("unknown block \"targets\"");
        assertThatThrownBy(() -> read("target \"t\" {\n  url = \"sqlite://a.db\"\n  dir = \"file://m\"\n", Map.of()))
                .isInstanceOf(HclException.class)
                .hasMessageStartingWith("agent.hcl:");
    }

    @Test
    void projectEnvWithForEachGivesOneTargetPerTenant() throws IOException {
        Files.writeString(
                dir.resolve("atlas.hcl"),
                """
                locals {
                  tenants = ["acme", "globex", "initech"]
                }
                env "tenants" {
                  for_each = toset(local.tenants)
                  url      = "sqlite://${each.value}.db"
                  dev      = "sqlite://dev?mode=memory"
                  migration {
                    dir = "file://migrations"
                  }
                }
                """);
        AgentConfig config = read(
                """
                project "saas" {
                  file = "atlas.hcl"
                  env  = "tenants"
                }
                """,
                Map.of());
        assertThat(config.targets())
                .extracting(Target::name)
                .containsExactly("saas/acme", "saas/globex", "saas/initech");
        assertThat(config.targets().get(0).dir()).contains("file://" + dir.resolve("migrations"));
        assertThat(config.targets().get(0).dev()).contains("sqlite://dev?mode=memory");
    }

    @Test
    void aConfigThatIsNotUtf8IsAnErrorAtItsPosition() throws IOException {
        Path file = dir.resolve("agent.hcl");
        Files.write(file, new byte[] {'#', ' ', 'o', 'k', '\n', '#', ' ', (byte) 0xe9, '\n'});

        assertThatThrownBy(() -> ConfigReader.read(file, Map.<String, String>of()::get))
                .isInstanceOf(HclException.class)
                .hasMessage("agent.hcl:2:3: not UTF-8 text (byte 0xe9)");
    }

    @Test
    void aMissingConfigOrADirectoryIsSaidPlainly() throws IOException {
        Path missing = dir.resolve("missing.hcl");
        assertThatThrownBy(() -> ConfigReader.read(missing, Map.<String, String>of()::get))
                .isInstanceOf(AgentException.class)
                .hasMessage("reading agent config " + missing + ": no such file");
        Path directory = Files.createDirectories(dir.resolve("conf.hcl"));
        assertThatThrownBy(() -> ConfigReader.read(directory, Map.<String, String>of()::get))
                .isInstanceOf(AgentException.class)
                .hasMessage("reading agent config " + directory + ": is a directory");
    }
}

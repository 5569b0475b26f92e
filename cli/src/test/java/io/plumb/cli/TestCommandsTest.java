package io.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.migrate.MigrationDir;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plumb schema test} and {@code plumb migrate test}: whole outputs (durations aside), reports, exit codes. */
class TestCommandsTest {

    private static final String DEV = "sqlite://dev?mode=memory";

    @TempDir
    Path dir;

    @BeforeEach
    void project() throws Exception {
        Files.writeString(
                dir.resolve("schema.sql"),
                "CREATE TABLE users (id integer NOT NULL PRIMARY KEY, name text NOT NULL CHECK (name <> ''));\n");
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("1_users.sql"), "CREATE TABLE users (id integer, name text);\n");
        Files.writeString(migrations.resolve("2_emails.sql"), "ALTER TABLE users ADD COLUMN email text;\n");
        Files.writeString(
                migrations.resolve("3_backfill.sql"), "UPDATE users SET email = lower(name) || '@example.com';\n");
        MigrationDir.open("file://migrations", dir).rehash();
    }

    private CliRun plumb(String... args) {
        return MigrateRun.at(dir, args);
    }

    private static String withoutDurations(String output) {
        return output.replaceAll("\\((\\d+h)?(\\d+m)?[0-9.]+(ns|µs|ms|s)\\)", "(D)");
    }

    @Test
    void schemaTestPrintsEachCaseItsLogsAndPass() throws Exception {
        Files.writeString(
                dir.resolve("s.test.hcl"),
                """
                test "schema" "names" {
                  for_each = ["ada", "grace"]
                  log { message = "inserting ${each.value}" }
                  exec { sql = "INSERT INTO users (id, name) VALUES (1, '${each.value}')" }
                  exec {
                    sql    = "SELECT upper(name) FROM users"
                    output = upper(each.value)
                  }
                }
                test "schema" "skipped" {
                  skip = true
                  exec { sql = "SELECT nonsense" }
                }
                """);

        CliRun run = plumb("schema", "test", "--url", "file://schema.sql", "--dev-url", DEV, ".");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(withoutDurations(run.out()))
                .isEqualTo(
                        """
                        -- PASS: names/1 (D)
                            s.test.hcl:3: inserting ada
                        -- PASS: names/2 (D)
                            s.test.hcl:3: inserting grace
                        -- SKIP: skipped (D)
                        PASS
                        """);
    }

    @Test
    void aFailingCommandShowsItsLineAndTheExpectedAndActualValues() throws Exception {
        Files.writeString(
                dir.resolve("s.test.hcl"),
                """
                test "schema" "empty_names" {
                  catch {
                    sql   = "INSERT INTO users (id, name) VALUES (1, '')"
                    error = "CHECK constraint failed"
                  }
                  exec {
                    sql    = "SELECT count(*) FROM users"
                    output = "1"
                  }
                }
                test "schema" "assertion" {
                  assert {
                    sql           = "SELECT count(*) = 1 FROM users"
                    error_message = "expected one user"
                  }
                }
                """);

        CliRun run =
                plumb("schema", "test", "--url", "file://schema.sql", "--dev-url", DEV, "--junit-report", "r.xml", ".");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(withoutDurations(run.out()))
                .isEqualTo(
                        """
                        -- FAIL: empty_names (D)
                            s.test.hcl:6:
                              Error: no match for `1` found in "0"
                        -- FAIL: assertion (D)
                            s.test.hcl:12:
                              Error: expected one user
                        FAIL
                        """);
        String xml = Files.readString(dir.resolve("r.xml"));
        assertThat(xml)
                .contains("tests=\"2\" failures=\"2\"")
                .contains("<failure message=\"s.test.hcl:6: no match for `1` found in &quot;0&quot;\"")
                .contains("<failure message=\"s.test.hcl:12: expected one user\"");
    }

    @Test
    void updateModeRewritesTheMismatchedOutputAndTheNextRunPasses() throws Exception {
        Path file = dir.resolve("s.test.hcl");
        Files.writeString(
                file,
                """
                test "schema" "rows" {
                  exec { sql = "INSERT INTO users (id, name) VALUES (1, 'a'), (2, 'b')" }
                  exec {
                    # the comment stays
                    sql    = "SELECT id, name FROM users ORDER BY id"
                    output = "1, a"
                  }
                }
                """);

        CliRun update = plumb("schema", "test", "--url", "file://schema.sql", "--dev-url", DEV, "-u", ".");
        CliRun again = plumb("schema", "test", "--url", "file://schema.sql", "--dev-url", DEV, ".");

        assertThat(update.exitCode()).as(update.out()).isZero();
        assertThat(update.err()).isEqualTo("plumb: updated 1 output in s.test.hcl\n");
        assertThat(Files.readString(file))
                .isEqualTo(
                        """
                        test "schema" "rows" {
                          exec { sql = "INSERT INTO users (id, name) VALUES (1, 'a'), (2, 'b')" }
                          exec {
                            # the comment stays
                            sql    = "SELECT id, name FROM users ORDER BY id"
                            output = <<-EOT
                              1, a
                              2, b
                            EOT
                          }
                        }
                        """);
        assertThat(again.exitCode()).as(again.out()).isZero();
    }

    @Test
    void runSelectsTestsAndForEachCasesAsGoTestDoes() throws Exception {
        Files.writeString(
                dir.resolve("s.test.hcl"),
                """
                test "schema" "alpha" {
                  for_each = [1, 2, 3]
                  assert { sql = "SELECT ${each.value} > 0" }
                }
                test "schema" "beta" {
                  assert { sql = "SELECT 1" }
                }
                """);

        CliRun selected =
                plumb("schema", "test", "--url", "file://schema.sql", "--dev-url", DEV, "--run", "alpha/2", ".");
        CliRun none = plumb("schema", "test", "--url", "file://schema.sql", "--dev-url", DEV, "--run", "gamma", ".");

        assertThat(withoutDurations(selected.out())).isEqualTo("-- PASS: alpha/2 (D)\nPASS\n");
        assertThat(none.out()).isEqualTo("PASS\n");
        assertThat(none.err()).isEqualTo("plumb: no schema tests to run\n");
    }

    @Test
    void migrateTestStartsFromSnapshotsAndSaysSoWhenVerbose() throws Exception {
        Files.writeString(
                dir.resolve("m.test.hcl"),
                """
                test "migrate" "backfill" {
                  migrate { to = "2" }
                  exec { sql = "INSERT INTO users (id, name) VALUES (1, 'Ada')" }
                  migrate { to = "3" }
                  exec {
                    sql    = "SELECT email FROM users"
                    output = "ada@example.com"
                  }
                }
                test "migrate" "emails_start_empty" {
                  migrate { to = "2" }
                  assert { sql = "SELECT count(*) = 0 FROM users" }
                }
                test "migrate" "unknown" {
                  migrate { to = "9" }
                }
                """);

        CliRun run = plumb("migrate", "test", "--dev-url", DEV, "--verbose", ".");

        assertThat(run.exitCode()).isEqualTo(1);
        // backfill builds version 2, the only target (1 created); emails_start_empty restores 2 (1 reused).
        assertThat(withoutDurations(run.out()))
                .isEqualTo(
                        """
                        -- PASS: backfill (D)
                        -- PASS: emails_start_empty (D)
                        -- FAIL: unknown (D)
                            m.test.hcl:15:
                              Error: migration version "9" not found in migrations
                        snapshots: 1 created, 1 reused
                        FAIL
                        """);
    }

    @Test
    void migrateTestReportsBrokenPreMigrationChecksBeforeTheCases() throws Exception {
        Files.writeString(
                dir.resolve("migrations/4_checked.sql"),
                """
                -- atlas:txtar

                -- checks.sql --
                SELECT email FROM nowhere;

                -- migration.sql --
                DELETE FROM users WHERE email IS NULL;
                """);
        MigrationDir.open("file://migrations", dir).rehash();
        Files.writeString(dir.resolve("m.test.hcl"), "test \"migrate\" \"one\" {\n  migrate { to = \"1\" }\n}\n");

        CliRun run = plumb("migrate", "test", "--dev-url", DEV, "--junit-report", "r.xml", ".");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(withoutDurations(run.out()))
                .isEqualTo(
                        """
                        -- FAIL: pre-migration checks (D)
                            migrations/4_checked.sql:4:1: check "checks.sql" fails on the dev database before version\
                         4: no such table: nowhere
                        -- PASS: one (D)
                        FAIL
                        """);
        assertThat(Files.readString(dir.resolve("r.xml"))).contains("<testcase name=\"pre-migration checks\"");
    }

    @Test
    void aMalformedTestFileStopsTheRunBeforeAnyCaseWithItsPosition() throws Exception {
        Files.writeString(dir.resolve("a.test.hcl"), "test \"schema\" \"ok\" {\n  assert { sql = \"SELECT 1\" }\n}\n");
        Files.writeString(dir.resolve("b.test.hcl"), "test \"schema\" \"bad\" {\n  exec { sql = }\n}\n");

        CliRun run = plumb("schema", "test", "--url", "file://schema.sql", "--dev-url", DEV, ".");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("plumb: b.test.hcl:2:16: ");
    }

    @Test
    void aTestFileThatIsNotUtf8IsAnErrorAtTheBadByte() throws Exception {
        byte[] head = "test \"schema\" \"ok\" {\n  assert { sql = \"SELECT '".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 1);
        bytes[head.length] = (byte) 0xff;
        Files.write(dir.resolve("a.test.hcl"), bytes);

        CliRun run = plumb("schema", "test", "--url", "file://schema.sql", "--dev-url", DEV, "a.test.hcl");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("plumb: a.test.hcl:2:27: not UTF-8 text (byte 0xff)\n");
    }

    @Test
    void aReportThatCannotBeWrittenSaysWhyInWords() throws Exception {
        Files.writeString(dir.resolve("a.test.hcl"), "test \"schema\" \"ok\" {\n  assert { sql = \"SELECT 1\" }\n}\n");
        Files.createDirectories(dir.resolve("r.xml/inside"));

        CliRun run =
                plumb("schema", "test", "--url", "file://schema.sql", "--dev-url", DEV, "--junit-report", "r.xml", ".");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .endsWith("r.xml: is a directory\n")
                .contains("plumb: cannot write the JUnit report ")
                .doesNotContain("Exception");
    }

    @Test
    void usageErrorsExitWithTwo() throws Exception {
        Files.writeString(dir.resolve("a.test.hcl"), "test \"schema\" \"ok\" {\n  assert { sql = \"SELECT 1\" }\n}\n");

        CliRun noDev = plumb("schema", "test", "--url", "file://schema.sql", ".");
        CliRun noFiles = plumb("schema", "test", "--url", "file://schema.sql", "--dev-url", DEV);
        CliRun noSchema = plumb("schema", "test", "--dev-url", DEV, ".");
        CliRun badRun = plumb("schema", "test", "--url", "file://schema.sql", "--dev-url", DEV, "--run", "a/b(", ".");
        CliRun atlasStyleUrl = plumb("schema", "test", "--dev-url", DEV, "-u", "file://schema.sql");

        assertThat(noDev.exitCode()).isEqualTo(2);
        assertThat(noDev.err()).contains("--dev-url is required");
        assertThat(noFiles.exitCode()).isEqualTo(2);
        assertThat(noFiles.err()).contains("no test files given");
        assertThat(noSchema.exitCode()).isEqualTo(2);
        assertThat(noSchema.err()).contains("--url is required");
        assertThat(badRun.exitCode()).isEqualTo(2);
        assertThat(badRun.err())
                .startsWith("--run: invalid regular expression \"b(\": unclosed group at position 2")
                .doesNotContain("Exception");
        assertThat(atlasStyleUrl.exitCode()).as(atlasStyleUrl.err()).isEqualTo(2);
        assertThat(atlasStyleUrl.err()).contains("-u is update mode in plumb");
    }

    @Test
    void theEnvNamesTheFilesTheDevDatabaseAndTheSchema() throws Exception {
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(
                dir.resolve("tests/s.test.hcl"),
                """
                variable "who" {
                  type = string
                }
                test "schema" "vars" {
                  exec {
                    sql    = "SELECT '${var.who}'"
                    output = "from the env"
                  }
                }
                """);
        Files.writeString(
                dir.resolve("atlas.hcl"),
                """
                env "local" {
                  src = "file://schema.sql"
                  dev = "sqlite://dev?mode=memory"
                  test {
                    schema {
                      src  = ["tests"]
                      vars = { who = "from the env" }
                    }
                  }
                }
                """);

        CliRun run = plumb("schema", "test", "--env", "local");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(withoutDurations(run.out())).isEqualTo("-- PASS: vars (D)\nPASS\n");
    }
}

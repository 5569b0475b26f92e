package io.plumb.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.devdb.TestServers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs schema tests of PostgreSQL functions, triggers and views through the {@link TestRunner}, as the JUnit engine
 * and {@code plumb schema test} do: the reference tool's announcement example ({@code positive_func}) first.
 */
class PostgresObjectSchemaTestsTest {

    @TempDir
    Path dir;

    private List<CaseResult> run(String schema, String tests) {
        RunnerFixture.writeFile(dir.resolve("schema.sql"), schema);
        TestSetup setup =
                TestSetup.of(TestServers.postgresUrl(), dir).withDesiredSchema(List.of("file://schema.sql"), Map.of());
        TestFile file = RunnerFixture.write(dir, "schema.test.hcl", tests);
        return RunnerFixture.runAll(setup, file);
    }

    @Test
    void announcementsPositiveFuncPasses() {
        List<CaseResult> results = run(
                "CREATE FUNCTION positive(v integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT v > 0 $$;\n",
                """
                test "schema" "positive_func" {
                  assert {
                    sql = "SELECT positive(1)"
                  }
                  exec {
                    sql = "SELECT NOT positive(0); SELECT NOT positive(-1);"
                  }
                }
                test "schema" "positive_zero_is_not" {
                  assert {
                    sql = "SELECT positive(0)"
                  }
                }
                """);
        assertThat(results).extracting(CaseResult::status).containsExactly(CaseStatus.PASS, CaseStatus.FAIL);
    }

    @Test
    void checkCallingAFunctionTriggerAndViewAreThere() {
        List<CaseResult> results = run(
                """
                CREATE FUNCTION positive(v integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT v > 0 $$;
                CREATE TABLE accounts (id integer PRIMARY KEY, balance integer CHECK (positive(balance)),
                  touched boolean NOT NULL DEFAULT false);
                CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.touched := true; RETURN NEW; END $$;
                CREATE TRIGGER accounts_touch BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION touch();
                CREATE VIEW rich AS SELECT id FROM accounts WHERE balance > 100;
                """,
                """
                test "schema" "objects" {
                  catch {
                    sql = "INSERT INTO accounts (id, balance) VALUES (1, -1)"
                  }
                  exec {
                    sql = "INSERT INTO accounts (id, balance) VALUES (1, 5), (2, 500); UPDATE accounts SET balance = 6 WHERE id = 1;"
                  }
                  assert {
                    sql = "SELECT touched FROM accounts WHERE id = 1"
                  }
                  exec {
                    sql    = "SELECT id FROM rich"
                    output = "2"
                  }
                }
                """);
        assertThat(results).extracting(CaseResult::failure).containsOnly(Optional.empty());
        assertThat(results).extracting(CaseResult::status).containsExactly(CaseStatus.PASS);
    }
}

package io.plumb.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationTargetsTest {

    @TempDir
    Path dir;

    @Test
    void targetsAreTheVersionsACaseMigratesToBeforeItChangesItsDatabase() {
        TestFile file = RunnerFixture.write(
                dir,
                "t.test.hcl",
                """
                test "migrate" "seeded" {
                  migrate { to = "2" }
                  exec { sql = "INSERT INTO t1 VALUES (1)" }
                  migrate { to = "3" }
                }
                test "migrate" "logged" {
                  log { message = "a log keeps the database as it was" }
                  cleanup { sql = "DELETE FROM t1" }
                  migrate { to = "4" }
                  migrate { to = "5" }
                  assert { sql = "SELECT 1" }
                  migrate { to = "6" }
                }
                test "migrate" "each" {
                  for_each = ["7", "8"]
                  migrate { to = each.value }
                }
                test "migrate" "skipped" {
                  skip = true
                  migrate { to = "9" }
                }
                test "migrate" "broken" {
                  migrate { to = var.nowhere }
                }
                test "migrate" "program" {
                  external { program = ["true"] }
                  migrate { to = "10" }
                }
                test "schema" "schema" {
                  exec { sql = "SELECT 1" }
                }
                """);
        assertThat(MigrationTargets.of(file, RunnerFixture.DEV)).containsExactly("2", "4", "5", "7", "8");
    }
}

package io.plumb.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.devdb.TestServers;
import io.plumb.engine.migrate.ApplyListener;
import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.migrate.MigrationFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs {@code test "migrate"} cases on MariaDB and PostgreSQL dev URLs, with the snapshots SQLite's runs take. */
class ServerMigrationTestsTest {

    @TempDir
    Path dir;

    final Map<String, Integer> applied = new ConcurrentHashMap<>();

    final ApplyListener counting = new ApplyListener() {
        @Override
        public void fileStarting(MigrationFile file) {
            applied.merge(file.version(), 1, Integer::sum);
        }
    };

    // Named, so that test names say the dialect and never show a server's password. On PostgreSQL a snapshot needs
    // the database idle, so the runner migrates a file per run there.
    static Stream<Named<String>> devUrls() {
        return Stream.of(
                Named.of("sqlite", "sqlite://dev?mode=memory"),
                Named.of("mariadb", TestServers.mariadbUrl()),
                Named.of("postgres", TestServers.postgresUrl()));
    }

    private static String migrateTo(int... versions) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < versions.length; i++) {
            int v = versions[i];
            text.append(
                    """
                    test "migrate" "case%d" {
                      migrate { to = "%d" }
                      exec {
                        sql    = "SELECT count(*) FROM t%d"
                        output = "1"
                      }
                      exec { sql = "INSERT INTO t1 VALUES (100)" }
                      assert { sql = "SELECT count(*) = 2 FROM t1" }
                    }
                    """
                            .formatted(i + 1, v, v));
        }
        return text.toString();
    }

    @ParameterizedTest
    @MethodSource("devUrls")
    void migrateCasesRunWithSnapshotsAsOnSqlite(String devUrl) {
        MigrationDir migrations = MigrationDir.openOrCreate("file://migrations", dir);
        for (int v = 1; v <= 5; v++) {
            migrations.add(
                    v + "_t" + v + ".sql",
                    "CREATE TABLE t" + v + " (x INT);\nINSERT INTO t" + v + " VALUES (" + v + ");\n");
        }
        TestSetup setup = TestSetup.of(devUrl, dir).withMigrationDir("file://migrations", Optional.empty());
        TestFile file = RunnerFixture.write(dir, "m.test.hcl", migrateTo(2, 4, 4, 5, 3));
        List<CaseResult> results;
        SnapshotStats stats;
        try (TestRunner runner = new TestRunner(setup, counting)) {
            results = RunnerFixture.runAll(runner, file);
            stats = runner.snapshotStats();
        }
        assertThat(results).extracting(CaseResult::failure).containsOnly(Optional.empty());
        assertThat(results).extracting(CaseResult::status).containsOnly(CaseStatus.PASS);
        // The same counts as MigrationSnapshotsTest's on SQLite: each version is applied once, each target (not 1)
        // is kept once, every case restores.
        assertThat(stats).isEqualTo(new SnapshotStats(4, 4));
        assertThat(new TreeMap<>(applied)).isEqualTo(Map.of("1", 1, "2", 1, "3", 1, "4", 1, "5", 1));
    }
}

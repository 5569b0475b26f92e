package io.plumb.engine.testing;

import static io.plumb.engine.testing.RunnerFixture.DEV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.cache.SnapshotCache;
import io.plumb.engine.devdb.TestDialect;
import io.plumb.engine.hcl.Pos;
import io.plumb.engine.migrate.ApplyListener;
import io.plumb.engine.migrate.MigrateException;
import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.migrate.MigrationFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MigrationSnapshotsTest {

    @TempDir
    Path dir;

    TestSetup setup;

    TestDialect dialect = TestDialect.SQLITE;

    /** How often each migration file was started, by version. */
    final Map<String, Integer> applied = new ConcurrentHashMap<>();

    final ApplyListener counting = new ApplyListener() {
        @Override
        public void fileStarting(MigrationFile file) {
            applied.merge(file.version(), 1, Integer::sum);
        }
    };

    @BeforeEach
    void directory() {
        MigrationDir migrations = MigrationDir.openOrCreate("file://migrations", dir);
        for (int v = 1; v <= 5; v++) {
            migrations.add(
                    v + "_t" + v + ".sql",
                    "CREATE TABLE t" + v + " (x INT);\nINSERT INTO t" + v + " VALUES (" + v + ");\n");
        }
        setup = TestSetup.of(DEV, dir).withMigrationDir("file://migrations", Optional.empty());
    }

    // Runs the cases of the test on the dialect's dev server instead.
    private void use(TestDialect on) {
        dialect = on;
        setup = TestSetup.of(on.devUrl(), dir).withMigrationDir("file://migrations", Optional.empty());
    }

    // PostgreSQL keeps the revisions table in a schema of its own.
    private String revisions() {
        return dialect == TestDialect.POSTGRES
                ? "atlas_schema_revisions.atlas_schema_revisions"
                : "atlas_schema_revisions";
    }

    private String countTablesT() {
        return switch (dialect) {
            case SQLITE -> "SELECT count(*) FROM sqlite_master WHERE name LIKE 't%'";
            case POSTGRES -> "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
                    + " AND table_name LIKE 't%'";
            case MARIADB -> "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
                    + " AND table_name LIKE 't%'";
        };
    }

    // Each case checks that its database holds exactly the tables and revisions of versions 1..V.
    private String migrateTo(int... versions) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < versions.length; i++) {
            int v = versions[i];
            text.append(
                    """
                    test "migrate" "case%d" {
                      migrate { to = "%d" }
                      exec {
                        sql    = "SELECT count(*), max(version) FROM %s; %s"
                        output = "%d"
                      }
                      assert { sql = "SELECT count(*) = 1 FROM t%d" }
                    }
                    """
                            .formatted(i + 1, v, revisions(), countTablesT(), v, v));
        }
        return text.toString();
    }

    private List<CaseResult> runWith(TestSetup configured, String text, SnapshotStats[] stats) {
        TestFile file = RunnerFixture.write(dir, "m.test.hcl", text);
        try (TestRunner runner = new TestRunner(configured, counting)) {
            List<CaseResult> results = RunnerFixture.runAll(runner, file);
            stats[0] = runner.snapshotStats();
            return results;
        }
    }

    @Test
    void snapshotsBuildEachTargetOnceAndStartFromTheNearestLowerOne() {
        SnapshotStats[] stats = new SnapshotStats[1];
        List<CaseResult> results = runWith(setup, migrateTo(2, 4, 4, 5, 3), stats);
        assertThat(results).extracting(CaseResult::failure).containsOnly(Optional.empty());
        // 2: built from empty, keeping nothing on the way (no case starts from 1); 4: from 2, keeping 3, which a
        // later case targets; 4: reused; 5: from 4; 3: kept before.
        assertThat(stats[0]).isEqualTo(new SnapshotStats(4, 4));
        // No file runs twice: every target passed while building is kept.
        assertThat(new TreeMap<>(applied)).isEqualTo(Map.of("1", 1, "2", 1, "3", 1, "4", 1, "5", 1));
    }

    private TestSetup cached(List<String> notes) {
        return setup.withCache(
                Optional.of(new SnapshotCache(dir.resolve("cache"), SnapshotCache.DEFAULT_MAX_BYTES, notes::add)));
    }

    @Test
    void aSecondRunWithTheCacheReplaysNothing() {
        List<String> notes = new ArrayList<>();
        SnapshotStats[] first = new SnapshotStats[1];
        assertThat(runWith(cached(notes), migrateTo(2, 4, 4, 5, 3), first))
                .extracting(CaseResult::failure)
                .containsOnly(Optional.empty());
        assertThat(first[0]).isEqualTo(new SnapshotStats(4, 4, 0));
        // The targets only: no case starts from 1.
        assertThat(new SnapshotCache(dir.resolve("cache"), 1L << 30, notes::add)
                        .info()
                        .entries())
                .isEqualTo(4);
        applied.clear();
        SnapshotStats[] second = new SnapshotStats[1];
        List<CaseResult> results = runWith(cached(notes), migrateTo(2, 4, 4, 5, 3), second);
        assertThat(results).extracting(CaseResult::failure).containsOnly(Optional.empty());
        assertThat(applied).isEmpty();
        // 2, 4, 5 and 3 load from the cache; the second 4 reuses the first's.
        assertThat(second[0]).isEqualTo(new SnapshotStats(0, 1, 4));
        assertThat(notes).isEmpty();
    }

    @Test
    void onlyTargetsAreCachedAndANewTargetBuildsOnTheNearestCachedOne() {
        List<String> notes = new ArrayList<>();
        SnapshotStats[] stats = new SnapshotStats[1];
        assertThat(runWith(cached(notes), migrateTo(2, 5), stats))
                .extracting(CaseResult::failure)
                .containsOnly(Optional.empty());
        assertThat(stats[0]).isEqualTo(new SnapshotStats(2, 1, 0));
        SnapshotCache cache = new SnapshotCache(dir.resolve("cache"), 1L << 30, notes::add);
        assertThat(cache.info().entries()).isEqualTo(2);
        applied.clear();
        // Each case checks that its database holds exactly the tables and revisions of its version.
        List<CaseResult> results = runWith(cached(notes), migrateTo(2, 4, 5, 3), stats);
        assertThat(results).extracting(CaseResult::failure).containsOnly(Optional.empty());
        // 2 and 5 load from the cache; 4, cached by no run, builds on 2 and keeps 3 on the way, which the last case
        // starts from.
        assertThat(new TreeMap<>(applied)).isEqualTo(Map.of("3", 1, "4", 1));
        assertThat(stats[0]).isEqualTo(new SnapshotStats(2, 2, 2));
        assertThat(cache.info().entries()).isEqualTo(4);
        assertThat(notes).isEmpty();
    }

    @Test
    void aCaseBuildsOnTheHighestCachedPrefixAndFilesAddedLaterMissTheCache() {
        List<String> notes = new ArrayList<>();
        SnapshotStats[] stats = new SnapshotStats[1];
        runWith(cached(notes), migrateTo(3), stats);
        MigrationDir.open("file://migrations", dir)
                .add("6_t6.sql", "CREATE TABLE t6 (x INT);\nINSERT INTO t6 VALUES (6);\n");
        applied.clear();
        List<CaseResult> results = runWith(cached(notes), migrateTo(6), stats);
        assertThat(results).extracting(CaseResult::failure).containsOnly(Optional.empty());
        // 3 came from the cache; 4, 5 and 6 ran, and 6, the target, is kept for the next run.
        assertThat(new TreeMap<>(applied)).isEqualTo(Map.of("4", 1, "5", 1, "6", 1));
        assertThat(stats[0]).isEqualTo(new SnapshotStats(1, 0, 1));
        applied.clear();
        runWith(cached(notes), migrateTo(6), stats);
        assertThat(applied).isEmpty();
        assertThat(notes).isEmpty();
    }

    @Test
    void aChangedFileMissesTheCacheFromItsVersionOn() throws java.io.IOException {
        List<String> notes = new ArrayList<>();
        SnapshotStats[] stats = new SnapshotStats[1];
        runWith(cached(notes), migrateTo(3, 5), stats);
        java.nio.file.Files.writeString(
                dir.resolve("migrations/4_t4.sql"), "CREATE TABLE t4 (x INT, y INT);\nINSERT INTO t4 VALUES (4, 0);\n");
        MigrationDir.open("file://migrations", dir).rehash();
        applied.clear();
        assertThat(runWith(cached(notes), migrateTo(3, 5), stats))
                .extracting(CaseResult::failure)
                .containsOnly(Optional.empty());
        // 3 is still the same prefix; 5 is not, and builds on 3.
        assertThat(new TreeMap<>(applied)).isEqualTo(Map.of("4", 1, "5", 1));
        assertThat(stats[0]).isEqualTo(new SnapshotStats(1, 1, 1));
    }

    @Test
    void corruptEntriesAreReportedAndRebuilt() throws java.io.IOException {
        List<String> notes = new ArrayList<>();
        SnapshotStats[] stats = new SnapshotStats[1];
        runWith(cached(notes), migrateTo(1, 2, 3), stats);
        List<Path> entries;
        try (var files = java.nio.file.Files.list(dir.resolve("cache"))) {
            entries = files.sorted().toList();
        }
        assertThat(entries).hasSize(3);
        for (Path entry : entries) {
            byte[] bytes = java.nio.file.Files.readAllBytes(entry);
            bytes[bytes.length - 1] ^= 0x40;
            java.nio.file.Files.write(entry, bytes);
        }
        applied.clear();
        assertThat(runWith(cached(notes), migrateTo(1, 2, 3), stats))
                .extracting(CaseResult::failure)
                .containsOnly(Optional.empty());
        assertThat(notes).hasSize(3).allSatisfy(note -> assertThat(note)
                .startsWith("plumb: snapshot cache entry " + dir.resolve("cache"))
                .endsWith(" is corrupt (checksum mismatch); rebuilding it"));
        assertThat(new TreeMap<>(applied)).isEqualTo(Map.of("1", 1, "2", 1, "3", 1));
        assertThat(stats[0]).isEqualTo(new SnapshotStats(3, 2, 0));
        applied.clear();
        runWith(cached(notes), migrateTo(1, 2, 3), stats);
        assertThat(applied).isEmpty();
        assertThat(notes).hasSize(3);
    }

    @Test
    void twoRunsAtOnceOnOneCacheLeaveWholeEntries() throws Exception {
        List<String> notes = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<CaseResult>>> runs = new ArrayList<>();
            for (int run = 0; run < 2; run++) {
                String name = "m" + run + ".test.hcl";
                runs.add(pool.submit(() -> {
                    TestFile file = RunnerFixture.write(dir, name, migrateTo(5, 2, 4));
                    try (TestRunner runner = new TestRunner(cached(notes), counting)) {
                        return RunnerFixture.runAll(runner, file);
                    }
                }));
            }
            for (Future<List<CaseResult>> run : runs) {
                assertThat(run.get()).extracting(CaseResult::failure).containsOnly(Optional.empty());
            }
        } finally {
            pool.shutdown();
        }
        applied.clear();
        SnapshotStats[] stats = new SnapshotStats[1];
        runWith(cached(notes), migrateTo(2, 4, 5), stats);
        assertThat(applied).isEmpty();
        assertThat(stats[0]).isEqualTo(new SnapshotStats(0, 0, 3));
        assertThat(notes).isEmpty();
        try (var files = java.nio.file.Files.list(dir.resolve("cache"))) {
            assertThat(files).hasSize(3).allSatisfy(file -> assertThat(file.toString())
                    .endsWith(".snap"));
        }
    }

    @Test
    void aCaseThatRunsAProgramGetsItsDatabaseAsAFile() {
        // The program opens the case's database by its file, which holds the state (the sqlite3 shell is not needed
        // for the header); the case goes on with the file.
        String text =
                """
                test "migrate" "program" {
                  migrate { to = "2" }
                  exec { sql = "INSERT INTO t2 VALUES (22)" }
                  external {
                    program = ["sh", "-c", "head -c 15 \\"$${1#sqlite://}\\"", "sh", testing.dev_url]
                    output  = "SQLite format 3"
                  }
                  exec {
                    sql    = "SELECT sum(x) FROM t2"
                    output = "24"
                  }
                }
                """;
        CaseResult result = runOne(text);
        assertThat(result.failure()).isEmpty();
    }

    // Replaying every case from empty costs PostgreSQL a database and 16 files for little the others do not cover.
    @ParameterizedTest
    @EnumSource(
            value = TestDialect.class,
            names = {"SQLITE", "MARIADB"})
    void withoutSnapshotsEveryCaseReplaysFromEmptyWithTheSameResults(TestDialect on) {
        use(on);
        SnapshotStats[] with = new SnapshotStats[1];
        List<CaseResult> snapshotted = runWith(setup, migrateTo(2, 4, 4, 5, 3), with);
        applied.clear();
        SnapshotStats[] without = new SnapshotStats[1];
        List<CaseResult> replayed = runWith(setup.withSnapshots(false), migrateTo(2, 4, 4, 5, 3), without);
        assertThat(without[0]).isEqualTo(new SnapshotStats(0, 0));
        assertThat(new TreeMap<>(applied)).isEqualTo(Map.of("1", 5, "2", 5, "3", 4, "4", 3, "5", 1));
        assertThat(replayed)
                .extracting(CaseResult::name, CaseResult::status, CaseResult::failure)
                .isEqualTo(snapshotted.stream()
                        .map(r -> org.assertj.core.groups.Tuple.tuple(r.name(), r.status(), r.failure()))
                        .toList());
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void aRestoredDatabaseMigratesOnFromItsVersion(TestDialect on) {
        use(on);
        SnapshotStats[] stats = new SnapshotStats[1];
        List<CaseResult> results = runWith(
                setup,
                migrateTo(4)
                        + """
                        test "migrate" "on" {
                          log { message = "logging keeps the database pristine" }
                          migrate { to = "4" }
                          migrate { to = "5" }
                          exec {
                            sql    = "SELECT count(*), max(version) FROM %s"
                            output = "5, 5"
                          }
                        }
                        test "migrate" "touched" {
                          migrate { to = "2" }
                          exec { sql = "INSERT INTO t1 VALUES (100)" }
                          migrate { to = "3" }
                          exec {
                            sql    = "SELECT sum(x) FROM t1; SELECT count(*) FROM %s"
                            output = "3"
                          }
                          assert { sql = "SELECT sum(x) = 101 FROM t1" }
                        }
                        """
                                .formatted(revisions(), revisions()),
                stats);
        assertThat(results).extracting(CaseResult::failure).containsOnly(Optional.empty());
        // case1 builds 4, keeping 2 ("touched" starts from it); "on" restores 4, then builds 5 on top of it;
        // "touched" restores 2, then applies 3 on top of its own data, where no snapshot can serve.
        assertThat(stats[0]).isEqualTo(new SnapshotStats(3, 2));
        assertThat(new TreeMap<>(applied)).isEqualTo(Map.of("1", 1, "2", 1, "3", 2, "4", 1, "5", 1));
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void concurrentCasesBuildASnapshotOnce(TestDialect on) throws Exception {
        use(on);
        TestFile file = RunnerFixture.write(dir, "m.test.hcl", migrateTo(5, 5, 5, 5, 5, 5, 5, 5));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (TestRunner runner = new TestRunner(setup, counting)) {
            List<Future<CaseResult>> futures = new ArrayList<>();
            for (TestBlock block : file.tests()) {
                futures.add(
                        pool.submit(() -> runner.run(file, block, block.cases().get(0))));
            }
            for (Future<CaseResult> future : futures) {
                assertThat(future.get().failure()).isEmpty();
            }
            // The first case keeps version 5, the only target; the seven others restore it.
            assertThat(runner.snapshotStats()).isEqualTo(new SnapshotStats(1, 7));
        } finally {
            pool.shutdown();
        }
        assertThat(new TreeMap<>(applied)).isEqualTo(Map.of("1", 1, "2", 1, "3", 1, "4", 1, "5", 1));
    }

    @Test
    void migratingACaseDatabaseTakesNoLockFile() {
        CaseResult result = runOne(
                """
                test "migrate" "private" {
                  log { message = testing.dev_url }
                  migrate { to = "2" }
                  exec { sql = "INSERT INTO t1 VALUES (7)" }
                  migrate { to = "3" }
                }
                """);
        assertThat(result.failure()).isEmpty();
        // The lock file migrate apply would take for this database: TMPDIR/atlas_migrate_execute_ADLER32.lock.
        String file = result.logs().get(0).message().substring("sqlite://".length());
        java.util.zip.Adler32 checksum = new java.util.zip.Adler32();
        checksum.update(file.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path lock = Path.of(System.getProperty("java.io.tmpdir"))
                .resolve("atlas_migrate_execute_" + Long.toHexString(checksum.getValue()) + ".lock");
        assertThat(lock).doesNotExist();
    }

    private CaseResult runOne(String text) {
        return RunnerFixture.runOne(setup, dir, text);
    }

    @Test
    void unknownVersionFailsAtTheMigrateBlock() {
        CaseResult result = runOne(
                """
                test "migrate" "unknown" {
                  migrate { to = "9" }
                }
                """);
        assertThat(result.failure())
                .contains(CaseFailure.of(
                        new Pos("case.test.hcl", 2, 3), "migration version \"9\" not found in migrations"));
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void migratingDownFails(TestDialect on) {
        use(on);
        CaseResult result = runOne(
                """
                test "migrate" "down" {
                  migrate { to = "3" }
                  migrate { to = "3" }
                  migrate { to = "2" }
                }
                """);
        assertThat(result.failure())
                .contains(CaseFailure.of(
                        new Pos("case.test.hcl", 4, 3),
                        "cannot migrate down to version \"2\": the database is at version \"3\""));
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void aFailingFileFailsTheCaseWithTheStatement(TestDialect on) {
        use(on);
        MigrationDir.open("file://migrations", dir).add("6_bad.sql", "INSERT INTO nowhere VALUES (1);\n");
        CaseResult result = runOne(
                """
                test "migrate" "bad" {
                  migrate { to = "6" }
                }
                """);
        assertThat(result.failure()).hasValueSatisfying(f -> {
            assertThat(f.pos()).isEqualTo(new Pos("case.test.hcl", 2, 3));
            assertThat(f.message())
                    .startsWith("executing statement \"INSERT INTO nowhere VALUES (1);\" from version \"6\": ")
                    .contains(dialect.noSuchTable("nowhere"));
        });
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void preMigrationChecksRun(TestDialect on) {
        use(on);
        MigrationDir.open("file://migrations", dir)
                .add(
                        "6_checked.sql",
                        "-- atlas:txtar\n\n-- checks.sql --\nSELECT count(*) = 0 FROM t1;\n"
                                + "-- migration.sql --\nDELETE FROM t1;\n");
        CaseResult result = runOne(
                """
                test "migrate" "checked" {
                  migrate { to = "6" }
                }
                """);
        assertThat(result.failure().map(CaseFailure::message))
                .contains("pre-migration checks of version \"6\" failed: 1 of 1 assertions failed: check assertion"
                        + " \"SELECT count(*) = 0 FROM t1;\" returned false");
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void aDirtyDatabaseIsRefusedAsTheExecutorRefusesIt(TestDialect on) {
        use(on);
        CaseResult result = runOne(
                """
                test "migrate" "dirty" {
                  exec { sql = "CREATE TABLE mine (x INT)" }
                  migrate { to = "1" }
                }
                """);
        assertThat(result.failure().map(CaseFailure::message))
                .hasValueSatisfying(m -> assertThat(m).startsWith("sql/migrate: connected database is not clean"));
    }

    @Test
    void aMissingDirectoryIsASetUpFailure() {
        setup = TestSetup.of(DEV, dir).withMigrationDir("file://nowhere", Optional.empty());
        TestFile file = RunnerFixture.write(dir, "m.test.hcl", migrateTo(1));
        try (TestRunner runner = new TestRunner(setup)) {
            TestBlock block = file.tests().get(0);
            assertThatThrownBy(() -> runner.run(file, block, block.cases().get(0)))
                    .isInstanceOf(MigrateException.class)
                    .hasMessage("migration directory nowhere was not found");
        }
    }
}

package io.plumb.engine.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.db.Database;
import io.plumb.engine.devdb.IsolatedDatabase;
import io.plumb.engine.devdb.TestDialect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MigrationLockTest {

    @TempDir
    Path root;

    private final List<IsolatedDatabase> isolated = new ArrayList<>();

    private String url = "";

    // Each test's sessions share one database: a SQLite file, or a fresh database on the dialect's server.
    private void use(TestDialect dialect) {
        if (dialect == TestDialect.SQLITE) {
            url = "sqlite://" + root.resolve("locked.db");
            return;
        }
        IsolatedDatabase db = dialect.fresh();
        isolated.add(db);
        url = db.url();
    }

    private Database open() {
        return Database.open(url, root);
    }

    @AfterEach
    void drop() {
        isolated.forEach(IsolatedDatabase::close);
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void aSecondHolderWaitsAndTimesOut(TestDialect dialect) {
        use(dialect);
        try (Database first = open();
                Database second = open();
                MigrationLock held = MigrationLock.acquire(first, MigrationLock.APPLY, Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> MigrationLock.acquire(second, MigrationLock.APPLY, Duration.ofMillis(200)))
                    .isInstanceOf(MigrateException.class)
                    .hasMessageStartingWith(
                            "acquiring database lock: lock \"atlas_migrate_execute\" is held by another process");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void aWaiterGetsTheLockWhenItIsReleased(TestDialect dialect) throws Exception {
        use(dialect);
        try (Database first = open();
                Database second = open()) {
            MigrationLock held = MigrationLock.acquire(first, MigrationLock.APPLY, Duration.ofSeconds(1));
            CountDownLatch waiting = new CountDownLatch(1);
            CompletableFuture<MigrationLock> waiter = CompletableFuture.supplyAsync(() -> {
                waiting.countDown();
                return MigrationLock.acquire(second, MigrationLock.APPLY, Duration.ofSeconds(10));
            });
            waiting.await();
            Thread.sleep(100);
            assertThat(waiter).isNotDone();
            held.close();
            waiter.get(10, TimeUnit.SECONDS).close();
        }
    }

    @Test
    void differentDatabasesAndNamesDoNotContend() {
        use(TestDialect.SQLITE);
        try (Database first = open();
                Database other = Database.open("sqlite://" + root.resolve("other.db"), root);
                MigrationLock a = MigrationLock.acquire(first, MigrationLock.APPLY, Duration.ofSeconds(1));
                MigrationLock b = MigrationLock.acquire(other, MigrationLock.APPLY, Duration.ofMillis(100));
                MigrationLock c = MigrationLock.acquire(first, MigrationLock.DIFF, Duration.ofMillis(100))) {
            assertThat(MigrationLock.lockFile(first, MigrationLock.APPLY))
                    .isNotEqualTo(MigrationLock.lockFile(other, MigrationLock.APPLY));
            assertThat(MigrationLock.lockFile(first, MigrationLock.APPLY)
                            .getFileName()
                            .toString())
                    .matches("atlas_migrate_execute_[0-9a-f]+\\.lock");
        }
    }

    @Test
    void theLockFileCarriesTheReferenceToolsExpiryWhileHeldAndIsRemovedAfter() throws Exception {
        use(TestDialect.SQLITE);
        try (Database db = open()) {
            Path file = MigrationLock.lockFile(db, MigrationLock.APPLY);
            long before = System.currentTimeMillis();
            try (MigrationLock held = MigrationLock.acquire(db, MigrationLock.APPLY, Duration.ofSeconds(30))) {
                String content = Files.readString(file);
                assertThat(content).matches("[0-9]+");
                long expiresMillis = Long.parseLong(content) / 1_000_000;
                assertThat(expiresMillis).isBetween(before + 29_000, System.currentTimeMillis() + 30_000);
            }
            assertThat(file).doesNotExist();
        }
    }

    @Test
    void aLeftoverLockFileIsTakenOver() throws Exception {
        use(TestDialect.SQLITE);
        try (Database db = open()) {
            Path file = MigrationLock.lockFile(db, MigrationLock.APPLY);
            // What a killed process leaves behind: the file, with a time that has not passed yet (or, before, nothing).
            Files.writeString(file, Long.toString(Long.MAX_VALUE));
            try (MigrationLock held = MigrationLock.acquire(db, MigrationLock.APPLY, Duration.ofMillis(200))) {
                assertThat(Long.parseLong(Files.readString(file))).isLessThan(Long.MAX_VALUE);
            }
            assertThat(file).doesNotExist();
            Files.writeString(file, "");
            MigrationLock.acquire(db, MigrationLock.APPLY, Duration.ofMillis(200))
                    .close();
            assertThat(file).doesNotExist();
        }
    }

    @Test
    void processesNeverHoldItTogetherThoughEachRemovesTheFileItGivesBack() throws Exception {
        // Each release removes the lock file, so a waiter may lock a removed file; this is where it would show.
        use(TestDialect.SQLITE);
        Path database = root.resolve("locked.db");
        try (Database db = open()) {
            db.connection().createStatement().execute("CREATE TABLE t (id int)");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> contenders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            contenders.add(new ProcessBuilder(
                            java,
                            "-XX:TieredStopAtLevel=1",
                            "-cp",
                            System.getProperty("java.class.path"),
                            LockContender.class.getName(),
                            database.toString(),
                            "150",
                            root.resolve("held-by-one").toString())
                    .redirectErrorStream(true)
                    .start());
        }
        for (Process contender : contenders) {
            assertThat(contender.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String output = new String(contender.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(output).as("exit %d", contender.exitValue()).isEqualTo("done\n");
        }
        try (Database db = open()) {
            assertThat(MigrationLock.lockFile(db, MigrationLock.APPLY)).doesNotExist();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void manyContendersNeverHoldItTogether(TestDialect dialect) throws Exception {
        use(dialect);
        int threads = 6;
        int rounds = 40;
        java.util.concurrent.atomic.AtomicInteger holders = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger overlaps = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger acquired = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    try (Database db = open()) {
                        for (int i = 0; i < rounds; i++) {
                            try (MigrationLock held =
                                    MigrationLock.acquire(db, MigrationLock.APPLY, Duration.ofSeconds(30))) {
                                if (holders.incrementAndGet() > 1) {
                                    overlaps.incrementAndGet();
                                }
                                acquired.incrementAndGet();
                                holders.decrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(acquired).hasValue(threads * rounds);
        assertThat(overlaps).as("two holders at once").hasValue(0);
    }

    @ParameterizedTest
    @EnumSource(
            value = TestDialect.class,
            names = {"POSTGRES", "MARIADB"})
    void differentNamesDoNotContendAndDatabasesDoOnlyOnMariadb(TestDialect dialect) {
        use(dialect);
        IsolatedDatabase other = dialect.fresh();
        isolated.add(other);
        try (Database first = open();
                MigrationLock a = MigrationLock.acquire(first, MigrationLock.APPLY, Duration.ofSeconds(1));
                MigrationLock c = MigrationLock.acquire(first, MigrationLock.DIFF, Duration.ofMillis(100))) {
            if (dialect == TestDialect.POSTGRES) {
                // Advisory locks belong to a database: another database on the server takes the same key.
                MigrationLock.acquire(other.database(), MigrationLock.APPLY, Duration.ofMillis(100))
                        .close();
            } else {
                // GET_LOCK names are the server's, as the reference tool takes them: every schema contends.
                assertThatThrownBy(() ->
                                MigrationLock.acquire(other.database(), MigrationLock.APPLY, Duration.ofMillis(100)))
                        .isInstanceOf(MigrateException.class)
                        .hasMessageStartingWith(
                                "acquiring database lock: lock \"atlas_migrate_execute\" is held by another process");
            }
        }
    }
}

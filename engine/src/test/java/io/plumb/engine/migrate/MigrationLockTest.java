package io.plumb.engine.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.db.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationLockTest {

    @TempDir
    Path root;

    private Database open() {
        return Database.open("sqlite://" + root.resolve("locked.db"), root);
    }

    @Test
    void aSecondHolderWaitsAndTimesOut() {
        try (Database first = open();
                Database second = open();
                MigrationLock held = MigrationLock.acquire(first, MigrationLock.APPLY, Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> MigrationLock.acquire(second, MigrationLock.APPLY, Duration.ofMillis(200)))
                    .isInstanceOf(MigrateException.class)
                    .hasMessageStartingWith("acquiring lock \"atlas_migrate_execute\": another process holds it");
        }
    }

    @Test
    void aWaiterGetsTheLockWhenItIsReleased() throws Exception {
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
    void manyContendersNeverHoldItTogether() throws Exception {
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
}

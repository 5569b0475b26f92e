package io.plumb.engine.devdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ClonePoolTest {

    private final AtomicInteger copies = new AtomicInteger();
    private final Supplier<String> copy = () -> "clone_" + copies.incrementAndGet();
    private final Consumer<String> nobody = name -> {
        throw new AssertionError(name + " was dropped, though nobody was interrupted");
    };

    @Test
    void aSnapshotThatWasNeverClonedHasNoPreparedClone() {
        try (ClonePool<String> pool = new ClonePool<>(1)) {
            assertThat(pool.take("snap", nobody)).isNull();
            assertThat(copies).hasValue(0);
        }
    }

    @Test
    void aRefillPreparesUpToTheDepthAndEachCloneIsTakenOnce() {
        try (ClonePool<String> pool = new ClonePool<>(2)) {
            pool.refill("snap", copy);
            pool.refill("snap", copy);
            assertThat(List.of(pool.take("snap", nobody), pool.take("snap", nobody)))
                    .containsExactlyInAnyOrder("clone_1", "clone_2");
            assertThat(pool.take("snap", nobody)).isNull();
            assertThat(pool.take("other", nobody)).isNull();
        }
    }

    @Test
    void parallelTakersNeverShareAClone() throws Exception {
        ClonePool<String> pool = new ClonePool<>(4);
        ExecutorService takers = Executors.newFixedThreadPool(4);
        try {
            Set<String> taken = ConcurrentHashMap.newKeySet();
            List<Future<?>> runs = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            for (int i = 0; i < 4; i++) {
                runs.add(takers.submit(() -> {
                    start.await();
                    for (int round = 0; round < 25; round++) {
                        String name = pool.take("snap", nobody);
                        if (name != null) {
                            assertThat(taken.add(name))
                                    .as("%s handed out twice", name)
                                    .isTrue();
                        }
                        pool.refill("snap", copy);
                    }
                    return Boolean.TRUE;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
            assertThat(taken).isNotEmpty();
        } finally {
            takers.shutdown();
            pool.close();
        }
    }

    @Test
    void aFailedCopyIsNotHandedOut() {
        try (ClonePool<String> pool = new ClonePool<>(1)) {
            pool.refill("snap", () -> {
                throw new IllegalStateException("the isolation is closed");
            });
            assertThat(pool.take("snap", nobody)).isNull();
        }
    }

    @Test
    void discardingASnapshotDropsItsPreparedClonesOnly() {
        List<String> dropped = new ArrayList<>();
        try (ClonePool<String> pool = new ClonePool<>(1)) {
            pool.refill("a", copy);
            pool.refill("b", copy);
            // One background thread copies in order: once b's clone is taken, a's exists.
            assertThat(pool.take("b", nobody)).isEqualTo("clone_2");
            pool.discard("a", dropped::add);
            assertThat(pool.take("a", nobody)).isNull();
        }
        assertThat(dropped).containsExactly("clone_1");
    }

    @Test
    void closingDropsEveryPreparedCloneAndStopsRefilling() {
        List<String> dropped = new ArrayList<>();
        ClonePool<String> pool = new ClonePool<>(2);
        pool.refill("a", copy);
        pool.refill("b", copy);
        pool.close(dropped::add);
        // Copies that had not started are cancelled; every copy that ran is dropped.
        int made = copies.get();
        assertThat(dropped).hasSize(made);
        pool.refill("a", copy);
        assertThat(pool.take("a", nobody)).isNull();
        assertThat(copies).hasValue(made);
    }

    @Test
    void awaitWaitsForThePreparedClonesWithoutTakingThem() {
        try (ClonePool<String> pool = new ClonePool<>(2)) {
            pool.refill("snap", copy);
            pool.await("snap");
            assertThat(copies).hasValue(2);
            pool.await("other");
            assertThat(List.of(pool.take("snap", nobody), pool.take("snap", nobody)))
                    .containsExactlyInAnyOrder("clone_1", "clone_2");
        }
    }

    @Test
    void aTakerInterruptedWhileTheCopyRunsLeavesTheCloneToBeDropped() throws Exception {
        CountDownLatch copying = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        List<String> dropped = new CopyOnWriteArrayList<>();
        CountDownLatch droppedOne = new CountDownLatch(1);
        try (ClonePool<String> pool = new ClonePool<>(1)) {
            pool.refill("snap", () -> {
                copying.countDown();
                try {
                    finish.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return copy.get();
            });
            copying.await();
            Thread.currentThread().interrupt();
            assertThat(pool.take("snap", name -> {
                        dropped.add(name);
                        droppedOne.countDown();
                    }))
                    .isNull();
            assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
            finish.countDown();
            droppedOne.await();
            assertThat(dropped).containsExactly("clone_1");
            assertThat(pool.take("snap", nobody)).isNull();
        }
    }

    @Test
    void depthZeroPreparesNothing() {
        try (ClonePool<String> pool = new ClonePool<>(0)) {
            pool.refill("snap", copy);
            assertThat(pool.take("snap", nobody)).isNull();
            assertThat(copies).hasValue(0);
        }
    }

    @Test
    void aDepthThatIsNotANumberIsRefused() {
        String previous = System.getProperty(Isolation.CLONE_POOL_PROPERTY);
        System.setProperty(Isolation.CLONE_POOL_PROPERTY, "many");
        try {
            assertThatThrownBy(ClonePool::fromSystemProperty)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("system property plumb.devdb.clonePool: expected a number of clones, found \"many\"");
        } finally {
            if (previous == null) {
                System.clearProperty(Isolation.CLONE_POOL_PROPERTY);
            } else {
                System.setProperty(Isolation.CLONE_POOL_PROPERTY, previous);
            }
        }
    }
}

package io.plumb.engine.devdb;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A {@code ClonePool} keeps clones of snapshots made ahead, on one background thread, so that a test asking for a
 * clone is handed one that already exists instead of waiting for the server to copy it (as IntegreSQL and pgtestdb
 * do). A snapshot is pooled from its first clone on: snapshots that are never cloned cost nothing, and each clone
 * handed out starts the copy of its successor. Each prepared clone goes to one caller only; the clones nobody took
 * are dropped when their snapshot is closed, and all of them when the pool is.
 *
 * <p>The background work is one copy per clone handed out, plus {@code depth} copies per pooled snapshot that are
 * dropped unused at the end.
 *
 * @param <T> what a prepared clone is to its isolation: its name on the server, with the connection opened to it
 */
final class ClonePool<T> implements AutoCloseable {

    private static final String DEPTH_PROPERTY = Isolation.CLONE_POOL_PROPERTY;

    private final int depth;
    private final Map<String, Deque<Prepared<T>>> ready = new HashMap<>();
    private @Nullable ExecutorService background;
    private boolean closed;

    ClonePool(int depth) {
        this.depth = depth;
    }

    /** Returns a pool of the depth the system property sets, 1 when it is not set. */
    static <T> ClonePool<T> fromSystemProperty() {
        String value = System.getProperty(DEPTH_PROPERTY, "1");
        try {
            return new ClonePool<>(Math.max(0, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "system property " + DEPTH_PROPERTY + ": expected a number of clones, found \"" + value + "\"", e);
        }
    }

    /**
     * Takes the oldest clone prepared for a snapshot, waiting while its copy is still running, or returns null when
     * none is prepared or its copy failed (the caller then copies one itself). A caller interrupted while it waits
     * gets null, and the clone goes to {@code drop} once its copy is done, so that nobody's clone is left behind.
     */
    @Nullable
    T take(String snapshot, Consumer<T> drop) {
        Prepared<T> next;
        synchronized (this) {
            Deque<Prepared<T>> queue = ready.get(snapshot);
            next = queue == null ? null : queue.poll();
        }
        if (next == null) {
            return null;
        }
        try {
            return next.result.get();
        } catch (ExecutionException | CancellationException e) {
            return null;
        } catch (InterruptedException e) {
            next.result.thenAccept(drop);
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Starts copies of a snapshot in the background until {@code depth} of them are ready or under way. */
    synchronized void refill(String snapshot, Supplier<T> copy) {
        if (closed || depth == 0) {
            return;
        }
        Deque<Prepared<T>> queue = ready.computeIfAbsent(snapshot, s -> new ArrayDeque<>());
        while (queue.size() < depth) {
            Prepared<T> prepared = new Prepared<>(new AtomicBoolean(), new CompletableFuture<>());
            queue.add(prepared);
            executor().execute(() -> prepared.run(copy));
        }
    }

    /** Waits until the clones being prepared of a snapshot are ready (or failed), taking none; for tests. */
    void await(String snapshot) {
        List<Prepared<T>> pending;
        synchronized (this) {
            pending = new ArrayList<>(ready.getOrDefault(snapshot, new ArrayDeque<>()));
        }
        for (Prepared<T> prepared : pending) {
            try {
                prepared.result.get();
            } catch (ExecutionException | CancellationException e) {
                // A failed copy is ready too: take() returns null for it.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Stops preparing clones of a snapshot and drops the ones prepared, before the snapshot itself goes. */
    void discard(String snapshot, Consumer<T> drop) {
        Deque<Prepared<T>> queue;
        synchronized (this) {
            queue = ready.remove(snapshot);
        }
        if (queue != null) {
            dropAll(queue, drop);
        }
    }

    /** Drops every prepared clone and stops the background thread. */
    void close(Consumer<T> drop) {
        List<Prepared<T>> all = new ArrayList<>();
        ExecutorService executor;
        synchronized (this) {
            closed = true;
            ready.values().forEach(all::addAll);
            ready.clear();
            executor = background;
        }
        dropAll(all, drop);
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        close(name -> {});
    }

    private static <T> void dropAll(Iterable<Prepared<T>> clones, Consumer<T> drop) {
        for (Prepared<T> clone : clones) {
            // A copy that has not started never will; one that has must finish before its database can go.
            if (clone.started.compareAndSet(false, true)) {
                continue;
            }
            try {
                drop.accept(clone.result.get());
            } catch (ExecutionException | CancellationException e) {
                // A failed copy left nothing to drop, or only what the dev server's plumb_ names show.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A clone being prepared: its copy runs once, unless it is discarded before it starts. */
    private record Prepared<T>(AtomicBoolean started, CompletableFuture<T> result) {

        void run(Supplier<T> copy) {
            if (!started.compareAndSet(false, true)) {
                return;
            }
            try {
                result.complete(copy.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }
    }

    private ExecutorService executor() {
        if (background == null) {
            background = Executors.newSingleThreadExecutor(task -> {
                // A daemon: prepared clones must never keep a program's JVM alive.
                Thread thread = new Thread(task, "plumb-clone-pool");
                thread.setDaemon(true);
                return thread;
            });
        }
        return background;
    }
}

package io.plumb.runner.internal;

import io.plumb.runner.ScriptFailure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The {@code WorkCleaner} removes finished work directories on a background thread, so that a script's result
 * does not wait for its files to be deleted. The queue is bounded: when deletion falls behind, the script that
 * finished removes its own directory. Whatever is still queued when the JVM exits is removed by a shutdown hook.
 */
final class WorkCleaner {
    private static final int CAPACITY = 256;
    private static final BlockingQueue<Pending> PENDING = new ArrayBlockingQueue<>(CAPACITY);
    private static final List<Path> ROOTS = new java.util.concurrent.CopyOnWriteArrayList<>();

    static {
        Thread cleaner = new Thread(WorkCleaner::drainForever, "plumb-work-cleaner");
        cleaner.setDaemon(true);
        cleaner.start();
        Runtime.getRuntime().addShutdownHook(new Thread(WorkCleaner::drainNow, "plumb-work-cleaner-exit"));
    }

    private WorkCleaner() {}

    /** A directory to remove, and what to do once it is gone. */
    private record Pending(Path workDir, Runnable done) {
        void removeNow() {
            remove(workDir);
            done.run();
        }
    }

    /** Queues a work directory for removal, or removes it now when the queue is full. */
    static void discard(Path workDir, Runnable done) {
        Pending pending = new Pending(workDir, done);
        if (!PENDING.offer(pending)) {
            pending.removeNow();
        }
    }

    /** Registers a work root, removed at exit after the queue is drained if nothing was kept in it. */
    static void registerRoot(Path root) {
        ROOTS.add(root);
    }

    private static void drainForever() {
        while (true) {
            try {
                PENDING.take().removeNow();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void drainNow() {
        List<Pending> left = new ArrayList<>();
        PENDING.drainTo(left);
        left.forEach(Pending::removeNow);
        for (Path root : ROOTS) {
            try {
                java.nio.file.Files.deleteIfExists(root);
            } catch (java.io.IOException e) {
                // Not empty: a kept work directory lives there.
            }
        }
    }

    /** Removes a work directory now; one that cannot be removed stays behind. */
    static void remove(Path workDir) {
        try {
            FileCommands.removeAll(workDir);
        } catch (ScriptFailure e) {
            // A directory that cannot be removed stays behind; it is not the script's failure.
        }
    }
}

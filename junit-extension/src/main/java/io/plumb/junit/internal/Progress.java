package io.plumb.junit.internal;

import io.plumb.engine.db.DatabaseUrl;
import io.plumb.engine.devdb.Isolation;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * {@code Progress} tells on standard error what a slow step is doing: a step still running after {@link #QUIET} prints
 * one line ({@code plumb: starting embedded PostgreSQL 17 (first use downloads ~30 MB)...}) and, when done, one more
 * ({@code plumb: ... ready in 12 s}). A fast step prints nothing.
 */
public final class Progress {

    /** How long a step may run before it is announced. */
    public static final Duration QUIET = Duration.ofSeconds(2);

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "plumb-progress");
        thread.setDaemon(true);
        return thread;
    });

    private Progress() {}

    /** Runs a step, announcing it on standard error when it is slow. */
    public static <T> T around(String description, Supplier<T> step) {
        return around(description, step, System.err, QUIET);
    }

    /** Runs a step, announcing it on the given stream when it runs longer than {@code quiet}. */
    static <T> T around(String description, Supplier<T> step, PrintStream out, Duration quiet) {
        long start = System.nanoTime();
        AtomicBoolean announced = new AtomicBoolean();
        ScheduledFuture<?> announcement = TIMER.schedule(
                () -> {
                    announced.set(true);
                    out.println("plumb: " + description + "...");
                },
                quiet.toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            return step.get();
        } finally {
            announcement.cancel(false);
            if (announced.get()) {
                long seconds = Math.round((System.nanoTime() - start) / 1e9);
                out.println("plumb: " + description + " ready in " + seconds + " s");
            }
        }
    }

    /**
     * Starts the server of an {@code embedded://} dev URL ahead of its first use, announcing it
     * when slow; servers are kept for the JVM, so the first test that needs it finds it running. A server that cannot
     * start is left for that test to report.
     */
    public static void startServer(String devUrl, Path workingDirectory) {
        String lower = devUrl.toLowerCase(Locale.ROOT);
        // Not docker://: when no Docker engine is reachable, the tests that need one skip, and should not wait twice.
        if (!lower.startsWith("embedded://")) {
            return;
        }
        try {
            around(describeStart(devUrl), () -> {
                Isolation.open(devUrl, workingDirectory).close();
                return devUrl;
            });
        } catch (RuntimeException e) {
            // The test that opens it reports the error, as it would without this head start.
        }
    }

    /** Describes what opening an isolation on a dev URL does, without the URL's password. */
    public static String describeStart(String devUrl) {
        String lower = devUrl.toLowerCase(Locale.ROOT);
        if (lower.startsWith("embedded://postgres")) {
            return "starting embedded PostgreSQL " + version(devUrl) + " (first use downloads ~30 MB)";
        }
        if (lower.startsWith("embedded://maria")) {
            return "starting embedded MariaDB " + version(devUrl) + " (first use downloads ~100 MB)";
        }
        if (lower.startsWith("docker://")) {
            return "starting a container for " + devUrl + " (first use pulls the image)";
        }
        return "connecting to " + DatabaseUrl.redactUrl(devUrl);
    }

    private static String version(String devUrl) {
        String rest = devUrl.substring(devUrl.indexOf("://") + 3);
        String[] parts = rest.split("[/?]");
        return parts.length > 1 ? parts[1] : "";
    }
}

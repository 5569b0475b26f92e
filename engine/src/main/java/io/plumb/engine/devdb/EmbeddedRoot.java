package io.plumb.engine.devdb;

import io.plumb.engine.db.DatabaseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * {@code EmbeddedRoot} is the one temporary directory ({@code plumb-embedded-PID}) under which this JVM's embedded
 * servers keep their data, and the guard that no server outlives the JVM.
 *
 * <p>Each server gets a watchdog: a small shell process that polls the JVM's pid and, once the JVM is gone (also
 * after {@code kill -9}, when no shutdown hook runs), stops the server and deletes its data directory. As a second
 * line, the first start in a JVM reaps the roots of dead JVMs: it kills the server pids listed in their
 * {@code servers} file and deletes them.
 */
final class EmbeddedRoot {

    private static final String PREFIX = "plumb-embedded-";
    private static @Nullable Path root;
    private static final List<Process> WATCHDOGS = new ArrayList<>();
    private static final List<Runnable> STOPPERS = new ArrayList<>();

    private EmbeddedRoot() {}

    /** Returns this JVM's root, creating it (and reaping stale ones) on first use. */
    static synchronized Path directory() {
        if (root == null) {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            reapStale(tmp);
            try {
                root = Files.createDirectories(
                        tmp.resolve(PREFIX + ProcessHandle.current().pid()));
            } catch (IOException e) {
                throw new DatabaseException("cannot create the embedded servers' directory in " + tmp + ": " + e, e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedRoot::stopAll, "plumb-embedded-servers"));
        }
        return root;
    }

    /**
     * Records a started server and guards it with a watchdog that sends {@code signal} to it, and deletes {@code
     * dataDirectory}, when this JVM dies.
     */
    static synchronized void guard(long serverPid, String signal, Path dataDirectory) {
        Path dir = directory();
        try {
            Files.writeString(
                    dir.resolve("servers"),
                    serverPid + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            String script = "while kill -0 \"$0\" 2>/dev/null; do sleep 1; done; kill -" + signal
                    + " \"$1\" 2>/dev/null; i=0; while kill -0 \"$1\" 2>/dev/null && [ $i -lt 30 ]; do sleep 1;"
                    + " i=$((i+1)); done; kill -9 \"$1\" 2>/dev/null; rm -rf \"$2\"";
            Process watchdog = new ProcessBuilder(
                            "sh",
                            "-c",
                            script,
                            Long.toString(ProcessHandle.current().pid()),
                            Long.toString(serverPid),
                            dataDirectory.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            WATCHDOGS.add(watchdog);
        } catch (IOException e) {
            throw new DatabaseException("cannot guard the embedded server (pid " + serverPid + "): " + e, e);
        }
    }

    /** Registers how to stop a server when the JVM exits normally. */
    static synchronized void onExit(Runnable stopper) {
        STOPPERS.add(stopper);
    }

    // On a normal exit the servers are stopped here, in one hook, before their data goes; a watchdog left running
    // would signal a pid that the operating system may have given to another process by then.
    private static synchronized void stopAll() {
        for (Runnable stopper : STOPPERS) {
            try {
                stopper.run();
            } catch (RuntimeException e) {
                // One server failing to stop must not keep the others running.
            }
        }
        WATCHDOGS.forEach(Process::destroy);
        Path dir = root;
        if (dir != null) {
            try {
                reap(dir);
            } catch (IOException e) {
                // Left for the next start's reaping.
            }
        }
    }

    private static void reapStale(Path tmp) {
        try (Stream<Path> children = Files.list(tmp)) {
            for (Path dir : children.filter(p -> String.valueOf(p.getFileName()).startsWith(PREFIX))
                    .toList()) {
                String suffix = String.valueOf(dir.getFileName()).substring(PREFIX.length());
                if (suffix.matches("[0-9]+")
                        && ProcessHandle.of(Long.parseLong(suffix)).isEmpty()) {
                    reap(dir);
                }
            }
        } catch (IOException e) {
            // Reaping is a courtesy; a directory that cannot be listed holds nothing this JVM can clean.
        }
    }

    static void reap(Path dir) throws IOException {
        Path servers = dir.resolve("servers");
        if (Files.exists(servers)) {
            for (String line : Files.readAllLines(servers, StandardCharsets.UTF_8)) {
                if (line.strip().matches("[0-9]+")) {
                    ProcessHandle.of(Long.parseLong(line.strip())).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

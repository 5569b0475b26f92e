package io.plumb.provider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
 * <p>The root has a watchdog, started with the root before any server: a small shell process that polls the JVM's
 * pid and, once the JVM is gone (also after {@code kill -9}, when no shutdown hook runs), stops the servers listed
 * in the root's {@code servers} file and any PostgreSQL whose {@code postmaster.pid} is under the root (a server
 * killed while starting), and deletes the root. As a second line, the first start in a JVM reaps the roots of dead JVMs: it kills the server
 * pids listed in their {@code servers} file and deletes them.
 */
public final class EmbeddedRoot {

    private static final String PREFIX = "plumb-embedded-";
    private static @Nullable Path root;
    private static final List<Process> WATCHDOGS = new ArrayList<>();
    private static final List<Runnable> STOPPERS = new ArrayList<>();

    private EmbeddedRoot() {}

    /** Returns this JVM's root, creating it (and reaping stale ones) on first use. */
    public static synchronized Path directory() {
        if (root == null) {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            reapStale(tmp);
            Path created;
            try {
                created = Files.createDirectories(
                        tmp.resolve(PREFIX + ProcessHandle.current().pid()));
                // The watchdog starts with the directory, before any server: a JVM killed while a server is still
                // being initialised or started (tens of megabytes of data, a postmaster not yet recorded) is
                // cleaned up at once, not only when a later JVM happens to reap it.
                startWatchdog(created);
            } catch (IOException e) {
                throw new ProviderException("cannot create the embedded servers' directory in " + tmp + ": " + e, e);
            }
            root = created;
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedRoot::stopAll, "plumb-embedded-servers"));
        }
        return root;
    }

    /**
     * Records a started server, so that the watchdog sends it {@code signal} (and, 30 s later, {@code KILL}) when
     * this JVM dies.
     */
    public static synchronized void guard(long serverPid, String signal) {
        Path dir = directory();
        try {
            Files.writeString(
                    dir.resolve("servers"),
                    serverPid + " " + signal + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new ProviderException("cannot record the embedded server (pid " + serverPid + ") in " + dir, e);
        }
    }

    // One watchdog per JVM: once the JVM is gone it signals every server listed in the root's "servers" file and
    // every PostgreSQL whose postmaster.pid is under the root (one killed while starting is not listed yet), waits
    // for the listed ones to exit, and deletes the whole root, again while a dying initdb still adds files to it.
    private static void startWatchdog(Path dir) throws IOException {
        String servers = "\"$1/servers\"";
        String script = "while kill -0 \"$0\" 2>/dev/null; do sleep 1; done;"
                + " for f in \"$1\"/*/postmaster.pid; do [ -f \"$f\" ] && read p < \"$f\" && kill -INT $p 2>/dev/null;"
                + " done;"
                + " [ -f " + servers + " ] && while read p s; do kill -$s $p 2>/dev/null; done < " + servers + ";"
                + " i=0; while [ -f " + servers + " ] && [ $i -lt 30 ]; do a=0;"
                + " while read p s; do kill -0 $p 2>/dev/null && a=1; done < " + servers + ";"
                + " [ $a = 0 ] && break; sleep 1; i=$((i+1)); done;"
                + " [ -f " + servers + " ] && while read p s; do kill -9 $p 2>/dev/null; done < " + servers + ";"
                + " rm -rf \"$1\"; i=0; while [ -e \"$1\" ] && [ $i -lt 10 ]; do sleep 1; rm -rf \"$1\";"
                + " i=$((i+1)); done";
        WATCHDOGS.add(new ProcessBuilder(
                        "sh",
                        "-c",
                        script,
                        Long.toString(ProcessHandle.current().pid()),
                        dir.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start());
    }

    /** Registers how to stop a server when the JVM exits normally. */
    public static synchronized void onExit(Runnable stopper) {
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
        } catch (IOException | UncheckedIOException e) {
            // Reaping is a courtesy; a directory that cannot be listed holds nothing this JVM can clean.
        }
    }

    static void reap(Path dir) throws IOException {
        Path servers = dir.resolve("servers");
        if (Files.exists(servers)) {
            for (String line : Files.readAllLines(servers, StandardCharsets.UTF_8)) {
                String pid = line.strip().split(" ")[0];
                if (pid.matches("[0-9]+")) {
                    ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        }
        stopUnlistedPostgres(dir);
        deleteTree(dir);
    }

    // A PostgreSQL started by a JVM killed before it was listed in "servers": its postmaster.pid names it. The pid
    // is only trusted while it still runs a postgres program, since the directory may be old.
    private static void stopUnlistedPostgres(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            for (Path pidFile : children.map(c -> c.resolve("postmaster.pid"))
                    .filter(Files::isRegularFile)
                    .toList()) {
                List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
                String pid = lines.isEmpty() ? "" : lines.get(0).strip();
                if (pid.matches("[0-9]+")) {
                    ProcessHandle.of(Long.parseLong(pid))
                            .filter(p -> p.info().command().orElse("").endsWith("postgres"))
                            .ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // Gone already, or unreadable: the deletion below is still attempted.
        }
    }

    // Another process (a dead JVM's watchdog, a server still shutting down) may delete or add files under the
    // directory at the same time; what vanished needs no deleting, so the walk is retried rather than failed.
    private static void deleteTree(Path dir) throws IOException {
        for (int attempt = 0; Files.exists(dir); attempt++) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (NoSuchFileException | DirectoryNotEmptyException | UncheckedIOException e) {
                if (attempt == 2) {
                    throw e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
                }
            }
        }
    }
}

package io.plumb.provider;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
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
 * <p>The data is throw-away by design, so the root lives in memory when it can: in the directory named by system
 * property {@value #DATA_DIR_PROPERTY} or environment variable {@value #DATA_DIR_ENV} when one is set (created if
 * missing, used if writable), else in {@code /dev/shm} when that is a writable tmpfs with at least 1 GiB free, else
 * in {@code java.io.tmpdir} on disk, with a one-line note on standard error saying why. Copying a database is then a
 * copy in memory instead of thousands of file creations on disk. Two JVMs never share a root: its name holds the
 * JVM's pid.
 *
 * <p>The root has a watchdog, started with the root before any server: a small shell process that polls the JVM's
 * pid and, once the JVM is gone (also after {@code kill -9}, when no shutdown hook runs), stops the servers listed
 * in the root's {@code servers} file and any PostgreSQL whose {@code postmaster.pid} is under the root (a server
 * killed while starting), and deletes the root. As a second line, the first start in a JVM reaps the roots of dead JVMs: it kills the server
 * pids listed in their {@code servers} file and deletes them.
 */
public final class EmbeddedRoot {

    private static final String PREFIX = "plumb-embedded-";

    /** The system property naming the directory the roots go in. */
    public static final String DATA_DIR_PROPERTY = "plumb.embedded.dataDir";

    /** The environment variable naming that directory when the property is not set. */
    public static final String DATA_DIR_ENV = "PLUMB_EMBEDDED_DATA_DIR";

    /** The free space a tmpfs needs to be chosen without being named: a server, its snapshots and clones. */
    static final long TMPFS_MIN_FREE = 1L << 30;

    private static final Path SHM = Path.of("/dev/shm");
    private static @Nullable Path root;
    private static final List<Process> WATCHDOGS = new ArrayList<>();
    private static final List<Runnable> STOPPERS = new ArrayList<>();

    private EmbeddedRoot() {}

    /** Returns this JVM's root, creating it (and reaping stale ones) on first use. */
    public static synchronized Path directory() {
        if (root == null) {
            Path disk = Path.of(System.getProperty("java.io.tmpdir"));
            String configured = System.getProperty(DATA_DIR_PROPERTY);
            if (configured == null || configured.isBlank()) {
                configured = System.getenv(DATA_DIR_ENV);
            }
            Path tmp = parent(configured, SHM, disk, System.err);
            reapStale(tmp);
            if (!tmp.equals(disk)) {
                reapStale(disk);
            }
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
     * Chooses the directory the root goes in: {@code configured} when it is set and usable, else {@code shm} when it
     * is a writable tmpfs with {@link #TMPFS_MIN_FREE} bytes free, else {@code disk}. Choosing other than what was
     * configured, or falling back to disk, prints one line on {@code err}.
     */
    static Path parent(@Nullable String configured, Path shm, Path disk, PrintStream err) {
        String unusable = null;
        if (configured != null && !configured.isBlank()) {
            try {
                Path dir = Files.createDirectories(Path.of(configured.strip()));
                if (Files.isWritable(dir)) {
                    return dir;
                }
                unusable = "not writable";
            } catch (FileAlreadyExistsException e) {
                unusable = "a file is in the way";
            } catch (AccessDeniedException e) {
                unusable = "permission denied";
            } catch (IOException | InvalidPathException e) {
                unusable = String.valueOf(e.getMessage());
            }
            unusable = "plumb: cannot keep the embedded servers' data in " + configured + " (set by "
                    + DATA_DIR_PROPERTY + " or " + DATA_DIR_ENV + "): " + unusable + "; ";
        }
        String shmProblem = tmpfsProblem(shm);
        if (shmProblem == null) {
            if (unusable != null) {
                err.println(unusable + "using " + shm + " instead");
            }
            return shm;
        }
        if (unusable != null) {
            err.println(unusable + "using " + disk + " on disk instead (" + shmProblem + ")");
        } else {
            err.println("plumb: the embedded servers keep their throw-away data on disk in " + disk + " ("
                    + shmProblem + "); set " + DATA_DIR_PROPERTY + " or " + DATA_DIR_ENV
                    + " to a tmpfs directory for faster clones");
        }
        return disk;
    }

    // Why a directory cannot hold the roots in memory, or null when it can.
    private static @Nullable String tmpfsProblem(Path dir) {
        if (!Files.isDirectory(dir)) {
            return dir + " does not exist";
        }
        try {
            FileStore store = Files.getFileStore(dir);
            if (!store.type().equals("tmpfs")) {
                return dir + " is not a tmpfs";
            }
            if (!Files.isWritable(dir)) {
                return dir + " is not writable";
            }
            long free = store.getUsableSpace();
            if (free < TMPFS_MIN_FREE) {
                return dir + " has only " + (free >> 20) + " MiB free";
            }
            return null;
        } catch (IOException e) {
            return "cannot inspect " + dir;
        }
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

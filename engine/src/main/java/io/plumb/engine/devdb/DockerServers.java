package io.plumb.engine.devdb;

import io.plumb.engine.db.DatabaseException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * {@code DockerServers} starts the containers behind {@code docker://} URLs through Testcontainers: one container
 * per image and tag per JVM, removed when the JVM exits (Testcontainers' reaper removes them after a kill).
 */
public final class DockerServers {

    private static final Map<String, String> STARTED = new HashMap<>();

    private DockerServers() {}

    /**
     * Returns the server URL (with user and password) of a container of {@code postgres}, {@code mysql} or {@code
     * maria} at a tag, starting it if needed.
     *
     * @param shown the URL as the user gave it, for messages
     * @throws DatabaseException when no Docker engine is reachable or the container does not start
     */
    public static synchronized String server(String kind, String tag, String shown) {
        String key = kind + ":" + tag;
        String url = STARTED.get(key);
        if (url == null) {
            url = start(kind, tag, shown);
            STARTED.put(key, url);
        }
        return url;
    }

    @SuppressWarnings("resource") // Testcontainers stops the container when the JVM exits.
    private static String start(String kind, String tag, String shown) {
        if (!dockerAvailable()) {
            throw new DatabaseException(shown + ": no Docker engine is reachable (start Docker, or use embedded://"
                    + (kind.equals("postgres") ? "postgres" : "mariadb") + "/VERSION instead)");
        }
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        try {
            GenericContainer<?> container;
            String url;
            switch (kind) {
                case "postgres" -> {
                    container = new GenericContainer<>("postgres:" + tag)
                            .withEnv("POSTGRES_PASSWORD", password)
                            .withExposedPorts(5432)
                            .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*", 2));
                    container.start();
                    url = "postgres://postgres:" + password + "@" + container.getHost() + ":"
                            + container.getMappedPort(5432) + "/postgres?sslmode=disable";
                }
                default -> {
                    String image = kind.equals("mysql") ? "mysql:" + tag : "mariadb:" + tag;
                    container = new GenericContainer<>(image)
                            .withEnv(kind.equals("mysql") ? "MYSQL_ROOT_PASSWORD" : "MARIADB_ROOT_PASSWORD", password)
                            .withExposedPorts(3306)
                            .waitingFor(Wait.forListeningPort());
                    container.start();
                    url = (kind.equals("mysql") ? "mysql" : "mariadb") + "://root:" + password + "@"
                            + container.getHost() + ":" + container.getMappedPort(3306) + "/";
                }
            }
            return url;
        } catch (RuntimeException e) {
            throw new DatabaseException(
                    shown + ": the container did not start: "
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
                    e);
        }
    }

    /** Returns whether a Docker engine is reachable; tests of {@code docker://} URLs skip when it is not. */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}

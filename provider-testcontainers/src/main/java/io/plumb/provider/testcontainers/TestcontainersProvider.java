package io.plumb.provider.testcontainers;

import io.plumb.provider.ProviderException;
import io.plumb.provider.ServerProvider;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * {@code TestcontainersProvider} starts the containers behind {@code docker://} URLs through Testcontainers: the
 * engine asks for one container per image and tag per JVM; Testcontainers removes them when the JVM exits (its
 * reaper removes them after a kill).
 */
public final class TestcontainersProvider implements ServerProvider {

    /** Creates the provider; {@link java.util.ServiceLoader} does. */
    public TestcontainersProvider() {}

    @Override
    public String scheme() {
        return "docker";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("postgres", "mysql", "maria");
    }

    /**
     * Returns the server URL (with user and password) of a new container of {@code postgres}, {@code mysql} or
     * {@code maria} at a tag.
     *
     * @throws ProviderException when no Docker engine is reachable or the container does not start
     */
    @Override
    public String start(String kind, String tag, String shown) {
        return startContainer(kind, tag, shown);
    }

    @SuppressWarnings("resource") // Testcontainers stops the container when the JVM exits.
    private static String startContainer(String kind, String tag, String shown) {
        if (!dockerAvailable()) {
            throw new ProviderException(shown + ": no Docker engine is reachable (start Docker, or use embedded://"
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
            throw new ProviderException(
                    shown + ": the container did not start: "
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
                    e);
        }
    }

    /** Returns whether a Docker engine is reachable. */
    @Override
    public boolean available() {
        return dockerAvailable();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}

package io.plumb.engine.devdb;

/**
 * {@code DockerServers} gives the containers behind {@code docker://} URLs, started by the Testcontainers provider
 * ({@code io.plumb:plumb-provider-testcontainers}): one container per image and tag per JVM.
 */
public final class DockerServers {

    private DockerServers() {}

    /**
     * Returns the server URL (with user and password) of a container of {@code postgres}, {@code mysql} or {@code
     * maria} at a tag, starting it if needed.
     *
     * @param shown the URL as the user gave it, for messages
     * @throws io.plumb.engine.db.DatabaseException when the provider is absent, no Docker engine is reachable or the
     *     container does not start
     */
    public static String server(String kind, String tag, String shown) {
        return ServerProviders.system().server("docker", kind, tag, shown);
    }

    /**
     * Returns whether the Testcontainers provider is on the class path and a Docker engine is reachable; tests of
     * {@code docker://} URLs skip when not.
     */
    public static boolean dockerAvailable() {
        return ServerProviders.system()
                .provider("docker", "postgres")
                .map(p -> p.available())
                .orElse(false);
    }
}

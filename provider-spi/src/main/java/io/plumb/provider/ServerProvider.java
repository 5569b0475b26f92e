package io.plumb.provider;

import java.util.Set;

/**
 * A {@code ServerProvider} starts the database servers behind one URL scheme ({@code embedded://postgres/17}, {@code
 * docker://maria/11}). The engine finds providers through {@link java.util.ServiceLoader}: a module that ships one
 * lists its class in {@code META-INF/services/io.plumb.provider.ServerProvider}.
 *
 * <p>The engine calls {@link #start} at most once per kind and version in a JVM and shares the server it returns;
 * the provider stops its servers when the JVM exits.
 */
public interface ServerProvider {

    /** Returns the URL scheme this provider serves, {@code embedded} or {@code docker}. */
    String scheme();

    /**
     * Returns the server kinds it starts, by the engine's names for them: {@code postgres} and {@code mariadb} for
     * {@code embedded}, {@code postgres}, {@code mysql} and {@code maria} for {@code docker}.
     */
    Set<String> kinds();

    /**
     * Starts a server of a kind and version and returns its own URL with user and password, such as {@code
     * postgres://postgres:PASSWORD@localhost:PORT/postgres?sslmode=disable} or {@code
     * mariadb://root:PASSWORD@localhost:PORT/}.
     *
     * @param shown the URL as the user gave it, for messages
     * @throws ProviderException when the server cannot be started; the message is one line and names no password
     */
    String start(String kind, String version, String shown);

    /**
     * Returns whether this provider can start servers here at all (a Docker engine is reachable); tests skip on
     * {@code false}.
     */
    default boolean available() {
        return true;
    }
}

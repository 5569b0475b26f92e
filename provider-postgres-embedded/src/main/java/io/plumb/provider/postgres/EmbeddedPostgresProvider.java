package io.plumb.provider.postgres;

import io.plumb.provider.ServerProvider;
import java.util.Set;

/** Serves {@code embedded://postgres/VERSION} with zonky's PostgreSQL binaries ({@link EmbeddedPostgresServer}). */
public final class EmbeddedPostgresProvider implements ServerProvider {

    /** Creates the provider; {@link java.util.ServiceLoader} does. */
    public EmbeddedPostgresProvider() {}

    @Override
    public String scheme() {
        return "embedded";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("postgres");
    }

    @Override
    public String start(String kind, String version, String shown) {
        return EmbeddedPostgresServer.start(version);
    }
}

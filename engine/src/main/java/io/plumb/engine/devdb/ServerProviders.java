package io.plumb.engine.devdb;

import io.plumb.engine.db.DatabaseException;
import io.plumb.provider.ProviderException;
import io.plumb.provider.ServerProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code ServerProviders} finds the {@link ServerProvider}s on the class path through {@link ServiceLoader} and
 * keeps the servers they started: one per scheme, kind and version in a JVM. A URL whose provider is absent fails
 * with the artifact to add ({@code embedded://postgres/17 needs io.plumb:plumb-provider-postgres-embedded on the
 * class path}).
 */
public final class ServerProviders {

    /** The group of Plumb's artifacts, for messages. */
    static final String GROUP = "io.plumb";

    private static @Nullable ServerProviders system;

    private final List<ServerProvider> providers;
    private final List<String> broken = new ArrayList<>();
    private final Map<String, String> started = new HashMap<>();

    /** Finds the providers a class loader sees. */
    ServerProviders(@Nullable ClassLoader loader) {
        this.providers = load(loader, broken);
    }

    /** Returns the providers of the engine's own class loader, shared by the JVM. */
    public static synchronized ServerProviders system() {
        ServerProviders found = system;
        if (found == null) {
            found = new ServerProviders(ServerProviders.class.getClassLoader());
            system = found;
        }
        return found;
    }

    /**
     * Returns the URL (with user and password) of the server of a kind and version, starting it through its provider
     * on first use.
     *
     * @param shown the URL as the user gave it, for messages
     * @throws DatabaseException when no provider on the class path serves the scheme and kind, or it cannot start
     *     the server
     */
    public synchronized String server(String scheme, String kind, String version, String shown) {
        String key = scheme + "://" + kind + "/" + version;
        String url = started.get(key);
        if (url == null) {
            ServerProvider provider = provider(scheme, kind)
                    .orElseThrow(() -> new DatabaseException(shown + " needs " + GROUP + ":" + artifact(scheme, kind)
                            + " on the class path" + (broken.isEmpty() ? "" : " (" + String.join("; ", broken) + ")")));
            try {
                url = provider.start(kind, version, shown);
            } catch (ProviderException e) {
                throw new DatabaseException(String.valueOf(e.getMessage()), e);
            }
            started.put(key, url);
        }
        return url;
    }

    /** Returns the provider of a scheme and kind, if one is on the class path. */
    public Optional<ServerProvider> provider(String scheme, String kind) {
        return providers.stream()
                .filter(p -> p.scheme().equals(scheme) && p.kinds().contains(kind))
                .findFirst();
    }

    /** Returns the artifact of Plumb's provider of a scheme and kind, such as {@code plumb-provider-testcontainers}. */
    static String artifact(String scheme, String kind) {
        if (scheme.equals("docker")) {
            return "plumb-provider-testcontainers";
        }
        return kind.equals("postgres") ? "plumb-provider-postgres-embedded" : "plumb-provider-mariadb-embedded";
    }

    // The engine's class loader first, then the thread's (a plugin or IDE may see the providers only there).
    // A provider that cannot be loaded (its library missing from a hand-made class path) is left out and named in
    // the message of a URL that needs one.
    private static List<ServerProvider> load(@Nullable ClassLoader loader, List<String> broken) {
        Set<String> seen = new LinkedHashSet<>();
        List<ServerProvider> found = new ArrayList<>();
        List<@Nullable ClassLoader> loaders = new ArrayList<>();
        loaders.add(loader);
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null && context != loader && loader == ServerProviders.class.getClassLoader()) {
            loaders.add(context);
        }
        for (ClassLoader l : loaders) {
            Iterator<ServerProvider> providers =
                    ServiceLoader.load(ServerProvider.class, l).iterator();
            // The iterator moves past a provider that fails; the bound keeps a loader that does not from looping.
            for (int failures = 0; failures < 16; ) {
                try {
                    if (!providers.hasNext()) {
                        break;
                    }
                    ServerProvider provider = providers.next();
                    if (seen.add(provider.getClass().getName())) {
                        found.add(provider);
                    }
                } catch (ServiceConfigurationError e) {
                    Throwable cause = e.getCause();
                    failures++;
                    broken.add(e.getMessage()
                            + (cause == null
                                    ? ""
                                    : ": " + cause.getClass().getSimpleName() + " " + cause.getMessage()));
                }
            }
        }
        return List.copyOf(found);
    }
}

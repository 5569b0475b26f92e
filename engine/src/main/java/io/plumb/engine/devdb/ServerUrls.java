package io.plumb.engine.devdb;

import io.plumb.engine.db.DatabaseUrl;
import io.plumb.engine.db.InvalidUrlException;

/**
 * {@code ServerUrls} turns a provider URL ({@code embedded://postgres/17}, {@code docker://maria/11/dev}) into the
 * URL of the server behind it, starting the server if needed, for those that make databases on the server
 * themselves (isolation).
 */
final class ServerUrls {

    private ServerUrls() {}

    /**
     * Returns the server's own URL, with credentials.
     *
     * @throws InvalidUrlException when the URL names no known server kind or version
     */
    static String server(DatabaseUrl url) {
        String[] segments = url.path().split("/", -1);
        if (url.path().isEmpty() || segments[0].isEmpty()) {
            throw new InvalidUrlException(
                    url.original(), "expected " + url.scheme() + "://KIND/VERSION, such as embedded://postgres/17");
        }
        String version = segments[0];
        String kind = url.host();
        if (url.scheme().equals("docker")) {
            String image = kind.equals("mariadb") ? "maria" : kind;
            return DockerServers.server(image, version, url.toString());
        }
        return switch (kind) {
            case "postgres", "postgresql" -> ServerProviders.system()
                    .server("embedded", "postgres", version, url.toString());
            case "mariadb", "maria" -> ServerProviders.system().server("embedded", "mariadb", version, url.toString());
            default -> throw new InvalidUrlException(
                    url.original(), "unknown embedded server \"" + kind + "\", expected postgres or mariadb");
        };
    }
}

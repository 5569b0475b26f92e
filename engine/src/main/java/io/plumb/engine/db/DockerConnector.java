package io.plumb.engine.db;

import io.plumb.engine.devdb.DockerServers;

/**
 * Opens Atlas's {@code docker://postgres/15[/DB]}, {@code docker://mysql/8[/SCHEMA]} and {@code
 * docker://maria/11[/SCHEMA]} URLs on containers ({@link DockerServers}).
 *
 * <p>As in Atlas: a PostgreSQL URL without a database uses {@code postgres}; a MySQL or MariaDB URL without a schema
 * is server-bound; the named database or schema is created on first use.
 */
final class DockerConnector {

    private DockerConnector() {}

    static Database open(DatabaseUrl url) {
        String[] segments = url.path().split("/", -1);
        if (url.path().isEmpty() || segments.length > 2 || segments[0].isEmpty()) {
            throw new InvalidUrlException(url.original(), "expected docker://postgres|mysql|maria/TAG[/NAME]");
        }
        String kind = url.host().equals("mariadb") ? "maria" : url.host();
        if (!kind.equals("postgres") && !kind.equals("mysql") && !kind.equals("maria")) {
            throw new InvalidUrlException(
                    url.original(), "unknown docker image \"" + url.host() + "\", expected postgres, mysql or maria");
        }
        String name = segments.length == 2 ? segments[1] : "";
        DatabaseUrl server = DatabaseUrl.parse(DockerServers.server(kind, segments[0], url.toString()));
        return EmbeddedConnector.onServer(server, url, kind.equals("postgres") && name.isEmpty() ? "postgres" : name);
    }
}

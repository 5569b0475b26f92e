package io.plumb.engine.db;

/** Opens {@code embedded://postgres/VERSION[/DB]} and {@code embedded://mariadb/VERSION[/SCHEMA]} URLs. */
final class EmbeddedConnector {

    private EmbeddedConnector() {}

    static Database open(DatabaseUrl url) {
        throw new InvalidUrlException(url.original(), "embedded servers are not supported by this build yet");
    }
}

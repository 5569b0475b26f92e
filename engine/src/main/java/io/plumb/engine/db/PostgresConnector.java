package io.plumb.engine.db;

import io.plumb.engine.dialect.postgres.PostgresDialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Opens {@code postgres://} and {@code postgresql://} URLs with the PostgreSQL JDBC driver.
 *
 * <p>The user and password travel as connection properties, never inside the JDBC URL, so that no driver message
 * can echo them. {@code sslmode} is passed through as given; when absent it is the driver's {@code prefer} (TLS
 * when the server offers it) rather than lib/pq's {@code require}, so that a local server without TLS works
 * without {@code sslmode=disable}. {@code search_path=S} makes the URL schema-bound to {@code S}; otherwise it is
 * bound to the database. Other query parameters go to the driver as properties.
 */
final class PostgresConnector {

    static final int DEFAULT_PORT = 5432;
    private static final String CONNECT_TIMEOUT_SECONDS = "10";

    private PostgresConnector() {}

    /**
     * Connects to the server {@code real} names and reports errors and identity with {@code shown}, the URL the
     * user gave (they differ for {@code embedded://} and {@code docker://}).
     */
    static Database open(DatabaseUrl real, DatabaseUrl shown) {
        String host = real.host().isEmpty() ? "localhost" : real.host();
        int port = real.port() < 0 ? DEFAULT_PORT : real.port();
        String database = real.path().isEmpty() ? "postgres" : real.path();
        if (database.contains("/")) {
            throw new InvalidUrlException(
                    shown.original(), "database name \"" + database + "\" contains \"/\", expected one path segment");
        }
        String jdbc = "jdbc:postgresql://" + hostLiteral(host) + ":" + port + "/" + database;
        Properties properties = properties(real);
        try {
            Connection connection = DriverManager.getConnection(jdbc, properties);
            Optional<String> schema =
                    Optional.ofNullable(real.query().get("search_path")).filter(s -> !s.isEmpty() && !s.contains(","));
            return Database.of(
                    shown, new PostgresDialect(connection.getMetaData().getDatabaseMajorVersion()), connection, schema);
        } catch (SQLException e) {
            throw new DatabaseException("cannot connect to " + shown + ": " + ConnectErrors.message(e), e);
        }
    }

    private static Properties properties(DatabaseUrl url) {
        Properties properties = new Properties();
        properties.setProperty("user", url.user().isEmpty() ? "postgres" : url.user());
        url.password().ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("connectTimeout", CONNECT_TIMEOUT_SECONDS);
        properties.setProperty("ApplicationName", "plumb");
        for (Map.Entry<String, String> parameter : url.query().entrySet()) {
            switch (parameter.getKey()) {
                case "search_path" -> properties.setProperty("currentSchema", parameter.getValue());
                case "connect_timeout" -> properties.setProperty("connectTimeout", parameter.getValue());
                case "application_name" -> properties.setProperty("ApplicationName", parameter.getValue());
                default -> properties.setProperty(parameter.getKey(), parameter.getValue());
            }
        }
        return properties;
    }

    static String hostLiteral(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}

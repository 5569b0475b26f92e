package io.plumb.engine.db;

import io.plumb.engine.dialect.mysql.MysqlDialect;
import io.plumb.engine.dialect.mysql.MysqlFlavour;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Opens {@code mysql://}, {@code maria://} and {@code mariadb://} URLs with the MariaDB JDBC driver, which speaks
 * to both servers.
 *
 * <p>A path {@code /db} makes the URL schema-bound to {@code db}; {@code /} or no path binds it to the server. The
 * flavour is MariaDB for the maria schemes, and for {@code mysql://} when the server's {@code version()} says
 * MariaDB. Atlas's {@code tls} parameter maps to the driver's {@code sslMode}; {@code parseTime} (forced by Atlas
 * for the Go driver) means nothing here and is dropped; other parameters go to the driver as properties.
 */
final class MysqlConnector {

    static final int DEFAULT_PORT = 3306;
    private static final String CONNECT_TIMEOUT_MILLIS = "10000";

    private MysqlConnector() {}

    /** Connects to the server {@code real} names, reporting with {@code shown} (the URL as the user gave it). */
    static Database open(DatabaseUrl real, DatabaseUrl shown) {
        String host = real.host().isEmpty() ? "localhost" : real.host();
        int port = real.port() < 0 ? DEFAULT_PORT : real.port();
        String schema = real.path();
        if (schema.contains("/")) {
            throw new InvalidUrlException(
                    shown.original(), "schema name \"" + schema + "\" contains \"/\", expected one path segment");
        }
        String jdbc = "jdbc:mariadb://" + PostgresConnector.hostLiteral(host) + ":" + port + "/" + schema;
        try {
            Connection connection = DriverManager.getConnection(jdbc, properties(real));
            MysqlFlavour flavour = real.scheme().startsWith("maria") ? MysqlFlavour.MARIADB : flavour(connection);
            Optional<String> bound = schema.isEmpty() ? Optional.empty() : Optional.of(schema);
            return Database.of(shown, MysqlDialect.of(flavour, connection), connection, bound);
        } catch (SQLException e) {
            throw new DatabaseException("cannot connect to " + shown + ": " + ConnectErrors.message(e), e);
        }
    }

    static MysqlFlavour flavour(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version()")) {
            rows.next();
            String version = rows.getString(1);
            return version != null && version.toLowerCase(Locale.ROOT).contains("mariadb")
                    ? MysqlFlavour.MARIADB
                    : MysqlFlavour.MYSQL;
        }
    }

    private static Properties properties(DatabaseUrl url) {
        Properties properties = new Properties();
        properties.setProperty("user", url.user().isEmpty() ? "root" : url.user());
        url.password().ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("connectTimeout", CONNECT_TIMEOUT_MILLIS);
        for (Map.Entry<String, String> parameter : url.query().entrySet()) {
            switch (parameter.getKey()) {
                case "parseTime" -> {
                    // The Go driver's flag; JDBC always parses times.
                }
                case "tls" -> properties.setProperty("sslMode", sslMode(parameter.getValue()));
                default -> properties.setProperty(parameter.getKey(), parameter.getValue());
            }
        }
        return properties;
    }

    private static String sslMode(String tls) {
        return switch (tls) {
            case "true" -> "verify-full";
            case "skip-verify", "preferred" -> "trust";
            default -> "disable";
        };
    }
}

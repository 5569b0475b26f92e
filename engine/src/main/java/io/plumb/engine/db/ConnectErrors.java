package io.plumb.engine.db;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Turns a failure to connect into the reason a user acts on: "connection refused", "unknown host h", or the
 * server's own words without the driver's decoration ({@code FATAL: }, SQL states, retry advice).
 */
final class ConnectErrors {

    private ConnectErrors() {}

    static String message(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
            if (t instanceof SocketTimeoutException) {
                return "connection timed out";
            }
        }
        String message = SqlErrors.message(e);
        if (message.toLowerCase(Locale.ROOT).contains("connection refused")) {
            return "connection refused";
        }
        // mariadb-java-client: "(conn=12) Access denied for user 'u'@'localhost' (using password: YES)".
        message = message.replaceFirst("^\\(conn=\\d+\\)\\s*", "");
        return message.replaceFirst("^(FATAL|ERROR):\\s*", "");
    }
}

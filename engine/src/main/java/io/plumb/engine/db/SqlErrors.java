package io.plumb.engine.db;

import java.sql.SQLException;
import java.util.regex.Pattern;

/** Turns driver exceptions into the one-line messages Plumb prints. */
public final class SqlErrors {

    // sqlite-jdbc prefixes messages with the result code: "[SQLITE_ERROR] SQL error or missing database (near ...)".
    private static final Pattern SQLITE_PREFIX =
            Pattern.compile("^\\[SQLITE_[A-Z_]+\\][^(]*\\((.*)\\)$", Pattern.DOTALL);

    // mariadb-java-client prefixes messages with its connection id, "(conn=23) Table 't' already exists", which
    // differs from run to run.
    private static final Pattern MARIADB_PREFIX = Pattern.compile("^\\(conn=\\d+\\)\\s*");

    private SqlErrors() {}

    /** Returns the driver's message without driver decoration, on one line and without passwords. */
    public static String message(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        var m = SQLITE_PREFIX.matcher(message.trim());
        if (m.matches()) {
            message = m.group(1);
        }
        message = MARIADB_PREFIX.matcher(message.trim()).replaceFirst("");
        return DatabaseUrl.redact(message.replaceAll("\\s*\\R\\s*", " ").trim());
    }
}
